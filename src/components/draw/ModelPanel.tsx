import type { DrawState } from '../../lib/draw/draw-state.ts';
import type { ModelKind } from '../../lib/model/source.ts';
import { formatPercent } from '../../lib/evaluation.ts';
import { formatInt } from '../../lib/format.ts';
import { strings } from '../../i18n/index.ts';
import { LearnerNone } from '../LearnerNone.tsx';
import { accuracy } from '../../lib/handwriting/tune-state.ts';
import type { Score } from '../../lib/handwriting/fine-tune.ts';

const t = strings.draw;
const h = strings.handwriting;

export function modelName(kind: ModelKind): string {
  switch (kind) {
    case 'learner':
      return t.learner;
    case 'pretrained':
      return t.pretrained;
    case 'tuned':
      return h.tunedName;
    case 'imported':
      return t.imported;
  }
}

const change = (before: Score, after: Score) => h.change(formatPercent(accuracy(before), 1), formatPercent(accuracy(after), 1));

function accuracyOf(s: DrawState, kind: ModelKind): string {
  if (kind === 'pretrained') return s.record ? t.accuracyTest(formatPercent(s.record.testAccuracy)) : t.accuracyUnknown;
  if (kind === 'tuned' && s.tuned) return h.rowMnist(formatInt(s.tuned.after.mnist.count)) + ' ' + formatPercent(accuracy(s.tuned.after.mnist), 1);
  const acc = s.learner?.info.valAccuracy;
  if (kind === 'learner' && acc !== undefined && Number.isFinite(acc)) return t.accuracyValidation(formatPercent(acc));
  return t.accuracyUnknown;
}

function LearnerInfo({ s }: { s: DrawState }) {
  if (s.learner === undefined) return <>{t.learnerChecking}</>;
  if (s.learner === null) {
    return <LearnerNone />;
  }
  const { info } = s.learner;
  const acc = formatPercent(info.valAccuracy);
  return <>{info.finished ? t.learnerInfo(info.epochs, acc) : t.learnerInfoPartial(info.epochs, info.planned, acc)}</>;
}

function Option({ kind, s, onChoose, disabled, children, testId }: { kind: ModelKind; s: DrawState; onChoose: (k: ModelKind) => void; disabled: boolean; children: preact.ComponentChildren; testId?: string | undefined }) {
  const selected = (s.loading ?? s.inUse) === kind;
  return (
    <div class="draw__option">
      <label>
        <input type="radio" name="draw-model" value={kind} checked={selected} disabled={disabled || s.loading !== null} aria-describedby={`draw-${kind}-info`} onChange={() => { onChoose(kind); }} />
        {modelName(kind)}
      </label>
      <p class="draw__info" id={`draw-${kind}-info`} data-testid={testId}>
        {children}
      </p>
    </div>
  );
}

/** Which model judges the drawing: the learner's, the shipped one, or one read from files. */
export function ModelPanel({ s, onChoose, onDiscard, busy }: { s: DrawState; onChoose: (k: ModelKind) => void; onDiscard: () => void; busy: boolean }) {
  return (
    <>
      <h3>{t.modelLegend}</h3>
      <fieldset class="draw__models">
        <legend class="visually-hidden">{t.modelLegend}</legend>
        <Option kind="learner" s={s} onChoose={onChoose} disabled={busy || !s.learner}>
          <LearnerInfo s={s} />
        </Option>
        <Option kind="pretrained" s={s} onChoose={onChoose} disabled={busy} testId="pretrained-info">
          {s.record ? t.pretrainedInfo(s.record.epochs, formatInt(s.record.data.train), formatPercent(s.record.testAccuracy)) : s.record === undefined ? t.pretrainedLoading : t.pretrainedUnavailable}
        </Option>
        {s.tuned && (
          <Option kind="tuned" s={s} onChoose={onChoose} disabled={busy} testId="tuned-info">
            {h.tunedInfo(modelName(s.tuned.base), s.tuned.examples, change(s.tuned.before.personal, s.tuned.after.personal), change(s.tuned.before.mnist, s.tuned.after.mnist))}
          </Option>
        )}
        {s.imported && (
          <Option kind="imported" s={s} onChoose={onChoose} disabled={busy}>
            {t.importedInfo(s.imported.names)}
          </Option>
        )}
      </fieldset>
      {s.tuned && (
        <button type="button" class="draw__discard" disabled={busy || s.loading !== null} onClick={onDiscard} data-testid="tuned-discard">
          {h.discard}
        </button>
      )}
      <p class="draw__in-use" data-testid="model-in-use">
        {t.inUse}: <strong>{s.inUse ? t.inUseModel(modelName(s.inUse), accuracyOf(s, s.inUse)) : s.loading ? t.inUseLoading : t.inUseNone}</strong>
        {s.loading && s.inUse && <span class="draw__muted"> {t.inUseLoading}</span>}
      </p>
    </>
  );
}

/** What went wrong (or right, for an import), with a way to start again after a lost GPU. */
export function DrawNotice({ s, onRestart }: { s: DrawState; onRestart: () => void }) {
  const n = s.notice;
  if (!n) return null;
  if (n.kind === 'info') {
    return (
      <p class="draw__notice" role="status">
        {t.importDone}
      </p>
    );
  }
  return (
    <div class="draw__notice draw__notice--error" role="alert" data-testid="draw-error" data-kind={n.kind}>
      {n.kind === 'refused' ? (
        <>
          <p class="error">{t.errors[n.code]}</p>
          <p>{n.kept ? t.refused(modelName(n.kept)) : t.refusedNone}</p>
        </>
      ) : (
        <p class="error">{n.kind === 'lost' ? t.deviceLost : n.text === 'predict' ? t.predictFailed(n.detail) : t.errors.unknown}</p>
      )}
      {n.detail && <p class="draw__detail">{t.errorDetail(n.detail)}</p>}
      {n.kind === 'lost' && (
        <button type="button" class="button--primary" onClick={onRestart}>
          {t.restart}
        </button>
      )}
    </div>
  );
}
