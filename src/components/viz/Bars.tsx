import { barWidth, percentText } from '../../lib/viz/bars.ts';

export interface BarItem {
  readonly key: string | number;
  /** Shown before the bar (a digit, a class name); omit for rows whose text says it all. */
  readonly name?: string | number | undefined;
  /** In [0, 1]; NaN draws an empty bar. */
  readonly value: number;
  /** Shown after the bar; default the value as a percentage with one decimal ("—" for NaN). */
  readonly text?: string | undefined;
  /** Bold row (the top prediction). */
  readonly highlight?: boolean | undefined;
  readonly testId?: string | undefined;
}

/**
 * Horizontal bars for values in [0, 1] — the ten probabilities of a prediction, the accuracy of
 * each class — as an ordered list: screen readers read each row's name and text; the bars are
 * decoration. `block` adds an island's own BEM classes beside the kit's, for styles and tests
 * that already use them: block="draw" gives draw__bars, draw__bar-row, draw__bar-row--top,
 * draw__digit, draw__bar and draw__percent.
 */
export function Bars({ label, items, block, testId }: { label: string; items: readonly BarItem[]; block?: string | undefined; testId?: string | undefined }) {
  const own = (kit: string, element: string) => (block === undefined ? kit : `${kit} ${block}__${element}`);
  return (
    <ol class={own('viz-bars', 'bars')} aria-label={label} data-testid={testId}>
      {items.map((item) => {
        const named = item.name !== undefined;
        const row = own(named ? 'viz-bars__row viz-bars__row--named' : 'viz-bars__row', 'bar-row');
        return (
          <li key={item.key} class={item.highlight === true ? `${row} ${own('viz-bars__row--top', 'bar-row--top')}` : row} data-testid={item.testId}>
            {named && <span class={own('viz-bars__name', 'digit')}>{item.name}</span>}
            <span class={own('viz-bars__track', 'bar')} aria-hidden="true">
              <span style={{ width: barWidth(item.value) }} />
            </span>
            <span class={own('viz-bars__value', 'percent')}>{item.text ?? percentText(item.value)}</span>
          </li>
        );
      })}
    </ol>
  );
}
