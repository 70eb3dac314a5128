/**
 * Keyboard movement in a grid of number inputs (kernels, weights): Up/Down always move between
 * rows; Left/Right move between cells only when the caret is already at that end of the text
 * (or the whole text is selected), so editing inside a number still works as in any text field.
 * Pure: no DOM.
 */

/** The caret of a text input: selection start and end, and the text's length. */
export interface Caret {
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

/** The index (row by row) of the cell a key moves to, or null when the key stays with the input. */
export function matrixMove(key: string, index: number, rows: number, cols: number, caret: Caret): number | null {
  const row = Math.floor(index / cols);
  const col = index % cols;
  const whole = caret.start === 0 && caret.end === caret.length;
  switch (key) {
    case 'ArrowUp':
      return row > 0 ? index - cols : null;
    case 'ArrowDown':
      return row < rows - 1 ? index + cols : null;
    case 'ArrowLeft':
      return col > 0 && (whole || (caret.start === 0 && caret.end === 0)) ? index - 1 : null;
    case 'ArrowRight':
      return col < cols - 1 && (whole || (caret.start === caret.length && caret.end === caret.length)) ? index + 1 : null;
    default:
      return null;
  }
}
