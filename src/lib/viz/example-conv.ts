/**
 * The kernel playground's arithmetic (the demo kit's worked example): one 3×3 kernel slid over a
 * square image without padding ('valid'), stride 1, plus a bias — what one filter of Conv2D
 * computes, as cross-correlation (the kernel is not flipped), as in Keras and tfjs.
 * Pure: no DOM.
 */

/** Kernel side. */
export const KERNEL = 3;

/** The playground's default kernel: responds to a vertical edge, dark on the left, light on the right (lesson 3-3's worked example). */
export const EDGE_KERNEL: readonly number[] = [-1, 0, 1, -1, 0, 1, -1, 0, 1];

/** Output side of a valid convolution: size − kernel + 1 (8 → 6). */
export function outputSide(size: number, kernel = KERNEL): number {
  return Math.max(0, size - kernel + 1);
}

/**
 * out[i][j] = bias + Σ_{u,v} kernel[u][v] · image[i+u][j+v], for a size×size image and a 3×3
 * kernel, both row by row. Returns the (size−2)×(size−2) output, row by row.
 */
export function convolveValid(image: ArrayLike<number>, size: number, kernel: ArrayLike<number>, bias = 0): Float32Array {
  if (image.length !== size * size) throw new Error(`a ${size}×${size} image needs ${size * size} values, got ${image.length}`);
  if (kernel.length !== KERNEL * KERNEL) throw new Error(`a ${KERNEL}×${KERNEL} kernel needs ${KERNEL * KERNEL} values, got ${kernel.length}`);
  const side = outputSide(size);
  const out = new Float32Array(side * side);
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      let sum = bias;
      for (let u = 0; u < KERNEL; u++) {
        for (let v = 0; v < KERNEL; v++) sum += (kernel[u * KERNEL + v] ?? 0) * (image[(i + u) * size + j + v] ?? 0);
      }
      out[i * side + j] = sum;
    }
  }
  return out;
}
