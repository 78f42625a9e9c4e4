import type { Message } from '@satlab/messages';
import { fisherFSf } from './distributions/fisherF.js';
import { studentTQuantile, studentTSf } from './distributions/studentT.js';
import { qr } from './linalg/qr.js';
import { qrCoef } from './linalg/qrCoef.js';
import { qrResiduals } from './linalg/qrResiduals.js';
import { qrUnscaledCovariance } from './linalg/qrUnscaledCovariance.js';
import type { Matrix } from './linalg/types.js';
import { buildDesign, vifFromDesign } from './internal/design.js';
import { checkConfidence, type Values } from './internal/sample.js';
import { msg } from './messages.js';

/** Options of {@link ols}. */
export interface OlsOptions {
  /** Add an intercept column of ones in front of X. Default true. */
  intercept?: boolean;
  /** Column names of X (length = columns of X). Default 'x1', 'x2', …; the intercept is '(Intercept)'. */
  names?: readonly string[];
  /** Case weights w ≥ 0 (weighted least squares, as R `lm(weights = w)`); NaN = missing. Default none. */
  weights?: Values;
  /** Confidence level of the coefficient intervals, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Rank-detection tolerance of the QR (R `lm(tol = )`). Default 1e-7. */
  tol?: number;
}

/** One coefficient row of {@link Ols}. */
export interface OlsCoefficient {
  name: string;
  /** Estimate (NaN when aliased). */
  estimate: number;
  /** Standard error σ̂·√[(X'X)⁻¹]_jj. */
  se: number;
  /** t = estimate / se. */
  t: number;
  /** Two-sided p-value on the residual df. */
  pValue: number;
  /** Confidence interval estimate ± t_{1−α/2, df}·se (R `confint`). */
  lower: number;
  upper: number;
  aliased: boolean;
}

/** Result of {@link ols}. */
export interface Ols {
  method: string;
  coefficients: OlsCoefficient[];
  /** R² = MSS/(MSS + RSS) (MSS about the (weighted) mean with an intercept, about 0 without: R's convention). */
  rSquared: number;
  /** 1 − (1 − R²)(n − i)/(n − rank), i = 1 with intercept else 0. */
  adjRSquared: number;
  /** Residual standard deviation √(RSS/df). */
  sigma: number;
  /** Overall F = [MSS/(rank − i)] / σ̂². */
  fStatistic: number;
  fDf: [number, number];
  fPValue: number;
  /** Residual degrees of freedom n − rank. */
  df: number;
  /** Rows used in the fit (complete, weight > 0). */
  n: number;
  /** Rows dropped because y, a predictor or the weight is NaN. */
  nMissing: number;
  /** Residual (RSS, weighted) and model (MSS) sums of squares. */
  rss: number;
  mss: number;
  /** y − ŷ per input row (NaN for dropped rows, like R's na.exclude); unweighted, as R `residuals()`. */
  residuals: number[];
  /** ŷ per input row (NaN for rows with missing values; predicted for zero-weight rows). */
  fitted: number[];
  /** Numerical rank of the design. */
  rank: number;
  /** Names of the columns found linearly dependent on earlier ones (coefficients NaN, as R's NA). */
  aliased: string[];
  /** Variance inflation factors 1/(1 − R²_j) of the non-intercept, non-aliased columns (empty without intercept). */
  vif: { name: string; vif: number }[];
  confidence: number;
  warnings: Message[];
}

/**
 * Ordinary (or weighted) least squares by Householder QR with R's limited pivoting (LINPACK dqrdc2,
 * as `lm()`): never forms X'X. Coefficients b = R⁻¹Q'y; residuals from Q (not y − Xb); σ̂² = RSS/(n − rank);
 * se_j = σ̂·√[(R'R)⁻¹]_jj; t tests and F test as `summary.lm`. Columns linearly dependent on earlier
 * ones (tolerance 1e-7) are aliased: NaN coefficient, listed in `aliased`, and a warning.
 * Rows with NaN in y, X or the weights are dropped and counted (`nMissing`); zero weights are
 * excluded from the fit and the degrees of freedom, as R. VIFs are 1/(1 − R²_j), computed from
 * the same QR ([(X'WX)⁻¹]_jj · Σw(x_j − x̄_j)²). Assumes a linear model with independent,
 * homoscedastic errors (normal for the tests).
 *
 * Accuracy: NIST StRD Longley (higher difficulty) and Norris certified values are reproduced to
 * ≥ 12 significant digits (see test/nist.test.ts).
 *
 * Reference: R `summary(lm(y ~ X, weights = w))`, `confint()`, `car::vif()`; Golub & Van Loan §5.3.
 *
 * @param y the response (NaN = missing).
 * @param X the predictors, an n × p {@link Matrix} (column-major) or an array of n rows of p numbers.
 * @throws {TypeError} on malformed inputs. @throws {RangeError} on mismatched lengths, ±Infinity, negative weights or bad names.
 * @example
 * const fit = ols([1, 3, 2, 5, 4], [[1], [2], [3], [4], [5]], { names: ['x'] });
 * fit.coefficients[1];
 * //=> { name: 'x', estimate: 0.8, se: 0.346410…, t: 2.30940…, pValue: 0.104088…, … }
 * fit.rSquared; //=> 0.64
 */
export function ols(y: Values, X: Matrix | readonly (readonly number[])[], opts: OlsOptions = {}): Ols {
  const fn = 'ols(y, X, opts)';
  const intercept = opts.intercept ?? true;
  if (typeof intercept !== 'boolean') throw new TypeError(`${fn}: opts.intercept must be a boolean, got ${String(intercept)}`);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  const tol = opts.tol ?? 1e-7;
  const d = buildDesign(fn, y, X, intercept, opts.names, opts.weights);
  const warnings: Message[] = [];
  const nf = d.x.rows;
  const pp = d.x.cols;
  const dfInt = intercept ? 1 : 0;
  if (d.zeroWeightRows.length > 0) warnings.push(msg.zeroWeights({ n: d.zeroWeightRows.length }));
  const q = qr(d.x, tol);
  const rank = q.rank;
  const coef = nf > 0 ? qrCoef(q, d.y) : new Float64Array(pp).fill(NaN);
  const wres = nf > 0 ? qrResiduals(q, d.y) : new Float64Array(0);
  const cov = qrUnscaledCovariance(q);
  const aliased = d.names.filter((_, j) => Number.isNaN(coef[j]));
  if (aliased.length > 0) warnings.push(msg.aliased({ names: aliased }));
  // Residuals and fitted values on the original scale, per input row.
  const residuals = new Array<number>(d.nInput).fill(NaN);
  const fitted = new Array<number>(d.nInput).fill(NaN);
  let rss = 0;
  const f = new Float64Array(nf);
  for (let r = 0; r < nf; r++) {
    const e = wres[r] / Math.sqrt(d.w[r]);
    f[r] = d.yRaw[r] - e;
    residuals[d.rows[r]] = e;
    fitted[d.rows[r]] = f[r];
    rss += wres[r] * wres[r];
  }
  if (d.zeroWeightRows.length > 0) {
    const Xm = X as Matrix;
    const rowsArr = Array.isArray(X) ? (X as readonly (readonly number[])[]) : null;
    for (const i of d.zeroWeightRows) {
      let s = intercept ? coef[0] : 0;
      for (let j = dfInt; j < pp; j++) {
        if (Number.isNaN(coef[j])) continue;
        const v = rowsArr ? rowsArr[i][j - dfInt] : Xm.data[i + (j - dfInt) * Xm.rows];
        s += coef[j] * v;
      }
      fitted[i] = s;
      residuals[i] = y[i] - s;
    }
  }
  let mss: number;
  if (intercept) {
    let sw = 0;
    let m = 0;
    for (let r = 0; r < nf; r++) {
      sw += d.w[r];
      m += d.w[r] * f[r];
    }
    m /= sw;
    let c = 0;
    for (let r = 0; r < nf; r++) c += d.w[r] * (f[r] - m);
    m += c / sw;
    mss = 0;
    for (let r = 0; r < nf; r++) mss += d.w[r] * (f[r] - m) ** 2;
  } else {
    mss = 0;
    for (let r = 0; r < nf; r++) mss += d.w[r] * f[r] * f[r];
  }
  const df = nf - rank;
  const resvar = df > 0 ? rss / df : NaN;
  const sigma = Math.sqrt(resvar);
  if (!(df > 0)) warnings.push(msg.noResidualDf());
  else if (rss === 0) warnings.push(msg.perfectFit());
  const tq = df > 0 ? studentTQuantile((1 + confidence) / 2, df) : NaN;
  const coefficients: OlsCoefficient[] = d.names.map((name, j) => {
    const estimate = coef[j];
    const isAliased = Number.isNaN(estimate);
    const se = isAliased ? NaN : Math.sqrt(cov.data[j + j * pp] * resvar);
    const t = estimate / se;
    const pValue = Number.isNaN(t) ? NaN : Math.min(1, 2 * studentTSf(Math.abs(t), df));
    return { name, estimate, se, t, pValue, lower: estimate - tq * se, upper: estimate + tq * se, aliased: isAliased };
  });
  const rSquared = mss + rss > 0 ? mss / (mss + rss) : NaN;
  const adjRSquared = df > 0 ? 1 - (1 - rSquared) * ((nf - dfInt) / df) : NaN;
  const numDf = rank - dfInt;
  const fStatistic = numDf > 0 && df > 0 ? mss / numDf / resvar : NaN;
  const fPValue = Number.isFinite(fStatistic) ? fisherFSf(fStatistic, numDf, df) : NaN;
  let vif: { name: string; vif: number }[] = [];
  if (!intercept) {
    if (d.x.cols > 1) warnings.push(msg.vifNoIntercept());
  } else if (nf > 0) {
    vif = vifFromDesign(d, q);
    const high = vif.filter((v) => v.vif > 10).map((v) => v.name);
    if (high.length > 0) warnings.push(msg.highVif({ names: high }));
  }
  const method = `${d.weighted ? 'Weighted least squares' : 'Ordinary least squares'} (Householder QR, LINPACK dqrdc2 pivoting)`;
  return {
    method, coefficients, rSquared, adjRSquared, sigma, fStatistic, fDf: [numDf, df], fPValue, df, n: nf, nMissing: d.nMissing,
    rss, mss, residuals, fitted, rank, aliased, vif, confidence, warnings,
  };
}
