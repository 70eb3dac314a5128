import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, keepsDraft, parseNumber, type NumberSpec } from '../../lib/viz/numeric.ts';
import { refusalMessage } from './messages.ts';

export interface NumericFieldProps extends NumberSpec {
  /** Unique on the page: the input's id; the message is `${id}-message`. */
  id: string;
  label: string;
  /** The last good value (controlled). */
  value: number;
  /** Called with good values only. */
  onChange: (value: number) => void;
  /** A hint shown under the field (linked with aria-describedby). */
  help?: string | undefined;
  disabled?: boolean | undefined;
  testId?: string | undefined;
}

/**
 * A labelled number input that accepts only a finite number in [min, max] (and, if asked, a
 * whole number or a multiple of `step`), typed with ASCII or full-width digits. Text that is not
 * one (empty, "NaN", "1e999", out of range) is left as typed, marked invalid, and explained beside
 * the field, while the value in use stays the last good one; Escape puts that value back. A text
 * input, not type=number: that one silently turns what it cannot read into "" and refuses
 * full-width digits.
 */
export function NumericField({ id, label, value, onChange, min, max, integer, step, help, disabled, testId }: NumericFieldProps) {
  const spec: NumberSpec = { min, max, integer, step };
  const [draft, setDraft] = useState(() => formatNumber(value));
  const previous = useRef(value);
  useEffect(() => {
    if (!keepsDraft(draft, spec, value, previous.current)) setDraft(formatNumber(value));
    previous.current = value;
  }, [value]);

  const parsed = parseNumber(draft, spec);
  const messageId = `${id}-message`;
  const helpId = `${id}-help`;
  const describedBy = [help === undefined ? '' : helpId, parsed.ok ? '' : messageId].filter((s) => s !== '').join(' ');

  const edit = (text: string) => {
    setDraft(text);
    const r = parseNumber(text, spec);
    if (r.ok && r.value !== value) onChange(r.value);
  };

  return (
    <div class="viz-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={draft}
        disabled={disabled}
        aria-invalid={parsed.ok ? undefined : 'true'}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        data-testid={testId}
        onInput={(e) => {
          edit(e.currentTarget.value);
        }}
        onBlur={() => {
          if (parsed.ok) setDraft(formatNumber(parsed.value));
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || parsed.ok) return;
          e.preventDefault();
          setDraft(formatNumber(value));
        }}
      />
      {help !== undefined && (
        <p id={helpId} class="viz-help">
          {help}
        </p>
      )}
      <p id={messageId} class="viz-field__message error" aria-live="polite">
        {parsed.ok ? '' : refusalMessage(parsed.reason, spec, value)}
      </p>
    </div>
  );
}
