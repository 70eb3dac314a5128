/**
 * The end-to-end tests' build only (every call sits behind __CNN_TEST_HOOKS__, so other builds
 * drop this module): `window.__cnnCourseWorkers.loseDevice('inference' | 'training')` loses the
 * GPU device of the page's latest worker of that kind, to exercise the lost-device paths.
 */
type Lose = () => Promise<unknown>;

const workers = new Map<string, Lose>();

export function registerTestWorker(name: string, lose: Lose): void {
  workers.set(name, lose);
  if (!('__cnnCourseWorkers' in globalThis)) {
    Object.defineProperty(globalThis, '__cnnCourseWorkers', {
      value: Object.freeze({
        loseDevice: async (which: string) => {
          const l = workers.get(which);
          if (!l) throw new Error(`no ${which} worker on this page`);
          await l();
        },
      }),
      configurable: true,
    });
  }
}
