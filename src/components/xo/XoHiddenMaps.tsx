import { HIDDEN, INPUTS, SIDE, type XoParams } from '../../lib/xo/network.ts';
import { fixed } from '../../lib/xo/format.ts';
import { maxAbsOf } from '../../lib/viz/image.ts';
import { ColorScale } from '../viz/ColorScale.tsx';
import { HeatMap } from '../viz/HeatMap.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.xo.train;

/** Each hidden neuron's 9 weights as a signed 3×3 heat map (one scale for all three) with its θ. */
export function XoHiddenMaps({ id, params }: { id: string; params: XoParams }) {
  const scale = maxAbsOf(params.w1, 1);
  return (
    <div class="xo__maps" data-testid={`${id}-maps`}>
      <p class="viz-caption">{t.hiddenMaps}</p>
      <ul class="xo__map-list">
        {Array.from({ length: HIDDEN }, (_, j) => (
          <li key={j}>
            <HeatMap values={params.w1.slice(j * INPUTS, (j + 1) * INPUTS)} width={SIDE} height={SIDE} mode="signed" maxAbs={scale} scale={24} label={t.hiddenMapAlt(j, fixed(params.t1[j], 3))} />
            <span data-testid={`${id}-theta-${j}`}>{t.theta(j, fixed(params.t1[j], 3))}</span>
          </li>
        ))}
      </ul>
      <ColorScale maxAbs={scale} />
    </div>
  );
}
