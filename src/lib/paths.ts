/**
 * Joins a site path onto the configured base ("/" or a sub-path such as "/course/"), so the
 * static build works from any directory of any static host.
 */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export function lessonPath(slug: string): string {
  return `lessons/${slug}/`;
}
