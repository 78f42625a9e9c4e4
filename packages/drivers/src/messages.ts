/**
 * Every warning (statistical caution) that @satlab/drivers puts into `result.warnings`, in one
 * place (English; the CLI and notebook packages translate for human output).
 */
const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(3));
const list = (names: readonly string[]): string => names.join(', ');

export const msg = {
  // --- key-driver analysis ------------------------------------------------------------------
  missingDropped: (n: number, nTotal: number): string =>
    `${n} of ${nTotal} respondent(s) dropped (listwise): a value of the outcome, a driver or the weight was missing`,
  zeroWeightDropped: (n: number): string => `${n} respondent(s) with weight 0 left out`,
  fewRespondents: (n: number, p: number): string =>
    `only ${n} respondents for ${p} drivers (fewer than 10 per driver): importance estimates are unstable`,
  nearZeroVariance: (names: readonly string[]): string =>
    `near-zero variance (one answer given by 95 % or more of respondents): ${list(names)}; their importance is poorly estimated`,
  highVif: (names: readonly string[]): string =>
    `strong collinearity (VIF above 10): ${list(names)}; betas are unstable, Shapley and relative weights share the overlap`,
  shapleyTooMany: (p: number, max: number): string =>
    `${p} drivers: exact Shapley over 2^${p} subsets skipped (limit ${max}); Johnson's relative weights are used for the ranking`,
  zeroR2: (): string => 'R² is 0: importance shares are undefined (NaN)',
  bootstrapFailed: (failed: number, total: number): string =>
    `${failed} of ${total} bootstrap replicate(s) had collinear drivers and were skipped`,
  negativeBeta: (names: readonly string[]): string =>
    `negative full-model coefficient (share signed negative): ${list(names)}`,
  // --- factor analysis ----------------------------------------------------------------------
  efaFewRespondents: (n: number, p: number): string =>
    `only ${n} respondents for ${p} items (fewer than 5 per item): factor solutions are unstable`,
  lowKmo: (kmo: number): string => `KMO = ${fmt(kmo)} (below 0.5, "unacceptable" in Kaiser's terms): the items share little common variance`,
  lowItemMsa: (names: readonly string[]): string => `item MSA below 0.5: ${list(names)} (consider dropping)`,
  bartlettNotSignificant: (p: number): string => `Bartlett's test is not significant (p = ${fmt(p)}): the correlation matrix may be an identity`,
  heywood: (names: readonly string[]): string =>
    `Heywood case: communality at or above 1 (uniqueness at its 0.005 bound) for ${list(names)}; interpret with care`,
  notConverged: (what: string, iter: number): string => `${what} did not converge in ${iter} iterations`,
  nfactorsFromParallel: (k: number): string => `number of factors not given: ${k} suggested by parallel analysis (components, 95th percentile)`,
  tooManyFactors: (k: number, p: number): string => `${k} factors requested for ${p} items: at most ${p - 1} allowed for factor extraction`,
  singularCorrelation: (): string => 'the correlation matrix is singular: KMO uses a generalised inverse, scores are not computed',
  // --- alpha ----------------------------------------------------------------------------------
  reverseKeyed: (names: readonly string[]): string =>
    `reverse-keyed item(s) detected (negative loading on the first principal component): ${list(names)}`,
  reverseKeyedNotApplied: (names: readonly string[]): string =>
    `item(s) negatively related to the total, probably reverse-keyed: ${list(names)}; run with checkKeys to reverse them`,
  constantItems: (names: readonly string[]): string => `item(s) with no variance dropped: ${list(names)}`,
};
