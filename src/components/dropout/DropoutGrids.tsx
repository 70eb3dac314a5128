import { useMemo } from 'preact/hooks';
import { GRID_SIDE } from '../../lib/dropout/mask.ts';
import { maxOf, toGrey } from '../../lib/dropout/view.ts';
import { HeatMap } from '../viz/HeatMap.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.dropoutMask;
const SCALE = 4;

/** The 1,600 units as three 40 × 40 grids: the input, the mask (white kept, black dropped) and the output, input and output on one grey scale. */
export function DropoutGrids({ id, values, mask, output, dropped }: { id: string; values: Float32Array; mask: Uint8Array; output: Float32Array; dropped: number }) {
  const max = useMemo(() => Math.max(maxOf(values), maxOf(output)), [values, output]);
  const input = useMemo(() => toGrey(values, max), [values, max]);
  const after = useMemo(() => toGrey(output, max), [output, max]);
  const kept = useMemo(() => Float32Array.from(mask), [mask]);
  return (
    <figure class="viz-figure dropout__grids">
      <figcaption>{t.gridsTitle}</figcaption>
      <div class="dropout__maps">
        {([
          ['input', t.inputMap, input, t.inputAlt],
          ['mask', t.maskMap, kept, t.maskAlt(dropped)],
          ['output', t.outputMap, after, t.outputAlt],
        ] as const).map(([key, caption, data, alt]) => (
          <div key={key} class="dropout__map">
            <p class="viz-caption">{caption}</p>
            <HeatMap values={data} width={GRID_SIDE} height={GRID_SIDE} mode="grey" scale={SCALE} label={alt} testId={`${id}-${key}-map`} />
          </div>
        ))}
      </div>
    </figure>
  );
}
