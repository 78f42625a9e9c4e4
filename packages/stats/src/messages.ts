/**
 * Every warning (statistical caution) that @satlab/stats puts into `result.warnings`, in one
 * place (English; the format/CLI packages translate). Helpers: add your lines, keep the others'.
 */

// --- proportions, means, rank tests, correlation, OLS ---------------------------------------
export const msg = {
  noObservations: (what: string): string => `${what}: no non-missing observations; estimates are NaN`,
  tooFewObservations: (what: string, n: number, min: number): string =>
    `${what}: only ${n} non-missing observation(s) (at least ${min} needed); statistics that need more are NaN`,
  missingDropped: (n: number, what: string): string => `${n} missing value(s) (NaN) excluded from ${what}`,
  zeroVariance: (what: string): string => `${what}: zero variance (data are constant); the test statistic is undefined`,
  smallExpected: (min: number): string =>
    `expected count below 5 (minimum ${fmt(min)}): the normal/chi-square approximation may be inaccurate`,
  degenerateProportion: (): string => 'pooled proportion is 0 or 1: the test statistic is undefined',
  extremeProportion: (): string => 'successes = 0 or n: the interval is one-sided at that bound',
  tiesNoExact: (what: string): string => `${what}: ties present, exact p-value not available; normal approximation used`,
  tiesNoExactSpearman: (): string => 'ties present: exact p-value not available; t approximation used (as R cor.test)',
  largeNoExact: (what: string): string => `${what}: sample too large for the exact distribution; normal approximation used`,
  smallGroup: (level: string, n: number): string => `group "${level}" has only ${n} observation(s)`,
  singleGroup: (): string => 'fewer than 2 non-empty groups: the test is undefined',
  perfectFit: (): string => 'residual variance is 0 (perfect fit): standard errors and tests are not meaningful',
  aliased: (names: readonly string[]): string => `aliased (linearly dependent) coefficient(s) set to NaN: ${names.join(', ')}`,
  noResidualDf: (): string => 'no residual degrees of freedom: standard errors are NaN',
  vifNoIntercept: (): string => 'no intercept: VIFs are not computed (they are not meaningful without one)',
  highVif: (names: readonly string[]): string => `VIF above 10 (strong collinearity): ${names.join(', ')}`,
  zeroWeights: (n: number): string => `${n} observation(s) with zero weight excluded from the degrees of freedom`,
  perfectCorrelation: (): string => '|r| = 1: the t statistic is infinite',
};

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(3);
}

// --- cross-tabs, chi-square, G, Fisher, column proportions, Rao–Scott -----------------------
/** Warnings of the contingency-table functions (crossTab, chiSquareTest, fisherExactTest, …). */
export const ctMsg = {
  smallExpected: (below: number, cells: number, min: number): string =>
    `${below} of ${cells} cells (${((100 * below) / cells).toFixed(1)}%) have expected counts below 5; the minimum expected count is ${min.toFixed(2)}. ` +
    'The chi-square approximation may be inaccurate: consider the Monte-Carlo or exact p-value.',
  cochranRule: (): string =>
    "Cochran's rule (no expected count below 1 and at most 20% of cells below 5) is not met: prefer the Monte-Carlo or exact p-value.",
  emptyRemoved: (what: 'row' | 'column', labels: readonly string[]): string =>
    labels.length === 1
      ? `Empty ${what} "${labels[0]}" (no observations) was removed before the test.`
      : `Empty ${what}s ${labels.map((l) => `"${l}"`).join(', ')} (no observations) were removed before the test.`,
  yatesApplied: (): string =>
    "Yates' continuity correction was applied to the 2×2 statistic and p-value; Cramér's V, phi and the residuals use the uncorrected statistic.",
  nonInteger: (): string =>
    'The table holds non-integer counts (weighted data?): a plain Pearson chi-square assumes counts of independent respondents; for weighted data use raoScottChiSquare.',
  missingExcluded: (n: number, rows: number, cols: number, weights: number): string =>
    `${n} respondent(s) excluded for a missing value (row variable: ${rows}, column variable: ${cols}, weight: ${weights}).`,
  monteCarloNotRun: (): string => 'Monte-Carlo p-value needs integer counts: not computed.',
  fisherFallback: (work: number): string =>
    `The table is too large for exact enumeration (more than ${work.toExponential(0)} steps): the Fisher p-value is a Monte-Carlo estimate.`,
  fewReplicates: (b: number): string => `Only ${b} Monte-Carlo replicates: the p-value is imprecise (its standard error is given).`,
  propExtreme: (cells: readonly string[]): string =>
    `Cells whose column proportion is 0 or 1 are not used in their row's comparisons (as SPSS): ${cells.join('; ')}.`,
  emptyColumnNotTested: (cols: readonly string[]): string => `Empty column(s) not compared: ${cols.map((c) => `"${c}"`).join(', ')}.`,
  zeroWeights: (n: number): string => `${n} respondent(s) have a weight of 0: they count in n but not in the weighted table.`,
  designEffectSingular: (): string => 'The Rao–Scott design-effect matrix is singular (sparse table): the corrected statistic is not available.',
  lowEffectiveN: (neff: number, n: number): string =>
    `Kish effective sample size is ${neff.toFixed(1)} for ${n} respondents: weighting costs ${(100 * (1 - neff / n)).toFixed(0)}% of the precision.`,
  tooFewCategories: (fn: string, r: number, c: number): string =>
    `${fn}: after removing empty rows and columns the table is ${r} × ${c}; a test of independence needs at least 2 × 2`,
};
