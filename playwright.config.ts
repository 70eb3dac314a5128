import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests against production builds made by `npm run build:e2e`, served by
 * `astro preview` on 127.0.0.1:
 *   dist-test/   the site with the test-only switches (CNN_COURSE_TEST_HOOKS=1), at /;
 *   dist-course/ the plain production build under a sub-path (BASE_PATH=/course/).
 * Debian's Chromium is used where it exists (Playwright's own browser download is not possible
 * on the course's build machines).
 */
// E2E_PORT / E2E_DIST / E2E_SUBPATH=0 let a second checkout (or a second build of this one) run
// a few tests beside the usual servers without touching them.
const PORT = Number(process.env.E2E_PORT ?? 4329);
const SUBPATH_PORT = PORT + 1;
const TEST_DIST = process.env.E2E_DIST ?? './dist-test';
const withSubpath = process.env.E2E_SUBPATH !== '0';
export const BASE_URL = `http://127.0.0.1:${PORT}/`;
export const SUBPATH_URL = `http://127.0.0.1:${SUBPATH_PORT}/course/`;
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const baseArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const browser = (extraArgs: string[]) => ({
  browserName: 'chromium' as const,
  launchOptions: { ...(executablePath ? { executablePath } : {}), args: [...baseArgs, ...extraArgs] },
});

const preview = (port: number, env: Record<string, string>, url: string) => ({
  command: `npx astro preview --host 127.0.0.1 --port ${port} --ignore-lock`,
  env,
  url,
  // A server left on the port by another checkout would test the wrong build: never reuse one in CI.
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Each test sets a timeout that fits what it does; this is the default for quick page checks.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  // A Japanese browser, as the course's learners use (the English edition's tests set their own).
  // No service worker (it would precache the whole site in every fresh context); offline.once.spec.ts allows it.
  use: { baseURL: BASE_URL, trace: 'retain-on-failure', locale: 'ja-JP', serviceWorkers: 'block' },
  projects: [
    // Content, navigation and accessibility: backend-independent, run once.
    { name: 'pages', testMatch: /pages\.spec\.ts$/, use: browser([]) },
    // Demo behaviour that does not depend on the GPU backend (input, refusals, downloads): once.
    { name: 'once', testMatch: /\.once\.spec\.ts$/, use: browser([]) },
    // Demos that compute with tfjs, once per GPU backend.
    { name: 'webgpu', testMatch: /\.gpu\.spec\.ts$/, use: browser(['--enable-unsafe-webgpu']), metadata: { backend: 'webgpu' } },
    { name: 'webgl', testMatch: /\.gpu\.spec\.ts$/, use: browser([]), metadata: { backend: 'webgl' } },
    // The production build served from a sub-path: links, data, workers, model.
    { name: 'subpath', testMatch: /subpath\.spec\.ts$/, use: { ...browser([]), baseURL: SUBPATH_URL } },
    // Main-thread responsiveness during training is measured in wall-clock time, so it runs last
    // and alone: another test's emulated GPU on the same two cores would stall the page's thread.
    {
      name: 'responsiveness',
      testMatch: /responsiveness\.spec\.ts$/,
      use: browser(['--enable-unsafe-webgpu']),
      dependencies: ['pages', 'once', 'webgpu', 'webgl', 'subpath'],
    },
  ],
  webServer: [
    preview(PORT, { ASTRO_OUT_DIR: TEST_DIST, CNN_COURSE_TEST_HOOKS: '1' }, BASE_URL),
    ...(withSubpath ? [preview(SUBPATH_PORT, { ASTRO_OUT_DIR: './dist-course', BASE_PATH: '/course/' }, SUBPATH_URL)] : []),
  ],
});
