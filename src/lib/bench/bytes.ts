/**
 * What a page visit downloads, sorted into the kinds the benchmark reports (HTML, JavaScript,
 * CSS, fonts, data). Pure: scripts/bench.ts feeds it the browser's network events.
 */

export const BYTE_KINDS = ['html', 'js', 'css', 'font', 'data', 'other'] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];
export type ByteCounts = Readonly<Record<ByteKind | 'total', number>> & { readonly requests: number };

/**
 * The kind of one response, from its URL, the browser's resource type (CDP's
 * `Network.ResourceType`: Document, Script, Stylesheet, Font, Fetch, XHR, Image...) and its MIME
 * type. WebAssembly counts as JavaScript (code); the MNIST files and the model as data.
 */
export function byteKind(url: string, resourceType: string | undefined, mimeType: string | undefined): ByteKind {
  const path = pathOf(url);
  const type = (resourceType ?? '').toLowerCase();
  const mime = (mimeType ?? '').toLowerCase();
  if (type === 'document' || mime.startsWith('text/html')) return 'html';
  if (/\.css$/.test(path) || type === 'stylesheet' || mime.startsWith('text/css')) return 'css';
  if (/\.(?:m?js|wasm)$/.test(path) || type === 'script' || mime.includes('javascript') || mime === 'application/wasm') return 'js';
  if (/\.(?:woff2?|ttf|otf)$/.test(path) || type === 'font' || mime.startsWith('font/')) return 'font';
  if (/\/data\/|\/models\/|\.(?:bin|json)$/.test(path) || type === 'fetch' || type === 'xhr') return 'data';
  return 'other';
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return url.split(/[?#]/)[0]?.toLowerCase() ?? '';
  }
}

export interface Transfer {
  readonly url: string;
  readonly resourceType?: string | undefined;
  readonly mimeType?: string | undefined;
  /** Bytes that came over the network, headers included (CDP's encodedDataLength); 0 from the cache. */
  readonly bytes: number;
}

export function countBytes(transfers: readonly Transfer[]): ByteCounts {
  const counts: Record<ByteKind | 'total', number> = { html: 0, js: 0, css: 0, font: 0, data: 0, other: 0, total: 0 };
  for (const t of transfers) {
    const b = Math.max(0, t.bytes);
    counts[byteKind(t.url, t.resourceType, t.mimeType)] += b;
    counts.total += b;
  }
  return { ...counts, requests: transfers.length };
}
