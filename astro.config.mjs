// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

/**
 * The site can be deployed under a sub-path (for example GitHub Pages' /repo/):
 * `BASE_PATH=/repo/ npm run build`. Every internal link goes through `withBase()`.
 */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  // Astro 7's default Markdown processor ignores remark/rehype plugins, so KaTeX
  // would not run; the unified processor honours them and MDX inherits it.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
    // Both themes are emitted as CSS variables; global.css picks one with light-dark().
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false },
  },
  integrations: [mdx(), preact()],
  build: { inlineStylesheets: 'never' },
  vite: {
    worker: {
      // The default iife format inlines the whole worker (and its copy of tfjs) as a string.
      format: 'es',
      rolldownOptions: { output: { comments: false } },
    },
  },
});
