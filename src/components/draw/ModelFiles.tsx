import { useEffect, useState } from 'preact/hooks';
import type { DrawState } from '../../lib/draw/draw-state.ts';
import { WEIGHTS_FILE } from '../../lib/model/files.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.draw;

interface Downloads {
  readonly json: string;
  readonly bin: string;
  /** The Python program that evaluates the exported model in Colab, in the page's edition (null until its module has loaded). */
  readonly program: { readonly url: string; readonly file: string } | null;
}

/** Download links for the exported files, revoked when replaced or when the island goes. */
function useDownloads(exported: DrawState['exported']): Downloads | null {
  const [urls, setUrls] = useState<Downloads | null>(null);
  useEffect(() => {
    if (!exported) return undefined;
    const made: string[] = [];
    const link = (blob: Blob) => {
      const url = URL.createObjectURL(blob);
      made.push(url);
      return url;
    };
    const json = link(new Blob([exported.modelJson], { type: 'application/json' }));
    const bin = link(new Blob([exported.weights], { type: 'application/octet-stream' }));
    setUrls({ json, bin, program: null });
    // The program's generator is loaded only once a model is exported: the page does not carry it.
    let current = true;
    void Promise.all([import('../../lib/model/colab.ts'), import('../../lib/model/colab-text.ts')]).then(([{ COLAB_PROGRAM_FILE, colabProgram }, { colabText }]) => {
      if (!current) return;
      const program = link(new Blob([colabProgram(colabText(strings.lang))], { type: 'text/x-python' }));
      setUrls({ json, bin, program: { url: program, file: COLAB_PROGRAM_FILE } });
    });
    return () => {
      current = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [exported]);
  return urls;
}

/** Export the model in use as model.json + weights.bin (with the Colab program); import such files (checked by the worker). */
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
      {urls?.program && (
        <p class="draw__downloads" data-testid="export-colab">
          {strings.colab.exportLine}{' '}
          <a href={urls.program.url} download={urls.program.file}>
            {t.download(urls.program.file)}
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
