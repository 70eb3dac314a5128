import { useMemo, useState } from 'preact/hooks';
import { changeMask, compareMaps, DIRECTIONS, offsetOf, relativeChange, shiftMap, type Direction } from '../../lib/pooling/shift.ts';
import type { Maps } from '../../lib/pooling/pool-tf.ts';
import type { Tf } from '../../lib/tf-runtime.ts';
import { percentText } from '../../lib/viz/bars.ts';
import { HeatMap } from '../viz/HeatMap.tsx';
import { usePooled } from './usePooled.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.pooling;

/**
 * One feature map (a channel of the first convolution for the chosen digit) shifted by one pixel
 * left, right, up or down, shown before and after pooling beside the unshifted one, with how many
 * values changed in the raw map and how many stayed the same after pooling.
 */
export function ShiftCompare({ tf, map, side, channel, onTensors }: { tf: Tf | undefined; map: Float32Array; side: number; channel: number; onTensors: (n: number) => void }) {
  const [direction, setDirection] = useState<Direction>('right');
  const { dx, dy } = offsetOf(direction);
  const shifted = useMemo(() => shiftMap(map, side, side, dx, dy), [map, side, dx, dy]);
  const before = useMemo<Maps>(() => ({ data: map, height: side, width: side, channels: 1 }), [map, side]);
  const after = useMemo<Maps>(() => ({ data: shifted, height: side, width: side, channels: 1 }), [shifted, side]);
  const pooledBefore = usePooled(tf, before, onTensors);
  const pooledAfter = usePooled(tf, after, onTensors);
  const raw = compareMaps(map, shifted);
  const pooled = pooledBefore && pooledAfter ? compareMaps(pooledBefore.data, pooledAfter.data) : undefined;
  const rawSize = relativeChange(map, shifted);
  const pooledSize = pooledBefore && pooledAfter ? relativeChange(pooledBefore.data, pooledAfter.data) : NaN;
  const mask = useMemo(() => (pooledBefore && pooledAfter ? changeMask(pooledBefore.data, pooledAfter.data) : undefined), [pooledBefore, pooledAfter]);
  const ps = pooledBefore?.width ?? 0;

  return (
    <div class="pooling__part" role="group" aria-labelledby="pooling-shift-title" data-testid="pooling-shift" data-direction={direction}
      data-raw-changed={raw.changed} data-pooled-same={pooled?.same} data-pooled-changed={pooled?.changed}>
      <p class="pooling__subtitle" id="pooling-shift-title">{t.shiftHeading(channel + 1)}</p>
      <div class="viz-buttons" role="group" aria-label={t.shiftLegend}>
        {DIRECTIONS.map((d) => (
          <button key={d} type="button" aria-pressed={direction === d} onClick={() => { setDirection(d); }}>{t.shiftButton[d]}</button>
        ))}
      </div>
      <div class="pooling__row">
        <figure class="viz-figure"><figcaption>{t.rawBefore(side)}</figcaption><HeatMap values={map} width={side} height={side} mode="per-tile" scale={5} label={t.rawBeforeAlt(side)} /></figure>
        <figure class="viz-figure"><figcaption>{t.rawAfter(side, t.shiftButton[direction])}</figcaption><HeatMap values={shifted} width={side} height={side} mode="per-tile" scale={5} label={t.rawAfterAlt(side)} /></figure>
      </div>
      {pooledBefore && pooledAfter && mask && (
        <div class="pooling__row">
          <figure class="viz-figure"><figcaption>{t.pooledBefore(ps)}</figcaption><HeatMap values={pooledBefore.data} width={ps} height={ps} mode="per-tile" scale={10} label={t.pooledBeforeAlt(ps)} /></figure>
          <figure class="viz-figure"><figcaption>{t.pooledAfter(ps)}</figcaption><HeatMap values={pooledAfter.data} width={ps} height={ps} mode="per-tile" scale={10} label={t.pooledAfterAlt(ps)} /></figure>
          <figure class="viz-figure"><figcaption>{t.changedMap}</figcaption><HeatMap values={mask} width={ps} height={ps} mode="grey" scale={10} label={t.changedMapAlt} /></figure>
        </div>
      )}
      <ul class="pooling__stats" aria-live="polite">
        <li data-testid="pooling-shift-raw">{t.rawStats(raw.changed, raw.same, raw.total, percentText(rawSize))}</li>
        {pooled && <li data-testid="pooling-shift-pooled">{t.pooledStats(pooled.same, pooled.changed, pooled.total, percentText(pooledSize))}</li>}
      </ul>
      <p class="viz-help">{t.shiftNote}</p>
    </div>
  );
}
