import { useReducer } from 'preact/hooks';
import { AUTO_STEPS, VALUE } from '../../lib/equations/equations.ts';
import { initialEquations, latest, reduceEquations } from '../../lib/equations/state.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { Elimination } from './Elimination.tsx';
import { TryTable } from './TryTable.tsx';
import { strings } from '../../i18n/index.ts';
import { useHydrated } from '../useHydrated.ts';

const t = strings.equations;
const ID = 'equations';
const NUDGES = [
  { dx: 1, dy: 0 }, { dx: -1, dy: 0 }, { dx: 0.1, dy: 0 }, { dx: -0.1, dy: 0 },
  { dx: 0, dy: 1 }, { dx: 0, dy: -1 }, { dx: 0, dy: 0.1 }, { dx: 0, dy: -0.1 },
] as const;

/**
 * Lesson 3-8: the deck's 3x + 2y = 13, 5x + 3y = 21 solved by trying values (each try's
 * left-hand sides, errors and squared error E, with a hint which way to go, and gradient steps
 * on E) and by elimination step by step. State: src/lib/equations/state.ts.
 */
export default function EquationIsland() {
  const hydrated = useHydrated();
  const [state, dispatch] = useReducer(reduceEquations, initialEquations);
  const now = latest(state);
  return (
    <DemoFrame id={ID} title={t.title} intro={t.intro} class="equations" data-testid="equations-demo" data-hydrated={String(hydrated)} data-x={now.x} data-y={now.y} data-error={now.squared}>
      <p class="equations__system">{t.system}</p>
      <div class="equations__inputs">
        <NumericField id={`${ID}-x`} label="x" value={state.x} {...VALUE} onChange={(x) => { dispatch({ type: 'set', x, y: state.y }); }} />
        <NumericField id={`${ID}-y`} label="y" value={state.y} {...VALUE} onChange={(y) => { dispatch({ type: 'set', x: state.x, y }); }} />
      </div>
      <div class="viz-buttons" role="group" aria-label={t.nudgeGroup}>
        <button type="button" class="equations__try" onClick={() => { dispatch({ type: 'try' }); }}>
          {t.tryButton}
        </button>
        {NUDGES.map((n) => {
          const v = n.dx !== 0 ? n.dx : n.dy;
          const name = n.dx !== 0 ? 'x' : 'y';
          return (
            <button key={`${name}${v}`} type="button" title={t.nudgeLabel(name, v)} onClick={() => { dispatch({ type: 'nudge', ...n }); }}>
              {`${name} ${v > 0 ? '+' : '−'}${formatNumber(Math.abs(v))}`}
            </button>
          );
        })}
      </div>
      <div class="viz-buttons">
        <button type="button" data-testid={`${ID}-auto`} onClick={() => { dispatch({ type: 'auto' }); }}>
          {t.autoButton(AUTO_STEPS)}
        </button>
        <button type="button" onClick={() => { dispatch({ type: 'reset' }); }}>
          {t.reset}
        </button>
      </div>
      <p class="viz-help">{t.autoHelp}</p>
      {state.refused && <p role="alert" class="error">{t.refused(VALUE.min, VALUE.max)}</p>}
      <TryTable id={ID} tries={state.tries} />
      <Elimination id={ID} shown={state.shown} dispatch={dispatch} />
    </DemoFrame>
  );
}
