/**
 * Internal BLAS-1 kernels on strided-free slices of a Float64Array (column-major storage makes
 * a column slice contiguous). Not exported from the package.
 */

/** Euclidean norm of d[start .. start+len-1], with the scaling of reference BLAS `dnrm2` (no overflow). */
export function nrm2(d: Float64Array, start: number, len: number): number {
  let scale = 0;
  let ssq = 1;
  for (let k = start, end = start + len; k < end; k++) {
    const x = d[k];
    if (x !== 0) {
      const a = Math.abs(x);
      if (scale < a) {
        const r = scale / a;
        ssq = 1 + ssq * r * r;
        scale = a;
      } else {
        const r = a / scale;
        ssq += r * r;
      }
    }
  }
  return scale * Math.sqrt(ssq);
}

/** Dot product of a[ia .. ia+len-1] and b[ib .. ib+len-1]. */
export function dot(a: Float64Array, ia: number, b: Float64Array, ib: number, len: number): number {
  let s = 0;
  for (let k = 0; k < len; k++) s += a[ia + k] * b[ib + k];
  return s;
}

/** b[ib ..] += t · a[ia ..] over len elements. */
export function axpy(len: number, t: number, a: Float64Array, ia: number, b: Float64Array, ib: number): void {
  for (let k = 0; k < len; k++) b[ib + k] += t * a[ia + k];
}
