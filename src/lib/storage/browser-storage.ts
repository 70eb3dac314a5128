/** The browser's localStorage, or null where there is none (Node, or a browser that blocks it: some private modes throw on access). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
