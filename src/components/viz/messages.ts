/** The kit's refusal messages, shared by NumericField and NumberMatrix. */
import { formatNumber, type NumberSpec, type Refusal } from '../../lib/viz/numeric.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.kit;

/** Why the text is not accepted, and which value stays in use. */
export function refusalMessage(reason: Refusal, spec: NumberSpec, kept: number): string {
  const why =
    reason === 'range'
      ? t.refusal.range(formatNumber(spec.min), formatNumber(spec.max))
      : reason === 'step'
        ? t.refusal.step(formatNumber(spec.step ?? 1))
        : t.refusal[reason];
  return `${why}${t.kept(formatNumber(kept))}`;
}
