import type { BackendReport } from '../lib/tf-runtime.ts';
import { strings } from '../i18n/index.ts';

const t = strings.backend;

/** Shows which TensorFlow.js backend computes, and why the faster ones are not used. */
export function BackendBadge({ report, error }: { report: BackendReport | undefined; error?: string | undefined }) {
  if (error !== undefined) {
    return (
      <p class="backend-badge" role="status" data-backend="none">
        <span>{t.label}:</span> <span class="backend-badge__name error">{t.failed}</span>
        <span class="backend-badge__skipped">{error}</span>
      </p>
    );
  }
  if (!report) {
    return (
      <p class="backend-badge" role="status" data-backend="loading">
        <span>{t.label}:</span> <span>{t.loading}</span>
      </p>
    );
  }
  return (
    <p class="backend-badge" role="status" data-backend={report.backend}>
      <span>{t.label}:</span>
      <span class="backend-badge__name">
        {t.names[report.backend]}
        {report.forced === report.backend ? t.forced : ''}
      </span>
      {report.skipped.length > 0 && (
        <span class="backend-badge__skipped">
          {t.skippedList(report.skipped.map((s) => `${t.names[s.name]}: ${t.reasons[s.reason.code]}`).join(' / '))}
        </span>
      )}
      {report.backend === 'cpu' && <span class="backend-badge__skipped">{t.cpuSlow}</span>}
      {report.backend === 'wasm' && <span class="backend-badge__skipped">{t.wasmWhy}</span>}
    </p>
  );
}
