import { describe, expect, it } from 'vitest';
import { chunkLinks, closure, pageScripts, type ChunkLinks, localeOfPage } from '../../scripts/js-graph.ts';

describe('the size budgets read what a page loads from the build', () => {
  it('finds static imports, dynamic imports with their preloads, and workers in a minified chunk', () => {
    const code =
      'import{a as b}from"./hooks.module.X1.js";import"./side.Y2.js";export{c}from"./re.Z3.js";' +
      'const t=()=>import(`./dist.Q1.js`),m=__vite__mapDeps([0]),d=["_astro/shared.S1.js"];' +
      'new Worker(new URL(`/course/_astro/train.worker-W1.js`,``+import.meta.url),{type:`module`});';
    const l = chunkLinks(code);
    expect(l.static).toEqual(['hooks.module.X1.js', 'side.Y2.js', 're.Z3.js']);
    expect(l.dynamic).toEqual(['dist.Q1.js', 'shared.S1.js']);
    expect(l.workers).toEqual(['train.worker-W1.js']);
  });

  it("reads a page's scripts and its islands' components and renderer, once each", () => {
    const html =
      '<astro-island component-url="/course/_astro/DrawIsland.A.js" renderer-url="/course/_astro/client.B.js"></astro-island>' +
      '<astro-island component-url="/course/_astro/Bars.C.js" renderer-url="/course/_astro/client.B.js"></astro-island>' +
      '<script type="module" src="/_astro/page.D.js"></script><script>inline()</script>';
    expect(pageScripts(html)).toEqual(['DrawIsland.A.js', 'client.B.js', 'Bars.C.js', 'page.D.js']);
  });

  it('follows only the links asked for, through cycles', () => {
    const graph: Record<string, ChunkLinks> = {
      page: { static: ['a'], dynamic: ['tf'], workers: [] },
      a: { static: ['b', 'page'], dynamic: [], workers: [] },
      b: { static: [], dynamic: [], workers: [] },
      tf: { static: ['core'], dynamic: [], workers: [] },
      core: { static: [], dynamic: [], workers: [] },
    };
    const links = (f: string) => graph[f] ?? { static: [], dynamic: [], workers: [] };
    expect(closure(['page'], links, ['static'])).toEqual(['a', 'b', 'page']);
    expect(closure(['page'], links, ['static', 'dynamic'])).toEqual(['a', 'b', 'core', 'page', 'tf']);
  });
});

describe("a page's edition", () => {
  it('is English under /en/ and Japanese elsewhere', () => {
    expect(localeOfPage('/en/lessons/cnn/')).toBe('en');
    expect(localeOfPage('/en/')).toBe('en');
    expect(localeOfPage('/lessons/cnn/')).toBe('ja');
    expect(localeOfPage('/lessons/en/')).toBe('ja');
    expect(localeOfPage('/')).toBe('ja');
  });
});
