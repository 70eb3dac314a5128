import { useState } from 'preact/hooks';
import { cellAt, FLAT_CHANNELS, FLAT_UNITS, moveInLine, positionOf } from '../../lib/flatten/index.ts';
import { MarkedMap } from '../pooling/MarkedMap.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.flatten;
const ROWS = FLAT_UNITS / FLAT_CHANNELS;

/**
 * The 1,600 values of the line, 64 to a row (one row per cell of the 5×5 grid), coloured by
 * value. A slider for assistive technology and the keyboard (←/→ one value, ↑/↓ one row of 64,
 * Home/End); the pointer shows the value under it while hovering and chooses it on a click.
 */
export function FlatLine({ line, selected, onSelect, onHover }: { line: Float32Array; selected: number; onSelect: (i: number) => void; onHover: (i: number | null) => void }) {
  const [focused, setFocused] = useState(false);
  const p = positionOf(selected);
  const indexAt = (e: PointerEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return cellAt(e.clientX - box.left, e.clientY - box.top, box.width, box.height, FLAT_CHANNELS, ROWS);
  };
  return (
    <div
      class={focused ? 'flatten__line flatten__line--focus' : 'flatten__line'}
      role="slider"
      tabIndex={0}
      aria-label={t.lineLabel(FLAT_UNITS)}
      aria-describedby="flatten-line-help"
      aria-valuemin={0}
      aria-valuemax={FLAT_UNITS - 1}
      aria-valuenow={selected}
      aria-valuetext={t.valueText(selected, p.r, p.c, p.k)}
      data-testid="flatten-line"
      onFocus={() => { setFocused(true); }}
      onBlur={() => { setFocused(false); }}
      onKeyDown={(e) => {
        const to = moveInLine(selected, e.key);
        if (to === null) return;
        e.preventDefault();
        onSelect(to);
      }}
      onPointerMove={(e) => { onHover(indexAt(e)); }}
      onPointerLeave={() => { onHover(null); }}
      onClick={(e) => {
        const i = indexAt(e as unknown as PointerEvent);
        if (i !== null) onSelect(i);
      }}
    >
      <MarkedMap values={line} width={FLAT_CHANNELS} height={ROWS} mode="per-tile" scale={6} label=""
        marks={[{ x: p.k, y: p.r * 5 + p.c, w: 1, h: 1, className: 'flatten__mark' }]} />
    </div>
  );
}
