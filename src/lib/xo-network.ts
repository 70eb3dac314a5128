/** Sizes of chapter 1's ○/× network: 3×3 pixels in, 3 hidden neurons, 2 outputs. */
export const XO_NETWORK = { inputs: 9, hidden: 3, outputs: 2 } as const;

/** Weights plus thresholds of a fully connected network with the given layer sizes. */
export function mlpParams(sizes: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < sizes.length; i++) total += ((sizes[i - 1] ?? 0) + 1) * (sizes[i] ?? 0);
  return total;
}
