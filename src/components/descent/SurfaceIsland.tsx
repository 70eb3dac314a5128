import { useEffect, useState } from 'preact/hooks';
import { BOWL, MOMENTUM, momentumThreshold, OPTIMISERS, runaway, sgdThreshold } from '../../lib/descent/surface.ts';
import { LR2_RANGE, STEPS_RANGE, surfaceSettings, X0_RANGE, Y0_RANGE } from '../../lib/descent/url.ts';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { DemoFrame } from '../viz/DemoFrame.tsx';
import { NumericField } from '../viz/NumericField.tsx';
import { useUrlState } from '../viz/useUrlState.ts';
import { backendOf, useTf } from '../useTf.ts';
import { SurfacePlot } from './SurfacePlot.tsx';
import { SurfaceTable } from './SurfaceTable.tsx';
import { settingsKey, useSurfacePaths } from './useSurfacePaths.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.descent;
/** Steps revealed per second when replaying. */
const REPLAY_MS = 60;

/**
 * 3-9 (b): SGD, momentum and Adam on the same elongated bowl from the same start, each run by
 * tfjs's own optimiser (src/lib/descent/optimisers-tf.ts). The start, learning rate and number
 * of steps live in the URL; the start moves by click, tap or arrow keys.
 */
export default function SurfaceIsland() {
  const [settings, setSettings] = useUrlState(surfaceSettings);
  const [hydrated, setHydrated] = useState(false);
  const [shown, setShown] = useState(settings.n);
  const [replaying, setReplaying] = useState(false);
  const tfState = useTf();
  const run = useSurfacePaths(tfState, settings);
  useEffect(() => { setHydrated(true); }, []);
  // New paths: show them whole.
  useEffect(() => {
    setReplaying(false);
    setShown(settings.n);
  }, [run.forKey]);
  useEffect(() => {
    if (!replaying) return undefined;
    const timer = setInterval(() => {
      setShown((s) => {
        if (s + 1 >= settings.n) setReplaying(false);
        return Math.min(settings.n, s + 1);
      });
    }, REPLAY_MS);
    return () => { clearInterval(timer); };
  }, [replaying, settings.n]);

  const current = run.forKey === settingsKey(settings) ? run.paths : undefined;
  const paths = current ?? run.paths;
  const step = Math.min(shown, settings.n);
  const diverged = paths ? OPTIMISERS.filter((k) => paths[k].path.some((p, i) => i <= step && runaway(p))) : [];
  const phase = tfState.phase === 'ready' ? (current && !run.busy ? 'ready' : 'computing') : tfState.phase;

  return (
    <DemoFrame
      id="descent-surface"
      title={t.surfaceTitle}
      intro={t.surfaceIntro(t.surfaceFormula(formatNumber(BOWL.cy)), formatNumber(MOMENTUM))}
      class="descent"
      backend={backendOf(tfState)}
      data-testid="descent-surface"
      data-hydrated={String(hydrated)}
      data-phase={phase}
      data-start={`${settings.x0},${settings.y0}`}
      data-shown={step}
      data-tensors={run.tensors}
    >
      <div class="descent__main">
        <div class="descent__figure descent__figure--wide">
          <SurfacePlot start={{ x: settings.x0, y: settings.y0 }} paths={paths} shown={step} onStart={(p) => { setSettings((s) => ({ ...s, x0: p.x, y0: p.y })); }} />
          <p id="descent-surface-help" class="viz-help">{t.surfaceHelp}</p>
          <div class="descent__reveal">
            <label for="descent-shown">{t.shown(settings.n)}</label>
            <input id="descent-shown" type="range" min={0} max={settings.n} step={1} value={step} aria-valuetext={t.shownValue(step, settings.n)}
              onInput={(e) => { setReplaying(false); setShown(Number(e.currentTarget.value)); }} />
            <output for="descent-shown">{t.shownValue(step, settings.n)}</output>
          </div>
          <div class="viz-buttons">
            <button type="button" disabled={!paths} onClick={() => {
              if (matchMedia('(prefers-reduced-motion: reduce)').matches) { setShown(settings.n); return; }
              setShown(0);
              setReplaying(true);
            }}>{t.replay}</button>
          </div>
        </div>
        <div class="descent__side">
          <NumericField id="descent-lr2" label={t.lr2} value={settings.lr2} {...LR2_RANGE} testId="descent-lr2"
            help={t.lr2Help(formatNumber(sgdThreshold(BOWL)), formatNumber(momentumThreshold(BOWL)))}
            onChange={(lr2) => { setSettings((s) => ({ ...s, lr2 })); }} />
          <NumericField id="descent-n" label={t.stepsN} value={settings.n} {...STEPS_RANGE} testId="descent-n" onChange={(n) => { setSettings((s) => ({ ...s, n })); }} />
          <div class="descent__params">
            <NumericField id="descent-x0" label={t.x0} value={settings.x0} {...X0_RANGE} testId="descent-x0" onChange={(x0) => { setSettings((s) => ({ ...s, x0 })); }} />
            <NumericField id="descent-y0" label={t.y0} value={settings.y0} {...Y0_RANGE} testId="descent-y0" onChange={(y0) => { setSettings((s) => ({ ...s, y0 })); }} />
          </div>
          {paths ? <SurfaceTable paths={paths} shown={step} /> : <p>{tfState.phase === 'failed' || tfState.phase === 'lost' ? t.failed(tfState.message) : t.computing}</p>}
          {run.error !== undefined && <p class="descent__notice descent__notice--bad">{t.failed(run.error)}</p>}
          <p class={diverged.length > 0 ? 'descent__notice descent__notice--bad' : 'descent__notice'} role="status" data-testid="descent-surface-status">
            {diverged.length > 0 ? t.divergedNames(diverged.map((k) => t.names[k]).join(strings.listJoin)) : ''}
          </p>
        </div>
      </div>
    </DemoFrame>
  );
}
