import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The unit tests see the production build's value of the test-hooks switch (astro.config.mjs).
  define: { __CNN_TEST_HOOKS__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
