/// <reference types="astro/client" />

/**
 * True only in a build made with CNN_COURSE_TEST_HOOKS=1 (the end-to-end tests' build): the
 * test-only ways to lose the GPU or make a run diverge exist there and are dropped from the
 * production build.
 */
declare const __CNN_TEST_HOOKS__: boolean;
