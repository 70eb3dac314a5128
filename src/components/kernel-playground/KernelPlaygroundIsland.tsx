import { useEffect, useMemo, useState } from 'preact/hooks';
import { convolveValid, EDGE_KERNEL, KERNEL, outputSide } from '../../lib/viz/example-conv.ts';
import { maxAbsOf } from '../../lib/viz/image.ts';
import { clearGrid, emptyGrid, gridInk, gridIsEmpty, paintedCount, undoGrid } from '../../lib/viz/paint-grid.ts';
import { defineUrlState, numberField, numberList } from '../../lib/url-state.ts';
import { ColorScale } from '../viz/ColorScale.tsx';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { HeatMap } from '../viz/HeatMap.tsx';
import { NumberMatrix } from '../viz/NumberMatrix.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { PaintGrid } from '../viz/PaintGrid.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.kit.playground;
/** Input side: small enough to paint by hand, large enough for a 6×6 output. */
const SIZE = 8;
const SIDE = outputSide(SIZE);
/** What a kernel weight and the bias may be. */
const WEIGHT = { min: -10, max: 10 };

/** The kernel and the bias live in the URL: a configuration is a link. */
const settings = defineUrlState({
  kernel: numberList(EDGE_KERNEL, WEIGHT),
  bias: numberField(0, WEIGHT),
});

/**
 * The demo kit's worked example: paint an 8×8 image, edit a 3×3 kernel and a bias, and see the
 * 6×6 output of a valid convolution (src/lib/viz/example-conv.ts) as colours and as numbers.
 */
export default function KernelPlaygroundIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [grid, setGrid] = useState(() => emptyGrid(SIZE));
  const [state, setState] = useUrlState(settings);
  useEffect(() => {
    setHydrated(true);
  }, []);

  const output = useMemo(() => Array.from(convolveValid(gridInk(grid).data, SIZE, state.kernel, state.bias)), [grid, state]);
  /** At least ±1, so a small bias alone stays pale. */
  const maxAbs = maxAbsOf(output, 1);

  return (
    <DemoFrame id="kernel-playground" title={t.title} intro={t.intro} class="playground" data-testid="kernel-playground" data-hydrated={String(hydrated)} data-painted={paintedCount(grid)}>
      <div class="viz-columns">
        <div class="viz-narrow">
          <p class="viz-caption">{t.input(SIZE)}</p>
          <PaintGrid grid={grid} label={strings.kit.gridLabel(SIZE)} describedBy="kernel-playground-help" onChange={setGrid} testId="playground-grid" />
          <p id="kernel-playground-help" class="viz-help">
            {strings.kit.gridHelp}
          </p>
          <div class="viz-buttons">
            <button type="button" disabled={grid.past.length === 0} onClick={() => { setGrid(undoGrid); }}>
              {t.undo}
            </button>
            <button type="button" disabled={gridIsEmpty(grid)} onClick={() => { setGrid(clearGrid); }}>
              {t.clear}
            </button>
          </div>
        </div>
        <div class="viz-narrow">
          <NumberMatrix
            id="kernel-playground-kernel"
            caption={t.kernel}
            rows={KERNEL}
            cols={KERNEL}
            values={state.kernel}
            spec={WEIGHT}
            colour
            onChange={(kernel) => { setState((s) => ({ ...s, kernel })); }}
            testId="playground-kernel"
          />
          <p class="viz-help">{strings.kit.matrixHelp}</p>
          <NumericField id="kernel-playground-bias" label={t.bias} value={state.bias} {...WEIGHT} onChange={(bias) => { setState((s) => ({ ...s, bias })); }} testId="playground-bias" />
          <button type="button" onClick={() => { setState(settings.defaults); }}>
            {t.reset}
          </button>
        </div>
        <div class="viz-narrow">
          <p class="viz-caption">{t.output(SIDE)}</p>
          <HeatMap values={output} width={SIDE} height={SIDE} mode="signed" maxAbs={maxAbs} scale={24} label={t.outputAlt(SIDE)} testId="playground-heatmap" />
          <ColorScale maxAbs={maxAbs} />
          <NumberMatrix id="kernel-playground-output" caption={t.outputNumbers} rows={SIDE} cols={SIDE} values={output} readOnly colour maxAbs={maxAbs} testId="playground-output" />
        </div>
      </div>
    </DemoFrame>
  );
}
