/** Internal: builds a (weighted) design matrix from y, X and weights, dropping incomplete rows; VIF from a QR. */
import type { Matrix, QR } from '../linalg/types.js';
import { qr } from '../linalg/qr.js';
import { qrUnscaledCovariance } from '../linalg/qrUnscaledCovariance.js';
import { matrixFromRows } from '../linalg/matrixFromRows.js';
import type { Values } from './sample.js';

export interface Design {
  /** Fitting rows (complete and weight > 0), design with intercept column first when requested, scaled by √w. */
  x: Matrix;
  /** Unscaled design of the same rows (needed for VIF centring). */
  xRaw: Matrix;
  /** Response of the fitting rows, scaled by √w. */
  y: Float64Array;
  yRaw: Float64Array;
  /** Weights of the fitting rows (all 1 without weights). */
  w: Float64Array;
  /** Input row index of each fitting row. */
  rows: Int32Array;
  /** Input rows that are complete but have weight 0 (predicted, not fitted). */
  zeroWeightRows: Int32Array;
  names: string[];
  nInput: number;
  nMissing: number;
  intercept: boolean;
  weighted: boolean;
}

export function toMatrix(fn: string, X: Matrix | readonly (readonly number[])[]): Matrix {
  if (Array.isArray(X)) {
    if (X.length > 0 && !Array.isArray(X[0])) throw new TypeError(`${fn}: X: expected an array of rows (number[][]) or a Matrix; for one predictor wrap each value: X.map((v) => [v])`);
    const rowsIn = X as readonly (readonly number[])[];
    for (let i = 0; i < rowsIn.length; i++) {
      const r = rowsIn[i];
      if (!Array.isArray(r)) throw new TypeError(`${fn}: X row ${i} is not an array`);
      for (let j = 0; j < r.length; j++) {
        if (typeof r[j] !== 'number') throw new TypeError(`${fn}: X[${i}][${j}] is not a number (${String(r[j])}); use NaN for missing`);
      }
    }
    return matrixFromRows(rowsIn);
  }
  const m = X as Matrix;
  if (m === null || typeof m !== 'object' || !(m.data instanceof Float64Array) || !Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.data.length !== m.rows * m.cols) {
    throw new TypeError(`${fn}: X: expected a Matrix { rows, cols, data: Float64Array (column-major) } or an array of rows`);
  }
  return m;
}

export function buildDesign(
  fn: string,
  y: Values | null,
  X: Matrix | readonly (readonly number[])[],
  intercept: boolean,
  names: readonly string[] | undefined,
  weights: Values | undefined,
): Design {
  const m = toMatrix(fn, X);
  const n = m.rows;
  const p = m.cols;
  if (y !== null) {
    if (!(y instanceof Float64Array) && !Array.isArray(y)) throw new TypeError(`${fn}: y: expected a Float64Array or an array of numbers`);
    if (y.length !== n) throw new RangeError(`${fn}: y has length ${y.length} but X has ${n} rows`);
  }
  if (weights !== undefined) {
    if (!(weights instanceof Float64Array) && !Array.isArray(weights)) throw new TypeError(`${fn}: opts.weights must be a Float64Array or an array of numbers`);
    if (weights.length !== n) throw new RangeError(`${fn}: opts.weights has length ${weights.length}, expected ${n}`);
  }
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length !== p || names.some((s) => typeof s !== 'string')) {
      throw new RangeError(`${fn}: opts.names must be ${p} strings (one per column of X), got ${Array.isArray(names) ? names.length : typeof names}`);
    }
  }
  const colNames = [...(intercept ? ['(Intercept)'] : []), ...(names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`))];
  const pp = p + (intercept ? 1 : 0);
  const keep: number[] = [];
  const zero: number[] = [];
  let nMissing = 0;
  const check = (v: number, what: string, i: number): boolean => {
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${what} element ${i} is not a number (${String(v)})`);
    if (Number.isNaN(v)) return false;
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${what} element ${i} is ${v}; values must be finite (NaN for missing)`);
    return true;
  };
  for (let i = 0; i < n; i++) {
    let ok = y === null ? true : check(y[i], 'y', i);
    for (let j = 0; j < p; j++) {
      const v = m.data[i + j * n];
      if (Number.isNaN(v)) ok = false;
      else if (!Number.isFinite(v)) throw new RangeError(`${fn}: X non-finite value ${v} at row ${i}, column ${j}`);
    }
    let w = 1;
    if (weights !== undefined) {
      if (!check(weights[i], 'opts.weights', i)) ok = false;
      else {
        w = weights[i];
        if (w < 0) throw new RangeError(`${fn}: opts.weights[${i}] is negative (${w})`);
      }
    }
    if (!ok) nMissing++;
    else if (w === 0) zero.push(i);
    else keep.push(i);
  }
  const nf = keep.length;
  const x = new Float64Array(nf * pp);
  const xRaw = new Float64Array(nf * pp);
  const yy = new Float64Array(nf);
  const yRaw = new Float64Array(nf);
  const ww = new Float64Array(nf);
  for (let r = 0; r < nf; r++) {
    const i = keep[r];
    const w = weights === undefined ? 1 : weights[i];
    const sw = Math.sqrt(w);
    ww[r] = w;
    if (y !== null) {
      yRaw[r] = y[i];
      yy[r] = y[i] * sw;
    }
    let c = 0;
    if (intercept) {
      xRaw[r] = 1;
      x[r] = sw;
      c = 1;
    }
    for (let j = 0; j < p; j++, c++) {
      const v = m.data[i + j * n];
      xRaw[r + c * nf] = v;
      x[r + c * nf] = v * sw;
    }
  }
  return {
    x: { rows: nf, cols: pp, data: x }, xRaw: { rows: nf, cols: pp, data: xRaw }, y: yy, yRaw, w: ww,
    rows: Int32Array.from(keep), zeroWeightRows: Int32Array.from(zero), names: colNames, nInput: n, nMissing, intercept, weighted: weights !== undefined,
  };
}

/**
 * VIF_j = 1/(1 − R²_j) for every non-intercept, non-aliased column, from the QR of the (weighted)
 * design with intercept: VIF_j = [(X'WX)⁻¹]_jj · Σ w (x_j − x̄_j,w)², which equals 1/(1 − R²_j) of the
 * (weighted) regression of x_j on the other columns (and the diagonal of the inverse correlation matrix).
 */
export function vifFromDesign(d: Design, q?: QR): { name: string; vif: number }[] {
  if (!d.intercept) return [];
  const decomposition = q ?? qr(d.x);
  const cov = qrUnscaledCovariance(decomposition);
  const pp = d.x.cols;
  const nf = d.x.rows;
  const out: { name: string; vif: number }[] = [];
  let sw = 0;
  for (let r = 0; r < nf; r++) sw += d.w[r];
  for (let j = 1; j < pp; j++) {
    const cjj = cov.data[j + j * pp];
    if (Number.isNaN(cjj)) continue; // aliased
    let m = 0;
    for (let r = 0; r < nf; r++) m += d.w[r] * d.xRaw.data[r + j * nf];
    m /= sw;
    let c = 0;
    for (let r = 0; r < nf; r++) c += d.w[r] * (d.xRaw.data[r + j * nf] - m);
    m += c / sw;
    let ss = 0;
    for (let r = 0; r < nf; r++) ss += d.w[r] * (d.xRaw.data[r + j * nf] - m) ** 2;
    out.push({ name: d.names[j], vif: cjj * ss });
  }
  return out;
}
