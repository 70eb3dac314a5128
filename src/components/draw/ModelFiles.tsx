import { useEffect, useState } from 'preact/hooks';
import type { DrawState } from '../../lib/draw/draw-state.ts';
import { WEIGHTS_FILE } from '../../lib/model/files.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;

/** Download links for the exported files, revoked when replaced or when the island goes. */
function useDownloads(exported: DrawState['exported']): { json: string; bin: string } | null {
  const [urls, setUrls] = useState<{ json: string; bin: string } | null>(null);
  useEffect(() => {
    if (!exported) return undefined;
    const json = URL.createObjectURL(new Blob([exported.modelJson], { type: 'application/json' }));
    const bin = URL.createObjectURL(new Blob([exported.weights], { type: 'application/octet-stream' }));
    setUrls({ json, bin });
    return () => {
      URL.revokeObjectURL(json);
      URL.revokeObjectURL(bin);
    };
  }, [exported]);
  return urls;
}

/** Export the model in use as model.json + weights.bin; import such files (checked by the worker). */
export function ModelFiles({ s, hydrated, onExport, onImport }: { s: DrawState; hydrated: boolean; onExport: () => void; onImport: (files: File[]) => void }) {
  const urls = useDownloads(s.exported);
  const busy = s.loading !== null;
  return (
    <div class="draw__files">
      <p class="draw__files-title">{t.filesTitle}</p>
      <button type="button" onClick={onExport} disabled={!s.inUse || s.exporting || busy}>
        {s.exporting ? t.exporting : t.export}
      </button>
      {urls && (
        <p class="draw__downloads" data-testid="export-links">
          {t.exportReady}{' '}
          <a href={urls.json} download="model.json">
            {t.download('model.json')}
          </a>{' '}
          <a href={urls.bin} download={WEIGHTS_FILE}>
            {t.download(WEIGHTS_FILE)}
          </a>
        </p>
      )}
      <label class="draw__import">
        {t.importLabel}
        <input
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          disabled={!hydrated || busy || s.fatal !== undefined}
          onChange={(e) => {
            const input = e.currentTarget;
            const files = Array.from(input.files ?? []);
            input.value = '';
            if (files.length > 0) onImport(files);
          }}
        />
      </label>
      {s.loading === 'imported' && (
        <p class="draw__muted" role="status">
          {t.importing}
        </p>
      )}
    </div>
  );
}
