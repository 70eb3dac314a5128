import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { fullMnist, loadFullIfCached, mnistManifest } from './mnist-data.ts';
import { useLoadState } from '../useLoadState.ts';
import { DataDownload } from './DataDownload.tsx';
import { DigitCanvas } from './DigitCanvas.tsx';
import { countClasses } from '../../lib/mnist/idx.ts';
import { imageAt } from '../../lib/mnist/loader.ts';
import { indicesWithLabel, parseIndex, positionAtOrAfter, textOnGrey, wrapPosition } from '../../lib/mnist/explorer.ts';
import { formatInt } from '../../lib/format.ts';
import type { MnistFullData } from '../../lib/mnist/loader.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.explorer;
type SetName = 'train' | 'test';

/** The chapter 2 explorer: browse all 70,000 MNIST images, filter by label, read the pixels. */
export default function MnistExplorerIsland() {
  const state = useLoadState(fullMnist);
  const [size, setSize] = useState<number>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    mnistManifest()
      .then((m) => {
        setSize(m.totals.full);
      })
      .catch(() => undefined);
    void loadFullIfCached();
  }, []);
  return (
    <section class="demo explorer" aria-labelledby="explorer-title">
      <p class="demo__title" id="explorer-title">{t.title}</p>
      {state.phase === 'ready' ? (
        <Explorer data={state.data} />
      ) : (
        <DataDownload state={state} size={size} ready={hydrated} onStart={() => void fullMnist.start()} onCancel={() => { fullMnist.cancel(); }} />
      )}
    </section>
  );
}

function Explorer({ data }: { data: MnistFullData }) {
  const [setName, setSetName] = useState<SetName>('train');
  const [label, setLabel] = useState<number | null>(null);
  const [position, setPosition] = useState(0);
  const [indexText, setIndexText] = useState('0');
  const [indexError, setIndexError] = useState(false);
  const arrays = data[setName];
  const matching = useMemo(() => indicesWithLabel(arrays.labels, label), [arrays, label]);
  const pos = wrapPosition(position, matching.length);
  const index = matching[pos] ?? 0;
  const pixels = imageAt(arrays.images, index, data.imageSize);
  const counts = useMemo(() => countClasses(data.train.labels, data.classes), [data]);

  const show = (p: number) => {
    const next = wrapPosition(p, matching.length);
    setPosition(next);
    setIndexText(String(matching[next] ?? 0));
    setIndexError(false);
  };
  const changeFilter = (value: string) => {
    const l = value === '' ? null : Number(value);
    const m = indicesWithLabel(arrays.labels, l);
    const p = positionAtOrAfter(m, index);
    setLabel(l);
    setPosition(p);
    setIndexText(String(m[p] ?? 0));
  };
  const changeSet = (s: SetName) => {
    setSetName(s);
    const m = indicesWithLabel(data[s].labels, label);
    setPosition(0);
    setIndexText(String(m[0] ?? 0));
    setIndexError(false);
  };
  const go = (e: TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    const i = parseIndex(indexText, arrays.count);
    if (i === null) {
      setIndexError(true);
      return;
    }
    setIndexError(false);
    // Jumping to an index shows it even when the filter would hide it: clear the filter then.
    if (label !== null && arrays.labels[i] !== label) setLabel(null);
    const m = label !== null && arrays.labels[i] === label ? matching : indicesWithLabel(arrays.labels, null);
    setPosition(positionAtOrAfter(m, i));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      e.preventDefault();
      show(pos + 1);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(pos - 1);
    }
  };
  const thumbs = Array.from({ length: Math.min(12, matching.length) }, (_, k) => wrapPosition(pos + 1 + k, matching.length));
  const setLabelText = strings.explorer.sets[setName];
  const max = formatInt(arrays.count - 1);

  return (
    <div class="explorer__body">
      <div class="explorer__controls">
        <fieldset>
          <legend>{t.setLegend}</legend>
          {(['train', 'test'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="mnist-set" value={s} checked={setName === s} onChange={() => { changeSet(s); }} />
              {t.sets[s]} <span data-testid={`count-${s}`}>{t.count(formatInt(data[s].count))}</span>
            </label>
          ))}
        </fieldset>
        <label>
          {t.filter}{' '}
          <select value={label === null ? '' : String(label)} onChange={(e) => { changeFilter(e.currentTarget.value); }}>
            <option value="">{t.allLabels}</option>
            {Array.from({ length: data.classes }, (_, d) => (
              <option key={d} value={String(d)}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <form class="explorer__goto" onSubmit={go}>
          <label>
            {t.index}{t.indexRange(max)}{' '}
            <input
              type="text"
              inputMode="numeric"
              size={6}
              value={indexText}
              aria-invalid={indexError}
              aria-describedby={indexError ? 'explorer-index-error' : undefined}
              onInput={(e) => { setIndexText(e.currentTarget.value); }}
            />
          </label>{' '}
          <button type="submit">{t.go}</button>
          {indexError && (
            <p id="explorer-index-error" class="error" role="alert">
              {t.badIndex(max)}
            </p>
          )}
        </form>
      </div>

      <div class="explorer__view">
        <div class="explorer__image" tabIndex={0} onKeyDown={onKey} aria-describedby="explorer-hint">
          <DigitCanvas pixels={pixels} rows={data.rows} cols={data.cols} size={168} label={t.imageAlt(setLabelText, index, arrays.labels[index] ?? 0)} />
        </div>
        <dl class="explorer__facts">
          <dt>{t.index}</dt>
          <dd data-testid="explorer-index">{index}</dd>
          <dt>{t.label}</dt>
          <dd data-testid="explorer-label" class="explorer__label">{arrays.labels[index]}</dd>
        </dl>
        <div class="explorer__nav">
          <button type="button" onClick={() => { show(pos - 1); }}>← {t.prev}</button>
          <span aria-live="polite">{t.position(formatInt(pos + 1), formatInt(matching.length))}</span>
          <button type="button" onClick={() => { show(pos + 1); }}>{t.next} →</button>
        </div>
        <p id="explorer-hint" class="explorer__hint">{t.keyboardHint}</p>
      </div>

      <div class="explorer__thumbs" aria-label={t.thumbs} role="group">
        {thumbs.map((p) => {
          const i = matching[p] ?? 0;
          return (
            <button type="button" key={i} class="explorer__thumb" onClick={() => { show(p); }} aria-label={t.imageAlt(setLabelText, i, arrays.labels[i] ?? 0)}>
              <DigitCanvas pixels={imageAt(arrays.images, i, data.imageSize)} rows={data.rows} cols={data.cols} size={42} label="" />
            </button>
          );
        })}
      </div>

      <details class="explorer__pixels">
        <summary>{t.pixelsShow}: {t.pixels(formatInt(data.imageSize), 255)}</summary>
        <div class="pixel-table" role="region" aria-label={t.pixelsRegion(data.rows, data.cols)} tabIndex={0}>
          <table>
            <tbody>
              {Array.from({ length: data.rows }, (_, r) => (
                <tr key={r}>
                  {Array.from(pixels.subarray(r * data.cols, (r + 1) * data.cols), (v, c) => (
                    <td key={c} style={{ background: `rgb(${v},${v},${v})`, color: textOnGrey(v) }}>
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <Distribution counts={counts} />
    </div>
  );
}

function Distribution({ counts }: { counts: readonly number[] }) {
  const max = Math.max(...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const W = 320;
  const H = 180;
  const bar = W / counts.length;
  return (
    <figure class="explorer__chart">
      <figcaption>
        {t.distribution(formatInt(total))} — <span data-testid="distribution-total">{t.total(formatInt(total))}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H + 34}`} role="img" aria-label={t.distributionAlt(counts.map((c, d) => `${d}: ${formatInt(c)}`).join(', '))}>
        {counts.map((c, d) => {
          const h = (c / max) * (H - 24);
          return (
            <g key={d}>
              <rect x={d * bar + 3} y={H - h} width={bar - 6} height={h} class="chart-bar" />
              <text x={d * bar + bar / 2} y={H - h - 4} text-anchor="middle" class="chart-value">
                {formatInt(c)}
              </text>
              <text x={d * bar + bar / 2} y={H + 20} text-anchor="middle" class="chart-axis">
                {d}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="visually-hidden">
        <tbody>
          {counts.map((c, d) => (
            <tr key={d} data-testid="class-count">
              <th scope="row">{d}</th>
              <td>{c}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
