import { oneHot, CLASSES } from '../../lib/program/one-hot.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.programSteps.oneHot;
const DIGITS = Array.from({ length: CLASSES }, (_, d) => d);

/** Step 2's live example: choose a label, see to_categorical's row for it. */
export function OneHotExample({ label, classes, onChange }: { label: number; classes: string; onChange: (label: number) => void }) {
  const row = oneHot(label);
  return (
    <div class="program-steps__example" data-testid="one-hot">
      <p class="program-steps__lang" id="program-steps-onehot-title">{t.title}</p>
      <p id="program-steps-onehot-help">{t.help(classes)}</p>
      <div class="program-steps__digits" role="group" aria-labelledby="program-steps-onehot-title" aria-describedby="program-steps-onehot-help">
        <span aria-hidden="true">{t.choose}</span>
        {DIGITS.map((d) => (
          <button key={d} type="button" class="program-steps__digit" aria-pressed={d === label} aria-label={`${t.choose} ${d}`}
            onClick={() => {
              onChange(d);
            }}>
            {d}
          </button>
        ))}
      </div>
      <div class="program-steps__vector-box" role="region" tabIndex={0} aria-label={t.result(label)}>
        <table class="program-steps__vector">
          <caption>{t.result(label)}</caption>
          <tbody>
            <tr>
              <th scope="row">{t.position}</th>
              {DIGITS.map((d) => <td key={d}>{d}</td>)}
            </tr>
            <tr>
              <th scope="row">{t.value}</th>
              {row.map((v, d) => <td key={d} class={v === 1 ? 'program-steps__hot' : undefined}>{v}</td>)}
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        <output data-testid="one-hot-vector" aria-live="polite">{`${label} → (${row.join(', ')})`}</output>
      </p>
    </div>
  );
}
