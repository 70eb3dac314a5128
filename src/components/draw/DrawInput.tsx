import type { StrokeModel } from '../../lib/draw/strokes.ts';
import type { Mode } from '../../lib/draw/draw-state.ts';
import type { GridState } from '../../lib/viz/paint-grid.ts';
import { gridIsEmpty } from '../../lib/viz/paint-grid.ts';
import { FRAME } from '../../lib/draw/preprocess.ts';
import { DrawCanvas, type EditPhase } from './DrawCanvas.tsx';
import { PaintGrid } from '../viz/PaintGrid.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;
const HELP_ID = 'draw-help';

/** The two ways to draw: with a pen on a canvas, or with the keyboard on a grid. */
export function ModeChoice({ mode, onMode }: { mode: Mode; onMode: (m: Mode) => void }) {
  return (
    <fieldset class="draw__mode">
      <legend>{t.modeLegend}</legend>
      {(['pen', 'grid'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="draw-mode" value={m} checked={mode === m} onChange={() => { onMode(m); }} />
          {m === 'pen' ? t.modePen : t.modeGrid}
        </label>
      ))}
    </fieldset>
  );
}

/** The drawing surface of the chosen mode and its undo/clear buttons. */
export function DrawInput(props: {
  mode: Mode;
  strokes: StrokeModel;
  strokeVersion: number;
  grid: GridState;
  onEdit: (phase: EditPhase) => void;
  onGrid: (next: GridState) => void;
  onUndo: () => void;
  onClear: () => void;
}) {
  const { mode, strokes, grid } = props;
  const canUndo = mode === 'pen' ? !strokes.isEmpty : grid.past.length > 0;
  const canClear = mode === 'pen' ? !strokes.isEmpty : !gridIsEmpty(grid);
  return (
      <div class="draw__input">
        {mode === 'pen' ? (
          <DrawCanvas model={strokes} version={props.strokeVersion} label={t.canvasLabel} describedBy={HELP_ID} onEdit={props.onEdit} />
        ) : (
          <PaintGrid grid={grid} label={t.gridLabel(FRAME)} describedBy={HELP_ID} position={t.gridPosition} onChange={props.onGrid} testId="draw-grid" />
        )}
        <p id={HELP_ID} class="draw__help">
          {mode === 'pen' ? t.canvasHelp : t.gridHelp}
        </p>
        <div class="draw__buttons">
          <button type="button" onClick={props.onUndo} disabled={!canUndo}>
            {t.undo}
          </button>
          <button type="button" onClick={props.onClear} disabled={!canClear}>
            {t.clear}
          </button>
        </div>
      </div>
  );
}
