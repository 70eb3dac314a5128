/**
 * A rehype step for the lessons' Markdown tables. On a phone a table wider than the text column
 * scrolls sideways in its own box (global.css: `.prose table`) rather than breaking numbers and
 * code in the middle; a box that scrolls must be reachable from the keyboard, so each table gets
 * `tabindex="0"` (arrow keys then scroll it).
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function walk(node: HastNode): void {
  if (node.type === 'element' && node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
  for (const child of node.children ?? []) walk(child);
}

export function rehypeFocusableTables() {
  return (tree: HastNode): void => {
    walk(tree);
  };
}
