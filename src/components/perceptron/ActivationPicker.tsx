import { ACTIVATIONS, type Activation } from '../../lib/perceptron/neuron.ts';

export interface ActivationPickerProps {
  /** Unique on the page: the radio group's name and the prefix of its ids. */
  id: string;
  legend: string;
  names: Readonly<Record<Activation, string>>;
  /** A hint per function, shown under the group for the chosen one. */
  help?: Readonly<Record<Activation, string>> | undefined;
  value: Activation;
  onChange: (activation: Activation) => void;
}

/** The choice of activation function: a group of radio buttons (arrow keys move the choice). */
export function ActivationPicker({ id, legend, names, help, value, onChange }: ActivationPickerProps) {
  const helpId = `${id}-help`;
  return (
    <fieldset class="neuron-picker" aria-describedby={help === undefined ? undefined : helpId}>
      <legend>{legend}</legend>
      {ACTIVATIONS.map((kind) => (
        <label key={kind} class="neuron-picker__option">
          <input
            type="radio"
            name={id}
            id={`${id}-${kind}`}
            value={kind}
            checked={value === kind}
            onChange={() => {
              onChange(kind);
            }}
          />{' '}
          {names[kind]}
        </label>
      ))}
      {help !== undefined && (
        <p id={helpId} class="viz-help">
          {help[value]}
        </p>
      )}
    </fieldset>
  );
}
