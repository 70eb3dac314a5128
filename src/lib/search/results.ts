/**
 * Pagefind's search results (the index src/integrations/search.ts builds from the lessons) turned
 * into what the search page lists: the lesson's number and title, its clean URL, and the excerpt
 * as plain text with the matched words marked. Pure: the page's island renders the shapes these
 * functions return and never sets any of Pagefind's strings as HTML.
 */

/** The part of a Pagefind result's `data()` the search page reads (pagefind.js, `PagefindSearchFragment`). */
export interface PagefindFragment {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
}

/** A run of an excerpt's text, marked when Pagefind highlighted it as a match. */
export interface ExcerptPart {
  readonly text: string;
  readonly mark: boolean;
}

/** One lesson in the list of results. */
export interface SearchHit {
  /** The lesson's clean URL (its folder, `…/lessons/dropout/`), under the site's base. */
  readonly url: string;
  readonly title: string;
  /** The lesson's number ('3-6'), '' if the page did not give one. */
  readonly number: string;
  readonly excerpt: readonly ExcerptPart[];
}

/**
 * A result's URL as the lesson's clean URL: Pagefind's may end in `index.html` (or `.html`
 * written by another build format) or lack the trailing slash the site uses
 * (`trailingSlash: 'always'`). Query and hash are dropped: the link opens the lesson.
 */
export function cleanLessonUrl(url: string): string {
  const path = url.replace(/[?#].*$/su, '');
  const folder = path.replace(/\/index\.html$/u, '/').replace(/\.html$/u, '/');
  return folder.endsWith('/') ? folder : `${folder}/`;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Pagefind writes into excerpts (`&amp;`, `&lt;`, `&#39;`, …). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/**
 * An excerpt from Pagefind (text with its matches in `<mark>…</mark>`) as runs of plain text,
 * each marked or not. Any other tag-like text stays text, so nothing in it can become markup.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/iu)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else if (piece !== '') {
      const text = decodeEntities(piece);
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) parts[parts.length - 1] = { text: last.text + text, mark };
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/** One of Pagefind's results as a hit of the list. */
export function toHit(fragment: PagefindFragment): SearchHit {
  const url = cleanLessonUrl(fragment.url);
  const title = fragment.meta['title']?.trim() ?? '';
  return {
    url,
    title: title === '' ? url : title,
    number: fragment.meta['number']?.trim() ?? '',
    excerpt: excerptParts(fragment.excerpt),
  };
}

/** Pagefind's results (best first) as hits, one per lesson: the same lesson is listed once. */
export function toHits(fragments: readonly PagefindFragment[]): SearchHit[] {
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const f of fragments) {
    const hit = toHit(f);
    if (seen.has(hit.url)) continue;
    seen.add(hit.url);
    hits.push(hit);
  }
  return hits;
}
