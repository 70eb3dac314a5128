import { useEffect, useMemo, useState } from 'preact/hooks';
import { DECK_EXAMPLE, DECK_SIDE, argmaxCell, poolBlocks, pooledSide } from '../../lib/pooling/blocks.ts';
import { maxPoolTf } from '../../lib/pooling/pool-tf.ts';
import { currentBlock, step, stepKey, type StepAction } from '../../lib/pooling/stepper.ts';
import type { Tf } from '../../lib/tf-runtime.ts';
import { defineUrlState, numberList } from '../../lib/url-state.ts';
import { formatNumber, type NumberSpec } from '../../lib/viz/numeric.ts';
import { NumberMatrix } from '../viz/NumberMatrix.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.pooling;
const VALUE: NumberSpec = { min: -999, max: 999 };
/** The example's matrix in the URL: ?pool=1,5,9,5,… (16 numbers). */
export const poolingSettings = defineUrlState({ pool: numberList(DECK_EXAMPLE, VALUE) });
const SIDE = DECK_SIDE;
const OUT = pooledSide(SIDE);
const BLOCKS = poolBlocks(SIDE, SIDE);

/**
 * The deck's 4×4 example, editable, pooled with tf.maxPool and stepped through block by block:
 * the current block is outlined in the input, its largest value marked, and the maxima of the
 * blocks done so far are written into the output. ←/→ (Home/End) on the steps, or the buttons.
 */
export function ExampleStepper({ tf, onTensors }: { tf: Tf | undefined; onTensors: (n: number) => void }) {
  const [settings, setSettings] = useUrlState(poolingSettings);
  const values = settings.pool;
  const [done, setDone] = useState(0);
  const [pooled, setPooled] = useState<{ for: readonly number[]; data: Float32Array } | null>(null);
  useEffect(() => {
    if (!tf) return;
    let alive = true;
    void maxPoolTf(tf, { data: values, height: SIDE, width: SIDE, channels: 1 }).then((r) => {
      if (!alive) return;
      setPooled({ for: values, data: r.data });
      onTensors(tf.memory().numTensors);
    });
    return () => {
      alive = false;
    };
  }, [tf, values]);
  const output = pooled?.for === values ? pooled.data : undefined;
  const current = currentBlock(done);
  const block = BLOCKS[current];
  const maxCell = useMemo(() => (block ? argmaxCell(values, block) : -1), [values, block]);
  const act = (a: StepAction) => {
    setDone((d) => step(d, BLOCKS.length, a));
  };

  let status: string = t.stepStart;
  if (block && output) status = t.stepStatus(done, BLOCKS.length, block.cells.map((c) => formatNumber(values[c] ?? NaN)).join(', '), formatNumber(output[current] ?? NaN));
  const cellClass = (i: number) => {
    const r = Math.floor(i / SIDE);
    const c = i % SIDE;
    const parts = ['pooling__cell'];
    if (c % 2 === 1 && c < SIDE - 1) parts.push('pooling__cell--edge-right');
    if (r % 2 === 1 && r < SIDE - 1) parts.push('pooling__cell--edge-below');
    if (block?.cells.includes(i)) parts.push('pooling__cell--block');
    if (i === maxCell) parts.push('pooling__cell--max');
    return parts.join(' ');
  };

  return (
    <div class="pooling__part" role="group" aria-labelledby="pooling-example-title">
      <p class="pooling__subtitle" id="pooling-example-title">{t.exampleHeading}</p>
      <div class="pooling__row">
        <NumberMatrix id="pooling-input" caption={t.input} rows={SIDE} cols={SIDE} values={values} spec={VALUE} testId="pooling-input"
          onChange={(pool) => { setSettings({ pool }); }} />
        <div class="pooling__steps" tabIndex={0} role="group" aria-label={t.steps} aria-describedby="pooling-steps-help" data-testid="pooling-steps" data-done={done}
          onKeyDown={(e) => {
            const a = stepKey(e.key);
            if (a === null) return;
            e.preventDefault();
            act(a);
          }}>
          <table class="pooling__grid" data-testid="pooling-grid">
            <caption>{t.grid}</caption>
            <tbody>
              {Array.from({ length: SIDE }, (_, r) => (
                <tr key={r}>
                  {Array.from({ length: SIDE }, (_, c) => {
                    const i = r * SIDE + c;
                    return <td key={c} class={cellClass(i)} data-max={i === maxCell ? 'true' : undefined}>{formatNumber(values[i] ?? NaN)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <span class="pooling__arrow" aria-hidden="true">→</span>
          <table class="pooling__grid pooling__grid--out" data-testid="pooling-output">
            <caption>{t.output(OUT)}</caption>
            <tbody>
              {Array.from({ length: OUT }, (_, r) => (
                <tr key={r}>
                  {Array.from({ length: OUT }, (_, c) => {
                    const b = r * OUT + c;
                    const shown = b < done && output !== undefined;
                    return <td key={c} class={b === current ? 'pooling__cell pooling__cell--block' : 'pooling__cell'}>{shown ? formatNumber(output[b] ?? NaN) : t.pending}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p id="pooling-steps-help" class="viz-help">{t.stepsHelp}</p>
      <p class="pooling__status" aria-live="polite" data-testid="pooling-status">{output ? status : t.computing}</p>
      <div class="viz-buttons">
        <button type="button" onClick={() => { act('previous'); }}>{t.previous}</button>
        <button type="button" onClick={() => { act('next'); }}>{t.next}</button>
        <button type="button" onClick={() => { act('first'); }}>{t.first}</button>
        <button type="button" onClick={() => { act('last'); }}>{t.all}</button>
        <button type="button" onClick={() => { setSettings({ pool: DECK_EXAMPLE }); }}>{t.resetExample}</button>
      </div>
    </div>
  );
}
