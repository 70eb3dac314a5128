import { useEffect, useState } from 'preact/hooks';
import { loadTf, parseBackendParam, errorMessage, type BackendReport } from '../lib/tf-runtime.ts';
import { sigmoidTable } from '../lib/tf-check.ts';
import { BackendBadge } from './BackendBadge.tsx';
import { strings } from '../i18n/index.ts';

const t = strings.tfCheck;
const INPUTS = [-4, -2, 0, 2, 4];

type State =
  | { readonly phase: 'running'; readonly report?: BackendReport }
  | { readonly phase: 'done'; readonly report: BackendReport; readonly values: readonly number[] }
  | { readonly phase: 'error'; readonly report?: BackendReport; readonly message: string };

/** Proves the tfjs chain end to end: loads tfjs, picks a backend, computes σ(x) on it. */
export default function TfCheckIsland() {
  const [state, setState] = useState<State>({ phase: 'running' });
  const [run, setRun] = useState(0);

  useEffect(() => {
    let live = true;
    setState((s) => ({ phase: 'running', ...(s.report ? { report: s.report } : {}) }));
    loadTf({ forced: parseBackendParam(location.search) })
      .then(async ({ tf, report }) => {
        const values = await sigmoidTable(tf, INPUTS);
        if (live) setState({ phase: 'done', report, values });
      })
      .catch((e: unknown) => {
        if (live) setState({ phase: 'error', message: errorMessage(e) });
      });
    return () => {
      live = false;
    };
  }, [run]);

  return (
    <section class="demo" aria-labelledby="tf-check-title">
      <p class="demo__title" id="tf-check-title">{t.title}</p>
      <p>{t.intro}</p>
      <BackendBadge report={state.report} error={state.phase === 'error' && !state.report ? state.message : undefined} />
      <table aria-describedby="tf-check-title">
        <thead>
          <tr>
            <th scope="row">{t.input}</th>
            {INPUTS.map((x) => <td>{x}</td>)}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.output}</th>
            {INPUTS.map((_, i) => (
              <td data-testid="sigmoid-value">{state.phase === 'done' ? (state.values[i] ?? NaN).toFixed(4) : '…'}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p aria-live="polite">{state.phase === 'running' ? t.running : state.phase === 'error' ? <span class="error">{t.error(state.message)}</span> : ''}</p>
      <button type="button" onClick={() => {
          setRun((n) => n + 1);
        }} disabled={state.phase === 'running'}>
        {t.run}
      </button>
    </section>
  );
}
