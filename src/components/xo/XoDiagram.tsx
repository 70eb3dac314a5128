import { DIAGRAM_HEIGHT, DIAGRAM_WIDTH, edges, HIDDEN_NODES, INPUT_NODES, NODE_RADIUS, OUTPUT_NODES, signCounts } from '../../lib/xo/diagram.ts';
import type { XoParams } from '../../lib/xo/network.ts';
import { cssRgb, maxAbsOf, signedColour } from '../../lib/viz/image.ts';
import { strings } from '../../i18n/index.ts';

const t = strings.xo;

/**
 * The network drawn: 9 inputs, 3 hidden neurons, 2 outputs; each weight an edge coloured by its
 * sign (the kit's signed scale) and as wide as its size. The accessible name sums it up; the
 * numbers are in the weight tables (`describedBy`).
 */
export function XoDiagram({ params, describedBy, testId }: { params: XoParams; describedBy?: string | undefined; testId?: string | undefined }) {
  const scale = maxAbsOf([...params.w1, ...params.w2], 1);
  const counts = signCounts(params);
  return (
    <figure class="xo__diagram">
      <figcaption class="viz-caption">{t.diagram}</figcaption>
      <svg viewBox={`0 0 ${DIAGRAM_WIDTH} ${DIAGRAM_HEIGHT}`} role="img" aria-label={t.diagramAlt(counts.positive, counts.negative, counts.zero)} aria-describedby={describedBy} data-testid={testId}>
        {edges(params, scale).map((e) => (
          <line
            key={`${e.layer}-${e.toIndex}-${e.fromIndex}`}
            x1={e.from.x}
            y1={e.from.y}
            x2={e.to.x}
            y2={e.to.y}
            class={e.weight === 0 ? 'xo__edge--zero' : undefined}
            stroke={e.weight === 0 ? undefined : cssRgb(signedColour(e.weight, scale))}
            stroke-width={e.width.toFixed(2)}
            stroke-linecap="round"
            data-weight={e.weight}
          />
        ))}
        {[
          ...INPUT_NODES.map((n, i) => ({ n, label: t.input(i), key: `x${i}` })),
          ...HIDDEN_NODES.map((n, j) => ({ n, label: t.hiddenName(j), key: `y${j}` })),
          ...OUTPUT_NODES.map((n, k) => ({ n, label: k === 0 ? '○' : '×', key: `z${k}` })),
        ].map(({ n, label, key }) => (
          <g key={key}>
            <circle cx={n.x} cy={n.y} r={NODE_RADIUS} class="xo__node" />
            <text x={n.x} y={n.y} class="xo__node-label" text-anchor="middle" dominant-baseline="central">
              {label}
            </text>
          </g>
        ))}
      </svg>
      <p class="viz-help">{t.diagramHelp}</p>
    </figure>
  );
}
