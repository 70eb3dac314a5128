import { useMemo } from 'preact/hooks';
import { accuracy, pointsChange, tuneButton, type TuneEvent, type TuneOutcome, type TuneState } from '../../lib/handwriting/tune-state.ts';
import { byDigit, unitPixels, MIN_EXAMPLES, type PersonalExample } from '../../lib/handwriting/personal-set.ts';
import { COLLAPSE_POINTS, FINE_TUNE_DEFAULTS, LR_MAX, LR_MIN } from '../../lib/handwriting/fine-tune-settings.ts';
import type { Score, Scores } from '../../lib/handwriting/fine-tune.ts';
import { formatPercent, formatLoss, progressPercent } from '../../lib/evaluation.ts';
import { formatBytes } from '../../lib/mnist/explorer.ts';
import { formatInt } from '../../lib/format.ts';
import { greyRgba } from '../../lib/viz/image.ts';
import { FRAME } from '../../lib/draw/preprocess.ts';
import { PixelCanvas } from '../viz/PixelCanvas.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { addedText } from './CorrectDigit.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.handwriting;
/** Thumbnails at 2 CSS pixels per image pixel. */
const THUMB_SCALE = 2;

function Thumb({ e, index, onRemove, disabled }: { e: PersonalExample; index: number; onRemove: () => void; disabled: boolean }) {
  const image = useMemo(() => greyRgba(unitPixels(e), FRAME, FRAME), [e]);
  return (
    <li class="hw__thumb" data-testid="hw-thumb" data-label={e.label}>
      <PixelCanvas image={image} scale={THUMB_SCALE} label={t.thumbAlt(e.label, index, e.predicted)} />
      <button type="button" class="hw__remove" aria-label={t.remove(e.label, index)} title={t.remove(e.label, index)} disabled={disabled} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}

function signedPoints(p: number): string {
  return Number.isFinite(p) ? `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p).toFixed(1)}` : '—';
}

function Row({ label, before, after, testId }: { label: string; before: Score; after: Score; testId: string }) {
  return (
    <tr data-testid={testId} data-before={accuracy(before)} data-after={accuracy(after)}>
      <th scope="row">{label}</th>
      <td>{formatPercent(accuracy(before), 1)}</td>
      <td>{formatPercent(accuracy(after), 1)}</td>
      <td>{signedPoints(pointsChange(before, after))}</td>
    </tr>
  );
}

/** Before and after, side by side: what the fine-tune gained on the learner's hand and what it cost on MNIST. */
export function BeforeAfter({ before, after }: { before: Scores; after: Scores }) {
  return (
    <table class="hw__table" data-testid="hw-results">
      <caption>{t.tableCaption}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t.colBefore}</th>
          <th scope="col">{t.colAfter}</th>
          <th scope="col">{t.colChange}</th>
        </tr>
      </thead>
      <tbody>
        <Row label={t.rowPersonal(after.personal.count)} before={before.personal} after={after.personal} testId="hw-row-personal" />
        <Row label={t.rowMnist(formatInt(after.mnist.count))} before={before.mnist} after={after.mnist} testId="hw-row-mnist" />
      </tbody>
    </table>
  );
}

function outcomeText(o: TuneOutcome, baseName: (k: Extract<TuneOutcome, { kind: 'kept' }>['base']) => string): string {
  switch (o.kind) {
    case 'kept':
      return o.saved ? t.kept(baseName(o.base)) : t.keptNotSaved(baseName(o.base));
    case 'collapsed':
      return t.collapsed(formatPercent(accuracy(o.before.mnist), 1), formatPercent(accuracy(o.after.mnist), 1), COLLAPSE_POINTS);
    case 'diverged':
      return t.diverged;
    case 'failed':
      return o.code === 'data' ? t.failedData : o.code === 'lost' ? t.lost : t.failedUnknown;
  }
}

function phaseText(s: TuneState): string {
  const p = s.progress;
  switch (s.phase) {
    case 'data':
      return p && 'total' in p ? t.phaseData(formatBytes(p.loaded, 1), formatBytes(p.total, 1)) : t.phaseData('…', '…');
    case 'before':
      return t.phaseBefore;
    case 'train':
      return p && 'steps' in p ? t.phaseTrain(p.step, p.steps, formatLoss(p.loss)) : t.tuning;
    case 'after':
      return t.phaseAfter;
    case 'saving':
      return t.phaseSaving;
    case 'idle':
      return '';
  }
}

function progressValue(s: TuneState): number | undefined {
  const p = s.progress;
  if (!p) return undefined;
  return 'steps' in p ? progressPercent(p.step, p.steps) : progressPercent(p.loaded, p.total);
}

export interface HandwritingPanelProps {
  s: TuneState;
  dispatch: (e: TuneEvent) => void;
  learningRate: number;
  onLearningRate: (lr: number) => void;
  modelReady: boolean;
  onTune: () => void;
  baseName: (kind: Extract<TuneOutcome, { kind: 'kept' }>['base']) => string;
}

/** The learner's set, shown per digit, and "learn my handwriting" with its progress and verdict. */
export function HandwritingPanel({ s, dispatch, learningRate, onLearningRate, modelReady, onTune, baseName }: HandwritingPanelProps) {
  const groups = byDigit(s.set);
  const button = tuneButton(s, modelReady);
  const running = s.phase !== 'idle';
  const o = s.outcome;
  const value = progressValue(s);
  return (
    <section class="hw" aria-labelledby="hw-title" data-testid="handwriting" data-count={s.set.length} data-phase={s.phase} data-outcome={o?.kind ?? ''}>
      <h3 id="hw-title">{t.title}</h3>
      <p>{t.intro}</p>
      <h4>{t.setTitle(s.set.length)}</h4>
      {s.set.length === 0 ? (
        <p class="draw__muted">{t.setEmpty}</p>
      ) : (
        <ul class="hw__groups">
          {groups.map((g, d) =>
            g.length === 0 ? null : (
              <li key={d} class="hw__group" data-testid="hw-group" data-digit={d}>
                <span class="hw__group-label">{t.group(d, g.length)}</span>
                <ul class="hw__thumbs">
                  {g.map((e, i) => (
                    <Thumb key={e.id} e={e} index={i + 1} disabled={running} onRemove={() => { dispatch({ type: 'remove', id: e.id }); }} />
                  ))}
                </ul>
              </li>
            ),
          )}
        </ul>
      )}
      <p class="hw__set-status" role="status">
        {s.added?.kind === 'removed' || s.added?.kind === 'cleared' ? addedText(s.added) : ''}
      </p>
      <p class="draw__muted" data-testid="hw-storage">
        {s.stored ? t.stored : t.notStored}
      </p>
      {s.set.length > 0 &&
        (s.confirmingClear ? (
          <div class="hw__confirm" role="group" aria-labelledby="hw-confirm-text">
            <p id="hw-confirm-text">{t.clearConfirm}</p>
            <button type="button" onClick={() => { dispatch({ type: 'clear' }); }}>
              {t.clearYes}
            </button>{' '}
            <button type="button" onClick={() => { dispatch({ type: 'clear-cancel' }); }}>
              {t.clearNo}
            </button>
          </div>
        ) : (
          <button type="button" disabled={running} onClick={() => { dispatch({ type: 'clear-ask' }); }}>
            {t.clear}
          </button>
        ))}
      <div class="hw__tune">
        <NumericField
          id="hw-rate"
          label={t.rateLabel}
          value={learningRate}
          onChange={onLearningRate}
          min={LR_MIN}
          max={LR_MAX}
          help={t.rateHelp(String(FINE_TUNE_DEFAULTS.learningRate))}
          disabled={running}
          testId="hw-rate"
        />
        <button type="button" class="button--primary" disabled={!button.enabled} aria-describedby={button.reason === 'no-model' ? 'hw-tune-why' : undefined} onClick={onTune} data-testid="hw-tune">
          {running ? t.tuning : t.tune}
        </button>
        {button.reason === 'no-model' && (
          <p class="draw__muted" id="hw-tune-why">
            {t.noModel}
          </p>
        )}
        {s.tooFew && (
          <p class="error" role="alert" data-testid="hw-too-few">
            {t.tooFew(MIN_EXAMPLES, s.tooFew.have, s.tooFew.need)}
          </p>
        )}
      </div>
      <div role="status" class="hw__status" data-testid="hw-status">
        {running && (
          <>
            <p>{phaseText(s)}</p>
            <progress max={100} value={value} aria-label={t.progressLabel} />
          </>
        )}
      </div>
      {o && !running && (
        <div data-testid="hw-outcome" data-kind={o.kind}>
          <p class={o.kind === 'kept' ? 'hw__verdict' : 'hw__verdict hw__verdict--bad'} role={o.kind === 'kept' ? 'status' : 'alert'}>
            {outcomeText(o, baseName)}
          </p>
          {(o.kind === 'kept' || o.kind === 'collapsed') && <BeforeAfter before={o.before} after={o.after} />}
        </div>
      )}
    </section>
  );
}
