import { formatNumber } from '../../lib/viz/numeric.ts';
import { signedGradient } from '../../lib/viz/image.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.kit;
/** The gradient is the same for every legend: only the numbers at its ends change. */
const GRADIENT = signedGradient();

/**
 * The legend of the signed colour scale (HeatMap mode 'signed', NumberMatrix colours): a
 * gradient bar from −maxAbs to +maxAbs with the numbers under it. Screen readers get one
 * sentence saying which colour is which sign and where the ends are.
 */
export function ColorScale({ maxAbs, testId }: { maxAbs: number; testId?: string | undefined }) {
  const max = formatNumber(maxAbs);
  const min = formatNumber(-maxAbs);
  return (
    <div class="viz-scale" role="img" aria-label={t.scale(min, max)} data-testid={testId}>
      <span class="viz-scale__bar" style={{ background: GRADIENT }} />
      <span aria-hidden="true">{min}</span>
      <span class="viz-scale__zero" aria-hidden="true">
        0
      </span>
      <span class="viz-scale__max" aria-hidden="true">
        {max}
      </span>
    </div>
  );
}
