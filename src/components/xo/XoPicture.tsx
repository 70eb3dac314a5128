import { clearGrid, gridFromCells, gridIsEmpty, undoGrid, type GridState } from '../../lib/viz/paint-grid.ts';
import { CIRCLE, CROSS, SIDE } from '../../lib/xo/network.ts';
import { PaintGrid } from '../viz/PaintGrid.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.xo;

/** The 3×3 picture: painted by pointer, touch or keyboard, with ○/× presets, undo and clear. */
export function XoPicture({ id, grid, onChange }: { id: string; grid: GridState; onChange: (g: GridState) => void }) {
  const preset = (cells: readonly number[]) => {
    onChange({ ...gridFromCells(SIDE, cells), row: grid.row, col: grid.col, past: [...grid.past, grid.cells] });
  };
  return (
    <div class="xo__picture">
      <p class="viz-caption">{t.picture}</p>
      <PaintGrid grid={grid} label={t.gridLabel} describedBy={`${id}-grid-help`} onChange={onChange} class="xo__grid" testId={`${id}-grid`} />
      <p id={`${id}-grid-help`} class="viz-help">
        {strings.kit.gridHelp}
      </p>
      <div class="viz-buttons">
        <button type="button" onClick={() => { preset(CIRCLE); }}>{t.presetCircle}</button>
        <button type="button" onClick={() => { preset(CROSS); }}>{t.presetCross}</button>
        <button type="button" disabled={grid.past.length === 0} onClick={() => { onChange(undoGrid(grid)); }}>{t.undo}</button>
        <button type="button" disabled={gridIsEmpty(grid)} onClick={() => { onChange(clearGrid(grid)); }}>{t.clear}</button>
      </div>
    </div>
  );
}
