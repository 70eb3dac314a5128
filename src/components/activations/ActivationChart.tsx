import { formatMath } from '../../lib/perceptron/formula.ts';
import { A_SPEC, yRange, type ActivationView } from '../../lib/perceptron/activations-state.ts';
import { LineChart } from '../viz/LineChart.tsx';
import { strings } from '../../i18n/index.ts';

const t = strings.activations;

/** One activation function's curve over the range of a, with the current a as a dot. */
export function ActivationChart({ view, a, chosen }: { view: ActivationView; a: number; chosen: boolean }) {
  const y = yRange(view.kind);
  const title = chosen ? `${t.chartTitle[view.kind]}${t.chosen}` : t.chartTitle[view.kind];
  return (
    <div class={chosen ? 'activations__chart activations__chart--chosen' : 'activations__chart'} data-testid={`activations-chart-${view.kind}`}>
      <LineChart
        title={title}
        series={[
          { name: t.curveSeries(t.activationNames[view.kind]), className: 'activations__curve', points: view.curve },
          { name: t.markSeries(formatMath(a)), className: 'activations__mark', dots: true, points: view.mark },
        ]}
        xMin={A_SPEC.min}
        xMax={A_SPEC.max}
        yMin={y.min}
        yMax={y.max}
        xLabel={t.xLabel}
      />
    </div>
  );
}
