import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { percentText } from '../../lib/viz/bars.ts';
import { greyRgba, maxAbsOf } from '../../lib/viz/image.ts';
import { emptyGrid } from '../../lib/viz/paint-grid.ts';
import { lossCurve, rampImage, saddleMap, stripeMaps } from '../../lib/viz/samples.ts';
import { imageAt } from '../../lib/mnist/loader.ts';
import { strings } from '../../i18n/index.ts';
import { DigitCanvas } from '../mnist/DigitCanvas.tsx';
import { useSampleMnist } from '../mnist/useSampleMnist.ts';
import { Bars } from './Bars.tsx';
import { ColorScale } from './ColorScale.tsx';
import { DemoFrame } from './DemoFrame.tsx';
import { HeatMap } from './HeatMap.tsx';
import { LineChart } from './LineChart.tsx';
import { NumberMatrix } from './NumberMatrix.tsx';
import { NumericField } from './NumericField.tsx';
import { PaintGrid } from './PaintGrid.tsx';
import { PixelCanvas } from './PixelCanvas.tsx';

const t = strings.kit.gallery;
const STEPS = 6330;
const PROBABILITIES = [0.01, 0.02, 0.005, 0.03, 0.015, 0.02, 0.01, 0.86, 0.02, 0.01];
const ACCURACY = [0.99, 0.985, Number.NaN, 0.97];
const SHARPEN = [0, -1, 0, -1, 5, -1, 0, -1, 0];
const SAMPLE_SHOWN = 10;

function Part({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="viz-figure">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

/** The kit's gallery: one of each part, with made-up data (src/lib/viz/samples.ts). */
export default function KitGallery() {
  const [hydrated, setHydrated] = useState(false);
  const [xo, setXo] = useState(() => emptyGrid(3));
  const [epochs, setEpochs] = useState(15);
  const sample = useSampleMnist();
  useEffect(() => {
    setHydrated(true);
  }, []);

  const ramp = useMemo(() => greyRgba(rampImage(7), 7, 7), []);
  const maps = useMemo(() => stripeMaps(8, 8), []);
  const saddle = useMemo(() => saddleMap(12), []);
  const loss = useMemo(() => lossCurve(STEPS), []);
  const top = PROBABILITIES.indexOf(Math.max(...PROBABILITIES));

  return (
    <DemoFrame id="kit-gallery" title={t.title} intro={t.intro} data-testid="kit-gallery" data-hydrated={String(hydrated)} data-sample={sample.phase}>
      <div class="viz-columns">
        <Part title="PixelCanvas">
          <PixelCanvas image={ramp} scale={16} label={t.rampAlt} marker={{ x: 3, y: 3 }} testId="kit-pixels" />
        </Part>
        <Part title="HeatMap (per-tile)">
          <HeatMap values={maps} width={8} height={8} channels={8} columns={4} mode="per-tile" scale={5} label={t.mapsAlt(8)} testId="kit-maps" />
        </Part>
        <Part title="HeatMap (signed) + ColorScale">
          <HeatMap values={saddle} width={12} height={12} mode="signed" scale={10} label={t.saddleAlt} testId="kit-signed" />
          <ColorScale maxAbs={maxAbsOf(saddle)} testId="kit-scale" />
        </Part>
        <Part title="PaintGrid (3×3)">
          <PaintGrid grid={xo} label={strings.kit.gridLabel(3)} describedBy="kit-xo-help" onChange={setXo} testId="kit-xo" />
          <p id="kit-xo-help" class="viz-help">
            {strings.kit.gridHelp}
          </p>
        </Part>
      </div>
      <div class="viz-columns">
        <Part title="LineChart">
          <LineChart title={t.lossTitle(STEPS)} series={[{ name: t.lossSeries, className: 'series-train', points: loss }]} xMax={STEPS} yMin={0} yMax={2.5} xLabel={t.steps} />
        </Part>
        <Part title="LineChart (1 point)">
          <LineChart title={t.onePoint} series={[{ name: t.lossSeries, className: 'series-train', points: [[1, 2.3]] }]} xMax={STEPS} yMin={0} yMax={2.5} xLabel={t.steps} />
        </Part>
      </div>
      <div class="viz-columns">
        <Part title="Bars">
          <Bars label={t.probabilities} items={PROBABILITIES.map((p, d) => ({ key: d, name: d, value: p, highlight: d === top, testId: `kit-probability-${d}` }))} />
        </Part>
        <Part title="Bars (text)">
          <Bars label={t.perClass} items={ACCURACY.map((a, d) => ({ key: d, value: a, text: Number.isNaN(a) ? t.noImages(d) : t.accuracy(d, percentText(a)) }))} testId="kit-accuracy" />
        </Part>
        <Part title="NumberMatrix (readOnly, colour)">
          <NumberMatrix id="kit-sharpen" caption={t.sharpen} rows={3} cols={3} values={SHARPEN} readOnly colour />
        </Part>
        <Part title="NumericField (integer)">
          <NumericField id="kit-epochs" label={t.epochs} value={epochs} min={1} max={50} integer onChange={setEpochs} help={t.epochsHelp} />
          <p data-testid="kit-epochs-value">{t.epochsValue(epochs)}</p>
        </Part>
        <Part title="sampleMnist + DigitCanvas">
          {sample.phase === 'ready' ? (
            <ul class="viz-list" aria-label={t.sampleList}>
              {Array.from({ length: SAMPLE_SHOWN }, (_, i) => (
                <li key={i}>
                  <DigitCanvas pixels={imageAt(sample.data.sample.images, i, sample.data.imageSize)} rows={sample.data.rows} cols={sample.data.cols} size={42} label={t.digitAlt(i, sample.data.sample.labels[i] ?? 0)} />
                </li>
              ))}
            </ul>
          ) : (
            <p role="status">{sample.phase === 'error' ? t.sampleFailed : t.sampleLoading}</p>
          )}
        </Part>
      </div>
    </DemoFrame>
  );
}
