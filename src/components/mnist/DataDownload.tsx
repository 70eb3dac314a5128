import type { LoadState } from '../../lib/load-store.ts';
import { MnistLoadError } from '../../lib/mnist/loader.ts';
import { formatBytes } from '../../lib/mnist/explorer.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.data;

export function describeLoadError(error: unknown): { message: string; detail: string } {
  if (error instanceof MnistLoadError) return { message: t.errors[error.kind], detail: error.message };
  return { message: t.errors.unknown, detail: error instanceof Error ? error.message : String(error) };
}

/** The load button, the progress bar with cancel, or the error with retry, for the MNIST set. */
export function DataDownload({ state, size, ready, onStart, onCancel }: { state: LoadState<unknown>; size: number | undefined; ready: boolean; onStart: () => void; onCancel: () => void }) {
  const sizeText = size === undefined ? '…' : formatBytes(size);
  if (state.phase === 'ready') return null;
  if (state.phase === 'loading') {
    const percent = state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
    return (
      <div class="download">
        <progress max={state.total || 1} value={state.loaded} aria-label={t.progressLabel} />
        <p class="download__text" aria-live="polite">
          {state.total > 0 ? t.progress(formatBytes(state.loaded), formatBytes(state.total), percent) : t.preparing}
        </p>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    );
  }
  return (
    <div class="download">
      <p>{t.intro(sizeText)}</p>
      {state.phase === 'idle' && state.cancelled && <p role="status">{t.cancelled}</p>}
      {state.phase === 'error' && (
        <div role="alert" class="error">
          <p>{describeLoadError(state.error).message}</p>
          <p class="download__detail">{describeLoadError(state.error).detail}</p>
        </div>
      )}
      {/* Disabled until the island has hydrated: a click before that would do nothing. */}
      <button type="button" class="button--primary" onClick={onStart} disabled={!ready}>
        {state.phase === 'error' ? t.retry : t.load(sizeText)}
      </button>
    </div>
  );
}
