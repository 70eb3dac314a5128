import type { ShownPrediction } from '../../lib/draw/draw-state.ts';
import { SHOWN_LAYERS } from '../../lib/draw/draw-state.ts';
import { maxAbsOf } from '../../lib/viz/image.ts';
import { formatShape } from '../../lib/format.ts';
import { HeatMap } from '../viz/HeatMap.tsx';
import { ColorScale } from '../viz/ColorScale.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;
const COLUMNS = 8;
/** CSS pixels per value, per shown layer: the smaller maps are drawn larger. */
const SCALES = [2, 3];
const TEST_IDS = ['conv1-maps', 'conv2-maps'];
const TITLES = [t.conv1, t.conv2];

/** The feature maps of the convolution layers for the current drawing, and the first layer's filters. */
export function LayerMaps({ prediction, filters, filterShape }: { prediction: ShownPrediction | null; filters: Float32Array | null; filterShape: readonly number[] }) {
  const [kh = 0, kw = 0, , count = 0] = filterShape;
  return (
    <>
      <h3>{t.layersTitle}</h3>
      <div class="draw__layers">
        {SHOWN_LAYERS.map((layer, i) => {
          const [h = 0, w = 0, channels = 0] = layer.outputShape;
          const map = prediction?.activations[layer.name];
          return (
            <figure class="draw__figure" key={layer.name}>
              <figcaption>{(TITLES[i] ?? t.conv2)(channels, formatShape(layer.outputShape))}</figcaption>
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
              <HeatMap values={filters} width={kw} height={kh} channels={count} columns={COLUMNS} mode="signed" maxAbs={maxAbsOf(filters)} scale={8} label={t.filtersAlt(count)} testId="conv1-filters" />
              <ColorScale maxAbs={maxAbsOf(filters)} />
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
