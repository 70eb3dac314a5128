import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests against the production build (`npm run build`), served by `astro preview`
 * on 127.0.0.1. Debian's Chromium is used where it exists (Playwright's own browser download is
 * not possible on the course's build machines).
 */
const PORT = 4329;
export const BASE_URL = `http://127.0.0.1:${PORT}/`;
const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const baseArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const browser = (extraArgs: string[]) => ({
  browserName: 'chromium' as const,
  launchOptions: { ...(executablePath ? { executablePath } : {}), args: [...baseArgs, ...extraArgs] },
});

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: { baseURL: BASE_URL, trace: 'retain-on-failure' },
  projects: [
    // Content, navigation and accessibility: backend-independent, run once.
    { name: 'pages', testMatch: /pages\.spec\.ts$/, use: browser([]) },
    // Demos that compute with tfjs, once per GPU backend.
    { name: 'webgpu', testMatch: /\.gpu\.spec\.ts$/, use: browser(['--enable-unsafe-webgpu']), metadata: { backend: 'webgpu' } },
    { name: 'webgl', testMatch: /\.gpu\.spec\.ts$/, use: browser([]), metadata: { backend: 'webgl' } },
    // Main-thread responsiveness during training is measured in wall-clock time, so it runs last
    // and alone: another test's emulated GPU on the same two cores would stall the page's thread.
    {
      name: 'responsiveness',
      testMatch: /responsiveness\.spec\.ts$/,
      use: browser(['--enable-unsafe-webgpu']),
      dependencies: ['pages', 'webgpu', 'webgl'],
    },
  ],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
