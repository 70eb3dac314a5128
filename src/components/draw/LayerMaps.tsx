import { useState } from 'preact/hooks';
import type { DrawState, ShownPrediction } from '../../lib/draw/draw-state.ts';
import { SHOWN_LAYERS, filterValues } from '../../lib/draw/draw-state.ts';
import { maxAbsOf } from '../../lib/viz/image.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { formatShape } from '../../lib/format.ts';
import { HeatMap } from '../viz/HeatMap.tsx';
import { ColorScale } from '../viz/ColorScale.tsx';
import { NumberMatrix } from '../viz/NumberMatrix.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;
const COLUMNS = 8;
/** CSS pixels per value, per shown layer: the smaller maps are drawn larger. */
const SCALES = [2, 3];
const TEST_IDS = ['conv1-maps', 'conv2-maps'];
/** Keys, not the functions: `t` reads the edition in use each time (src/i18n/index.ts). */
const TITLES = ['conv1', 'conv2'] as const;

/** The feature maps of the convolution layers for the current drawing, and the first layer's filters. */
export function LayerMaps({ prediction, filters }: { prediction: ShownPrediction | null; filters: DrawState['filters'] }) {
  const [kh = 0, kw = 0, , count = 0] = filters?.shape ?? [];
  return (
    <>
      <h3>{t.layersTitle}</h3>
      <div class="draw__layers">
        {SHOWN_LAYERS.map((layer, i) => {
          const [h = 0, w = 0, channels = 0] = layer.outputShape;
          const map = prediction?.activations[layer.name];
          return (
            <figure class="draw__figure" key={layer.name}>
              <figcaption>{t[TITLES[i] ?? 'conv2'](channels, formatShape(layer.outputShape))}</figcaption>
              {map ? (
                <HeatMap values={map.data} width={w} height={h} channels={channels} columns={COLUMNS} mode="per-tile" scale={SCALES[i] ?? 2} label={t.mapsAlt(channels, formatShape([h, w]))} testId={TEST_IDS[i]} />
              ) : (
                <p class="draw__muted">{t.mapsEmpty}</p>
              )}
            </figure>
          );
        })}
        <figure class="draw__figure">
          <figcaption>{t.filters(count)}</figcaption>
          {filters ? (
            <>
              <HeatMap values={filters.kernels} width={kw} height={kh} channels={count} columns={COLUMNS} mode="signed" maxAbs={maxAbsOf(filters.kernels)} scale={8} label={t.filtersAlt(count)} testId="conv1-filters" />
              <ColorScale maxAbs={maxAbsOf(filters.kernels)} />
              <OneFilter filters={filters} />
            </>
          ) : (
            <p class="draw__muted">{t.inUseLoading}</p>
          )}
          <p class="draw__muted">{t.filtersNote}</p>
        </figure>
      </div>
      <p class="draw__muted">{t.mapsNote}</p>
    </>
  );
}

/** One filter's weights as numbers, on the same colour scale: pick it by its number. */
function OneFilter({ filters }: { filters: NonNullable<DrawState['filters']> }) {
  const [n, setN] = useState(1);
  const [kh = 0, kw = 0, , count = 0] = filters.shape;
  const index = Math.min(n, count) - 1;
  return (
    <div class="draw__filter" data-testid="filter-inspect">
      <NumericField id="draw-filter" label={t.filterPick} value={n} min={1} max={count} integer help={t.filterPickHelp(count)} onChange={setN} />
      <NumberMatrix id="draw-filter-weights" caption={t.filterWeights(index + 1)} rows={kh} cols={kw} values={filterValues(filters.kernels, filters.shape, index)} readOnly colour maxAbs={maxAbsOf(filters.kernels)} testId="filter-weights" />
      <p class="draw__muted" data-testid="filter-bias">{t.filterBias(formatNumber(filters.biases[index] ?? NaN))}</p>
    </div>
  );
}
