import { useMemo } from 'preact/hooks';
import { channelAt, filterAt, formatDiff, maxAbsDiff } from '../../lib/conv/learned.ts';
import type { ConvEvent, ConvState } from '../../lib/conv/state.ts';
import { KERNEL } from '../../lib/conv/window.ts';
import { maxAbsOf } from '../../lib/viz/image.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import type { ActivationsState } from '../model/useActivations.ts';
import type { CourseModel } from '../model/useCourseModel.ts';
import { ModelInUse } from '../model/ModelInUse.tsx';
import { HeatMap } from '../viz/HeatMap.tsx';
import { NumberMatrix } from '../viz/NumberMatrix.tsx';
import type { FiltersState } from '../model/useLearnedFilters.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.convolution.learned;
/** Tiles per row of the filter and map sheets. */
const COLUMNS = 8;

/**
 * The model in use's first convolution layer: its learned filters (choose one), their feature
 * maps for the chosen digit, and the chosen filter's map against the editor's output — loading
 * the filter into the editor makes the two the same.
 */
export function LearnedFilters({ model, learned, activations, state, editorOutput, dispatch }: {
  model: CourseModel;
  learned: FiltersState;
  activations: ActivationsState;
  state: ConvState;
  /** The editor's current output (undefined while it is computed). */
  editorOutput: Float32Array | undefined;
  dispatch: (e: ConvEvent) => void;
}) {
  const filters = learned.phase === 'ready' ? learned.filters : undefined;
  const count = filters?.shape[3] ?? 0;
  const kernels = useMemo(() => (filters ? Array.from({ length: count }, (_, k) => filterAt(filters.kernels, filters.shape, k)) : []), [filters, count]);
  const conv = activations.phase === 'ready' ? activations.prediction.activations['conv2d'] : undefined;
  const k = Math.min(state.selected, Math.max(0, count - 1));
  const map = useMemo(() => (conv && count > 0 ? channelAt(conv.data, conv.shape, k) : undefined), [conv, k, count]);
  const side = conv?.shape[0] ?? 0;
  const kernel = kernels[k];
  const bias = filters?.biases[k] ?? NaN;
  const diff = map && editorOutput ? maxAbsDiff(map, editorOutput) : NaN;
  const error = learned.phase === 'error' ? learned.message : activations.phase === 'error' ? activations.message : undefined;

  return (
    <section class="conv__learned" aria-labelledby="conv-learned-title" data-testid="conv-learned" data-filters={count} data-selected={k} data-max-diff={Number.isFinite(diff) ? String(diff) : ''}>
      <h3 id="conv-learned-title" class="conv__subtitle">{t.title}</h3>
      <ModelInUse id="conv" state={model.state} report={model.report} onRetry={() => { model.retry(); }} />
      {error !== undefined && <p role="alert" class="error">{t.failed(error)}</p>}
      {!filters || !conv ? (
        <p role="status">{t.waiting}</p>
      ) : (
        <>
          <p>{t.intro(count)}</p>
          <fieldset class="conv__filters">
            <legend>{t.filters(count)}</legend>
            {kernels.map((w, i) => (
              <button key={i} type="button" class="conv__filter" aria-pressed={i === k} aria-label={t.filter(i)} onClick={() => { dispatch({ type: 'select', filter: i }); }} data-testid={`conv-filter-${i}`}>
                <HeatMap values={w} width={KERNEL} height={KERNEL} mode="signed" scale={9} label="" />
                <span aria-hidden="true">{i}</span>
              </button>
            ))}
          </fieldset>
          <figure class="conv__sheet">
            <figcaption class="viz-caption">{t.maps(count)}</figcaption>
            <HeatMap values={conv.data} width={side} height={side} channels={count} columns={COLUMNS} mode="per-tile" scale={2} label={t.mapsAlt(count)} testId="conv-maps" />
          </figure>
          <div class="conv__chosen">
            {kernel && (
              <div>
                <NumberMatrix id="conv-learned-kernel" caption={t.selected(k)} rows={KERNEL} cols={KERNEL} values={kernel} readOnly colour rowLabel={strings.convolution.rowLabel} colLabel={strings.convolution.colLabel} testId="conv-learned-kernel" />
                <p class="viz-help">{t.biasValue(formatNumber(bias))}</p>
                <button type="button" onClick={() => { dispatch({ type: 'use-filter', filter: k, kernel, bias }); }} data-testid="conv-use-filter">
                  {t.use(k)}
                </button>
              </div>
            )}
            {map && (
              <figure class="conv__figure">
                <figcaption class="viz-caption">{t.selectedMap(k)}</figcaption>
                <HeatMap values={map} width={side} height={side} mode="signed" maxAbs={maxAbsOf(map, 1e-6)} scale={6} label={t.selectedMapAlt(k)} testId="conv-learned-map" />
              </figure>
            )}
          </div>
          <p class="conv__diff" aria-live="polite" data-testid="conv-diff">{t.diff(k, formatDiff(diff))}</p>
          <p class="viz-help">{state.loaded === k ? t.same : t.other}</p>
        </>
      )}
    </section>
  );
}
