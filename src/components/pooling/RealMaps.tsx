import { useMemo } from 'preact/hooks';
import type { Activation } from '../../lib/inference/api.ts';
import { channelOf, maxAbsDiff } from '../../lib/pooling/shift.ts';
import { pooledSide, POOL } from '../../lib/pooling/blocks.ts';
import type { Maps } from '../../lib/pooling/pool-tf.ts';
import type { Tf } from '../../lib/tf-runtime.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { NumericField } from '../viz/NumericField.tsx';
import { HeatMap } from '../viz/HeatMap.tsx';
import { MarkedMap, type Mark } from './MarkedMap.tsx';
import { usePooled } from './usePooled.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.pooling;

const mapsOf = (a: Activation): Maps => ({ data: a.data, height: a.shape[0] ?? 0, width: a.shape[1] ?? 0, channels: a.shape[2] ?? 0 });
/** The cells an odd side leaves out: its last row and column. */
function droppedMarks(side: number): Mark[] {
  if (side % POOL === 0) return [];
  const kept = pooledSide(side) * POOL;
  return [
    { x: 0, y: kept, w: side, h: side - kept, className: 'pooling__dropped' },
    { x: kept, y: 0, w: side - kept, h: kept, className: 'pooling__dropped' },
  ];
}

/**
 * One convolution layer's output (channel numbered from 1) for the chosen digit and the model's pooling of it, channel by
 * channel (26×26 → 13×13, 11×11 → 5×5, the dropped row and column marked), and the check that
 * the model's pooled maps equal this page's tf.maxPool of the convolution's output.
 */
export function RealPair({ id, tf, conv, pool, channel, onChannel, onTensors }: { id: string; tf: Tf | undefined; conv: Activation; pool: Activation; channel: number; onChannel: (c: number) => void; onTensors: (n: number) => void }) {
  const input = useMemo(() => mapsOf(conv), [conv]);
  const own = usePooled(tf, input, onTensors);
  const k = Math.min(channel, input.channels) - 1;
  const [side, pside] = [input.height, pool.shape[0] ?? 0];
  const rawMap = useMemo(() => channelOf(conv.data, side, input.width, input.channels, k), [conv, k]);
  const poolMap = useMemo(() => channelOf(pool.data, pside, pool.shape[1] ?? 0, pool.shape[2] ?? 0, k), [pool, k]);
  const diff = own ? maxAbsDiff(own.data, pool.data) : NaN;
  const match = own !== undefined && diff <= 1e-5;
  const rawScale = Math.floor(156 / side);
  const poolScale = Math.floor(156 / pside);
  return (
    <div class="pooling__pair" data-testid={`pooling-${id}`} data-conv-shape={conv.shape.join('x')} data-pool-shape={pool.shape.join('x')} data-match={own ? String(match) : undefined}>
      <NumericField id={`pooling-${id}-channel`} label={t.channel(input.channels)} value={channel} min={1} max={input.channels} integer onChange={onChannel} testId={`pooling-${id}-channel`} />
      <div class="pooling__row">
        <figure class="viz-figure">
          <figcaption data-testid={`pooling-${id}-conv-caption`}>{t.convCaption(conv.shape)}</figcaption>
          <MarkedMap values={rawMap} width={input.width} height={side} mode="per-tile" scale={rawScale} label={t.convAlt(side, k + 1)} marks={droppedMarks(side)} />
        </figure>
        <span class="pooling__arrow" aria-hidden="true">→</span>
        <figure class="viz-figure">
          <figcaption data-testid={`pooling-${id}-pool-caption`}>{t.poolCaption(pool.shape)}</figcaption>
          <HeatMap values={poolMap} width={pool.shape[1] ?? 0} height={pside} mode="per-tile" scale={poolScale} label={t.poolAlt(pside, k + 1)} />
        </figure>
      </div>
      {side % POOL === 1 && <p class="viz-help">{t.droppedNote(side, pside)}</p>}
      <p data-testid={`pooling-${id}-check`}>{own ? (match ? t.matches(formatNumber(diff)) : t.differs(formatNumber(diff))) : t.computing}</p>
    </div>
  );
}
