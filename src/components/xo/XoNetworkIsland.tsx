import { useEffect, useMemo, useState } from 'preact/hooks';
import { forward } from '../../lib/xo/network.ts';
import { forwardSettings, paramsOf } from '../../lib/xo/url.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { XoDegrees } from './XoDegrees.tsx';
import { XoDiagram } from './XoDiagram.tsx';
import { XoPicture } from './XoPicture.tsx';
import { XoWeights } from './XoWeights.tsx';
import { useXoGrid } from './useXoGrid.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.xo;
const ID = 'xo-forward';

/**
 * Lesson 1-3: paint a 3×3 picture and see what the 9-3-2 network makes of it with the lesson's
 * hand-set weights (or the learner's own): the hidden outputs, the ○ and × degrees, the network
 * drawn. Picture and parameters live in the URL.
 */
export default function XoNetworkIsland() {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useUrlState(forwardSettings);
  const [grid, setGrid] = useXoGrid(state.grid, (cells) => { setState((s) => ({ ...s, grid: cells })); });
  useEffect(() => {
    setHydrated(true);
  }, []);
  const params = paramsOf(state);
  const result = useMemo(() => forward(params, Array.from(grid.cells)), [state, grid.cells]);

  return (
    <DemoFrame id={ID} title={t.network.title} intro={t.network.intro} class="xo" data-testid={ID} data-hydrated={String(hydrated)}>
      <div class="viz-columns">
        <XoPicture id={ID} grid={grid} onChange={setGrid} />
        <XoDegrees id={ID} result={result} />
        <XoDiagram params={params} describedBy={`${ID}-weights-title`} testId={`${ID}-diagram`} />
      </div>
      <XoWeights id={ID} params={params} onChange={(p) => { setState((s) => ({ ...s, ...p })); }} />
      <button type="button" onClick={() => { setState((s) => ({ ...forwardSettings.defaults, grid: s.grid })); }}>
        {t.resetWeights}
      </button>
    </DemoFrame>
  );
}
