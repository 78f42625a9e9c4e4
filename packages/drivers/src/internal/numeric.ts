/** Input accepted for one numeric variable: missing values are NaN. */
export type NumericInput = Float64Array | readonly number[];

/** Validates a numeric input and returns it as an array-like of numbers. */
export function asNumeric(fn: string, arg: string, x: unknown): ArrayLike<number> {
  if (x instanceof Float64Array) return x;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (typeof x[i] !== 'number') throw new TypeError(`${fn}(${arg}): element ${i} is ${typeof x[i]}, expected a number (NaN for missing)`);
    }
    return x as number[];
  }
  throw new TypeError(`${fn}(${arg}): expected a Float64Array or an array of numbers`);
}
