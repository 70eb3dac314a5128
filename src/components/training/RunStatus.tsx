import type { StatusView } from '../../lib/training/run-view.ts';
import type { FailureKind } from '../../lib/training/protocol.ts';
import { formatBytes } from '../../lib/mnist/explorer.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.training;

function statusText(s: StatusView): string {
  switch (s.kind) {
    case 'none':
      return '';
    case 'preparing':
      return t.preparing;
    case 'running':
      return t.running;
    case 'validating':
      return t.validating(s.epoch);
    case 'pausing':
      return t.pausing;
    case 'paused':
      return t.paused(s.epoch, s.batch);
    case 'stepping':
      return t.stepping;
    case 'stopping':
      return t.stopping;
    case 'done':
      return t.done(s.epochs);
    case 'stopped':
      return t.stopped(s.epochs);
  }
}

export interface RunStatusProps {
  readonly status: StatusView;
  readonly download: { readonly loaded: number; readonly total: number; readonly percent: number } | undefined;
  readonly failure: { readonly kind: FailureKind; readonly message: string } | undefined;
  readonly saveError: string | undefined;
}

/** The status line, the data download's progress, and what went wrong. */
export function RunStatus({ status, download, failure, saveError }: RunStatusProps) {
  return (
    <>
      <p class="training__status" role="status" data-testid="training-status">
        {statusText(status)}
      </p>
      {download && (
        <div class="download">
          <progress max={download.total} value={download.loaded} aria-label={strings.data.progressLabel} />
          <p class="download__text">{strings.data.progress(formatBytes(download.loaded), formatBytes(download.total), download.percent)}</p>
        </div>
      )}
      {failure && (
        <div role="alert" class="error">
          <p>{t.failed[failure.kind]}</p>
          <p class="download__detail">{t.detail(failure.message)}</p>
        </div>
      )}
      {saveError && (
        <p role="alert" class="error">
          {t.saveFailed(saveError)}
        </p>
      )}
    </>
  );
}
