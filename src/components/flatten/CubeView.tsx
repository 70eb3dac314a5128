import { useRef } from 'preact/hooks';
import { FLAT_CHANNELS, FLAT_SIDE, FLAT_WIDTH, flatIndex, moveInGrid, type Position } from '../../lib/flatten/index.ts';
import { cssRgb, signedColour, textOn } from '../../lib/viz/image.ts';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.flatten;

/**
 * The 5×5×64 block, one channel at a time: a channel chooser and the 5×5 grid of that channel's
 * values as buttons (one tab stop; the arrow keys move inside). Choosing a cell chooses (r, c, k).
 */
export function CubeView({ pooled, at, maxValue, onSelect }: { pooled: Float32Array; at: Position; maxValue: number; onSelect: (p: Position) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const choose = (p: Position, focus: boolean) => {
    onSelect(p);
    if (focus) buttons.current[p.r * FLAT_WIDTH + p.c]?.focus();
  };
  return (
    <div class="flatten__cube">
      <NumericField id="flatten-channel" label={t.channel(FLAT_CHANNELS - 1)} value={at.k} min={0} max={FLAT_CHANNELS - 1} integer testId="flatten-channel"
        onChange={(k) => { onSelect({ ...at, k }); }} />
      <div class="flatten__grid" role="group" aria-label={t.gridLabel(at.k)} data-testid="flatten-grid">
        {Array.from({ length: FLAT_SIDE * FLAT_WIDTH }, (_, cell) => {
          const r = Math.floor(cell / FLAT_WIDTH);
          const c = cell % FLAT_WIDTH;
          const v = pooled[flatIndex(r, c, at.k)] ?? NaN;
          const bg = signedColour(v, maxValue);
          const chosen = r === at.r && c === at.c;
          return (
            <button
              key={cell}
              ref={(el) => { buttons.current[cell] = el; }}
              type="button"
              class={chosen ? 'flatten__cell flatten__cell--chosen' : 'flatten__cell'}
              style={{ background: cssRgb(bg), color: cssRgb(textOn(bg)) }}
              tabIndex={chosen ? 0 : -1}
              aria-pressed={chosen}
              aria-label={t.cellLabel(r, c, at.k, v.toFixed(2))}
              onClick={() => { choose({ r, c, k: at.k }, false); }}
              onKeyDown={(e) => {
                const to = moveInGrid({ r, c, k: at.k }, e.key);
                if (to === null) return;
                e.preventDefault();
                choose(to, true);
              }}
            >
              {v.toFixed(2)}
            </button>
          );
        })}
      </div>
      <p class="viz-help">{t.gridHelp}</p>
    </div>
  );
}
