import { useEffect, useState } from 'preact/hooks';
import { loadTf, parseBackendParam, errorMessage, type BackendReport } from '../lib/tf-runtime.ts';
import { buildCnn } from '../lib/cnn-model.ts';
import { DECK_CNN } from '../lib/cnn-architecture.ts';
import { summarizeModel, type ModelSummary } from '../lib/model-summary.ts';
import { formatInt, formatShape } from '../lib/format.ts';
import { BackendBadge } from './BackendBadge.tsx';
import { strings } from '../i18n/index.ts';

const t = strings.summary;

/** Builds the real tfjs model in the page and shows its structure and `model.summary()`. */
export default function ModelSummaryIsland() {
  const [report, setReport] = useState<BackendReport>();
  const [summary, setSummary] = useState<ModelSummary>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadTf({ forced: parseBackendParam(location.search) })
      .then(({ tf, report: r }) => {
        const model = buildCnn(tf, DECK_CNN);
        try {
          setSummary(summarizeModel(model));
        } finally {
          model.dispose();
        }
        setReport(r);
      })
      .catch((e: unknown) => {
        setError(errorMessage(e));
      });
  }, []);
  return (
    <section class="demo model-summary" aria-labelledby="model-summary-title">
      <p class="demo__title" id="model-summary-title">{t.title}</p>
      <BackendBadge report={report} error={error} />
      {summary && (
        <>
          <ol class="arch" aria-label={t.diagram}>
            <li class="arch__layer arch__layer--input">
              <span class="arch__name">{t.input}</span>
              <span class="arch__shape">{formatShape(DECK_CNN.inputShape)}</span>
            </li>
            {summary.rows.map((r) => (
              <li key={r.name} class={`arch__layer arch__layer--${r.type.toLowerCase()}`}>
                <span class="arch__name">{r.type}</span>
                <span class="arch__shape">{formatShape(r.shape)}</span>
                {r.params > 0 && <span class="arch__params">{t.params(formatInt(r.params))}</span>}
              </li>
            ))}
          </ol>
          <div class="summary-table">
            <table>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Layer (type)</th>
                  <th scope="col">Output Shape</th>
                  <th scope="col">Param #</th>
                </tr>
              </thead>
              <tbody>
                {summary.rows.map((r) => (
                  <tr key={r.name}>
                    <th scope="row">
                      {r.name} ({r.type})
                    </th>
                    <td>{r.outputShape}</td>
                    <td data-testid="summary-params">{formatInt(r.params)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Total params
                  </th>
                  <td data-testid="summary-total">{formatInt(summary.total)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={2}>
                    Trainable params
                  </th>
                  <td>{formatInt(summary.trainable)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
