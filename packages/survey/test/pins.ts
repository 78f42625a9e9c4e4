// Small helpers shared by the survey pinning tests (issue 18, mutation testing).

/** The codes of a result's warnings, in order: tests compare the whole list, so an extra warning fails. */
export const codes = (r: { warnings: { code: string }[] }): string[] => r.warnings.map((w) => w.code);

/** The error `f` throws; fails the test when it does not throw. */
export const caught = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};
