import { useEffect, useState } from 'preact/hooks';
import { cellAt, keyMove, type Position } from '../../lib/conv/window.ts';
import { INPUT_SIZE, SIDE, type ConvEvent } from '../../lib/conv/state.ts';
import { ColorScale } from '../viz/ColorScale.tsx';
import { MapWithWindow } from './MapWithWindow.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.convolution;
const SCALE = 8;
/** Milliseconds per step of the animation. */
const TICK_MS = 120;

/** Whether the learner asked for less motion (read once the island runs). */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const q = matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(q.matches);
    const on = () => { setReduced(q.matches); };
    q.addEventListener('change', on);
    return () => { q.removeEventListener('change', on); };
  }, []);
  return reduced;
}

/**
 * The input with the 3×3 window on it and the output with the window's cell: step, play, click
 * a cell or use the arrow keys on the output map (src/lib/conv/window.ts moves it).
 */
export function WindowView({ image, output, maxAbs, at, playing, dispatch }: {
  image: Float32Array;
  output: Float32Array | undefined;
  maxAbs: number;
  at: Position;
  playing: boolean;
  dispatch: (e: ConvEvent) => void;
}) {
  const reduced = useReducedMotion();
  useEffect(() => {
    if (!playing) return;
    if (reduced) {
      dispatch({ type: 'pause' });
      return;
    }
    const id = setInterval(() => { dispatch({ type: 'tick' }); }, TICK_MS);
    return () => { clearInterval(id); };
  }, [playing, reduced]);

  const onKey = (e: KeyboardEvent) => {
    const to = keyMove(e.key, at, SIDE);
    if (to === null) return;
    e.preventDefault();
    dispatch({ type: 'move', to });
  };
  const onClick = (e: MouseEvent) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const to = cellAt((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height, SIDE);
    if (to) dispatch({ type: 'move', to });
  };

  return (
    <div class="conv__window-view">
      <div class="conv__maps">
        <figure class="conv__figure">
          <figcaption class="viz-caption">{t.input(INPUT_SIZE)}</figcaption>
          <MapWithWindow values={image} side={INPUT_SIZE} mode="grey" scale={SCALE} label={t.inputAlt(at.row, at.col)} box={{ x: at.col, y: at.row, size: 3 }} testId="conv-input" />
        </figure>
        <figure class="conv__figure">
          <figcaption class="viz-caption">{t.output(SIDE)}</figcaption>
          {output && (
            <MapWithWindow
              values={output}
              side={SIDE}
              mode="signed"
              maxAbs={maxAbs}
              scale={SCALE}
              label=""
              box={{ x: at.col, y: at.row, size: 1 }}
              testId="conv-output"
              control={{ label: t.outputAlt(SIDE, at.row, at.col), describedBy: 'conv-output-help', onKeyDown: onKey, onClick, testId: 'conv-output-map' }}
            />
          )}
          <ColorScale maxAbs={maxAbs} />
        </figure>
      </div>
      <p id="conv-output-help" class="viz-help">{t.outputHelp}</p>
      <p class="conv__position" aria-live="polite" data-testid="conv-position">{t.position(at.row, at.col)}</p>
      <div class="viz-buttons">
        <button type="button" onClick={() => { dispatch({ type: 'step', by: -1 }); }} data-testid="conv-prev">{t.previous}</button>
        <button type="button" onClick={() => { dispatch({ type: 'step', by: 1 }); }} data-testid="conv-next">{t.next}</button>
        {!reduced && (
          <button type="button" onClick={() => { dispatch({ type: playing ? 'pause' : 'play' }); }} data-testid="conv-play">
            {playing ? t.pause : t.play}
          </button>
        )}
      </div>
      {reduced && <p class="viz-help">{t.reducedMotion}</p>}
    </div>
  );
}
