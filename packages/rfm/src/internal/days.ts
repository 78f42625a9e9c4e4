/** Days since 1970-01-01 of a date given as `'YYYY-MM-DD'`, a `Date` or a number of days (whole days). */
export function toDay(fn: string, name: string, v: string | Date | number): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`${fn}(${name}): must be a finite number of days since 1970-01-01, got ${v}`);
    return Math.floor(v);
  }
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) throw new RangeError(`${fn}(${name}): invalid Date`);
    return Math.floor(t / 86400000);
  }
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
    if (m) {
      const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
      const d = new Date(t);
      if (d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) return t / 86400000;
    }
    throw new RangeError(`${fn}(${name}): expected a date YYYY-MM-DD, got "${v}"`);
  }
  throw new TypeError(`${fn}(${name}): expected a date YYYY-MM-DD, a Date or a number of days, got ${typeof v}`);
}

/** ISO `YYYY-MM-DD` of a whole day number. */
export function isoDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
