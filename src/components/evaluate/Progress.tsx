import type { Run } from '../../lib/evaluate/state.ts';
import { progressView } from '../../lib/evaluate/view.ts';
import { formatBytes } from '../../lib/mnist/explorer.ts';
import { formatInt } from '../../lib/format.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.evaluate;

/** A running evaluation: images evaluated, else the MNIST download, else "preparing". */
export function Progress({ run }: { run: Extract<Run, { phase: 'running' }> }) {
  const p = progressView(run);
  return (
    <div class="evaluate__progress">
      {p.kind === 'evaluating' ? (
        <>
          <progress max={p.total} value={p.done} aria-label={t.progressLabel} />
          <p aria-live="polite">{t.progress(formatInt(p.done), formatInt(p.total), p.percent)}</p>
        </>
      ) : p.kind === 'downloading' ? (
        <>
          <progress max={p.total} value={p.loaded} aria-label={t.dataProgressLabel} />
          <p aria-live="polite">{t.dataProgress(formatBytes(p.loaded), formatBytes(p.total), p.percent)}</p>
        </>
      ) : (
        <>
          <progress aria-label={t.progressLabel} />
          <p aria-live="polite">{t.preparing}</p>
        </>
      )}
    </div>
  );
}
