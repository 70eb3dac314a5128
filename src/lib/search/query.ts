/**
 * The search page's query in its URL (`?q=…`): the header's form sends it there without any
 * script, and the search page keeps it there as the learner types, so a search can be linked,
 * reloaded and found again in the history. Pure functions of strings: unit-tested without a browser.
 */

/** The parameter that holds the query, in the header's form and on the search page. */
export const QUERY_PARAM = 'q';

/** The longest query kept (a pasted page of text is cut here, not sent to the index whole). */
export const MAX_QUERY_LENGTH = 200;

/** Trims a query, turns runs of white space (full-width included) into one space, and bounds its length. */
export function normaliseQuery(raw: string): string {
  return raw.replace(/\s+/gu, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** The query a page's `location.search` carries ('' when there is none). */
export function queryFromSearch(search: string): string {
  return normaliseQuery(new URLSearchParams(search).get(QUERY_PARAM) ?? '');
}

/**
 * `search` (a `location.search`, with or without its `?`) with the query set to `query`, or
 * without it when the query is empty; other parameters are kept. '' or '?…' as `location.search` is.
 */
export function searchWithQuery(search: string, query: string): string {
  const params = new URLSearchParams(search);
  const q = normaliseQuery(query);
  if (q === '') params.delete(QUERY_PARAM);
  else params.set(QUERY_PARAM, q);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}
