import { useState } from 'preact/hooks';
import { formatNumber } from '../../lib/viz/numeric.ts';
import { maxChange, shiftAll, softmax } from '../../lib/softmax/softmax.ts';
import { NumericField } from '../viz/NumericField.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.softmax;
const SHIFT = { min: -20, max: 20 } as const;

/** "Add the same c to every logit": the logits move, the probabilities do not. */
export function ShiftAll({ id, logits, onShift }: { id: string; logits: readonly number[]; onShift: (next: number[]) => void }) {
  const [c, setC] = useState(1);
  const [message, setMessage] = useState('');
  return (
    <div class="softmax__shift">
      <NumericField id={`${id}-shift`} label={t.shiftLabel} value={c} {...SHIFT} onChange={setC} />
      <div class="viz-buttons">
        <button
          type="button"
          data-testid={`${id}-shift-apply`}
          onClick={() => {
            const r = shiftAll(logits, c);
            if (!r.ok) {
              setMessage(t.shiftRefused);
              return;
            }
            // The change is measured with the reference formula (the view shows tfjs's numbers).
            setMessage(t.shifted(formatNumber(c), maxChange(softmax(logits), softmax(r.logits)).toExponential(1)));
            onShift(r.logits);
          }}
        >
          {t.shiftButton(formatNumber(c))}
        </button>
      </div>
      <p class="softmax__note" role="status" data-testid={`${id}-shift-message`}>
        {message}
      </p>
    </div>
  );
}
