import { defineMessages } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';

/** One message: the English template types the parameters, the French one follows them. */
const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });
/** A message without parameters. */
const t0 = (en: (p: void, f: MessageFormat) => string, fr: (p: void, f: MessageFormat) => string): MessageTemplate<void> => ({ en, fr });

/**
 * Every warning (statistical caution) that @satlab/stats puts into `result.warnings`, in one
 * place, English and French side by side. Codes are `stats.<key>`; render with
 * `renderMessage(m, lang)` of `@satlab/messages`.
 */

// --- proportions, means, rank tests, correlation, OLS ---------------------------------------
export const msg = defineMessages('stats', {
  noObservations: t(
    (p: { what: string }) => `${p.what}: no non-missing observations; estimates are NaN`,
    (p) => `${p.what} : aucune observation non manquante ; les estimations valent NaN`,
  ),
  tooFewObservations: t(
    (p: { what: string; n: number; min: number }, f) =>
      `${p.what}: only ${f.num(p.n)} non-missing observation(s) (at least ${f.num(p.min)} needed); statistics that need more are NaN`,
    (p, f) =>
      `${p.what} : seulement ${f.num(p.n)} observation(s) non manquante(s) (il en faut au moins ${f.num(p.min)}) ; les statistiques qui en demandent plus valent NaN`,
  ),
  zeroVariance: t(
    (p: { what: string }) => `${p.what}: zero variance (data are constant); the test statistic is undefined`,
    (p) => `${p.what} : variance nulle (données constantes) ; la statistique de test n'est pas définie`,
  ),
  smallExpected: t(
    (p: { min: number }, f) => `expected count below 5 (minimum ${f.num(p.min, 3)}): the normal/chi-square approximation may be inaccurate`,
    (p, f) => `effectif attendu inférieur à 5 (minimum ${f.num(p.min, 3)}) : l'approximation normale ou du khi-deux peut être imprécise`,
  ),
  degenerateProportion: t0(
    () => 'pooled proportion is 0 or 1: the test statistic is undefined',
    () => "la proportion commune vaut 0 ou 1 : la statistique de test n'est pas définie",
  ),
  tiesNoExact: t(
    (p: { what: string }) => `${p.what}: ties present, exact p-value not available; normal approximation used`,
    (p) => `${p.what} : ex aequo présents, pas de p-valeur exacte ; approximation normale utilisée`,
  ),
  tiesNoExactSpearman: t0(
    () => 'ties present: exact p-value not available; t approximation used (as R cor.test)',
    () => 'ex aequo présents : pas de p-valeur exacte ; approximation de Student utilisée (comme cor.test de R)',
  ),
  smallGroup: t(
    (p: { level: string; n: number }, f) => `group ${f.q(p.level)} has only ${f.num(p.n)} observation(s)`,
    (p, f) => `le groupe ${f.q(p.level)} n'a que ${f.num(p.n)} observation(s)`,
  ),
  singleGroup: t0(
    () => 'fewer than 2 non-empty groups: the test is undefined',
    () => "moins de 2 groupes non vides : le test n'est pas défini",
  ),
  welchNeedsVariance: t0(
    () => "oneWayAnova (Welch): every group needs n ≥ 2 and a non-zero variance; Welch's F is NaN",
    () => 'oneWayAnova (Welch) : chaque groupe doit avoir n ≥ 2 et une variance non nulle ; le F de Welch vaut NaN',
  ),
  perfectFit: t0(
    () => 'residual variance is 0 (perfect fit): standard errors and tests are not meaningful',
    () => "variance résiduelle nulle (ajustement parfait) : les erreurs types et les tests n'ont pas de sens",
  ),
  aliased: t(
    (p: { names: readonly string[] }, f) => `aliased (linearly dependent) coefficient(s) set to NaN: ${f.list(p.names)}`,
    (p, f) => `coefficient(s) colinéaire(s) (combinaison linéaire des autres) mis à NaN : ${f.list(p.names)}`,
  ),
  noResidualDf: t0(
    () => 'no residual degrees of freedom: standard errors are NaN',
    () => 'aucun degré de liberté résiduel : les erreurs types valent NaN',
  ),
  vifNoIntercept: t0(
    () => 'no intercept: VIFs are not computed (they are not meaningful without one)',
    () => "pas de constante : les VIF ne sont pas calculés (ils n'ont pas de sens sans elle)",
  ),
  highVif: t(
    (p: { names: readonly string[] }, f) => `VIF above 10 (strong collinearity): ${f.list(p.names)}`,
    (p, f) => `VIF supérieur à 10 (forte colinéarité) : ${f.list(p.names)}`,
  ),
  zeroWeights: t(
    (p: { n: number }, f) => `${f.num(p.n)} observation(s) with zero weight excluded from the degrees of freedom`,
    (p, f) => `${f.num(p.n)} observation(s) de poids nul exclue(s) des degrés de liberté`,
  ),
  perfectCorrelation: t0(
    () => '|r| = 1: the t statistic is infinite',
    () => '|r| = 1 : la statistique t est infinie',
  ),
  spearmanExactDiffersFromR: t(
    (p: { n: number; rValue: number; pValue: number }, f) =>
      `exact p-value ${p.pValue.toPrecision(4)} from the permutation distribution of S (n = ${f.num(p.n)}); R's cor.test uses the Edgeworth series here and prints ${p.rValue === 0 ? '0' : p.rValue.toPrecision(4)}`,
    (p, f) =>
      `p-valeur exacte ${p.pValue.toPrecision(4).replace('.', ',')} d'après la loi de permutation de S (n = ${f.num(p.n)}) ; cor.test de R utilise ici la série d'Edgeworth et affiche ${p.rValue === 0 ? '0' : p.rValue.toPrecision(4).replace('.', ',')}`,
  ),
  hodgesLehmannTies: t0(
    () => 'ties or zeros present: the Hodges–Lehmann interval uses the normal approximation (as R wilcox.test with correct = TRUE)',
    () => "ex aequo ou zéros présents : l'intervalle de Hodges–Lehmann utilise l'approximation normale (comme wilcox.test de R avec correct = TRUE)",
  ),
  confLevelNotReached: t(
    (p: { requested: number; achieved: number }, f) =>
      `the requested confidence level ${f.pct(p.requested)} cannot be reached with these sample sizes; the interval has level ${f.pct(p.achieved, 2)}`,
    (p, f) =>
      `le niveau de confiance demandé (${f.pct(p.requested)}) est inaccessible avec ces effectifs ; l'intervalle a un niveau de ${f.pct(p.achieved, 2)}`,
  ),
});

// --- cross-tabs, chi-square, G, Fisher, column proportions, Rao–Scott -----------------------
/** Warnings of the contingency-table functions (crossTab, chiSquareTest, fisherExactTest, …). */
export const ctMsg = defineMessages('stats.table', {
  smallExpected: t(
    (p: { below: number; cells: number; min: number }, f) =>
      `${f.num(p.below)} of ${f.num(p.cells)} cells (${f.pct(p.below / p.cells)}) have expected counts below 5; the minimum expected count is ${f.num(p.min, 2)}. ` +
      'The chi-square approximation may be inaccurate: consider the Monte-Carlo or exact p-value.',
    (p, f) =>
      `${f.num(p.below)} cases sur ${f.num(p.cells)} (${f.pct(p.below / p.cells)}) ont un effectif attendu inférieur à 5 ; le plus petit effectif attendu est ${f.num(p.min, 2)}. ` +
      "L'approximation du khi-deux peut être imprécise : préférez la p-valeur de Monte-Carlo ou exacte.",
  ),
  cochranRule: t0(
    () => "Cochran's rule (no expected count below 1 and at most 20% of cells below 5) is not met: prefer the Monte-Carlo or exact p-value.",
    () =>
      "La règle de Cochran (aucun effectif attendu inférieur à 1 et au plus 20 % des cases sous 5) n'est pas respectée : préférez la p-valeur de Monte-Carlo ou exacte.",
  ),
  emptyRemoved: t(
    (p: { what: 'row' | 'column'; labels: readonly string[]; numbered: boolean }, f) => {
      const names = p.labels.map((l) => (p.numbered ? `${p.what} ${l}` : f.q(l)));
      return p.labels.length === 1
        ? `Empty ${p.numbered ? '' : `${p.what} `}${names[0]} (no observations) was removed before the test.`
        : `Empty ${p.numbered ? '' : `${p.what}s `}${f.list(names)} (no observations) were removed before the test.`;
    },
    (p, f) => {
      const word = p.what === 'row' ? 'ligne' : 'colonne';
      const names = p.labels.map((l) => (p.numbered ? `${word} ${l}` : f.q(l)));
      return p.labels.length === 1
        ? `${p.numbered ? `${names[0]} vide` : `La ${word} vide ${names[0]}`} (aucune observation) a été retirée avant le test.`
        : `${p.numbered ? `${f.list(names)} vides` : `Les ${word}s vides ${f.list(names)}`} (aucune observation) ont été retirées avant le test.`;
    },
  ),
  yatesApplied: t0(
    () =>
      "Yates' continuity correction was applied to the 2×2 statistic and p-value; Cramér's V, phi and the residuals use the uncorrected statistic.",
    () =>
      'La correction de continuité de Yates a été appliquée à la statistique et à la p-valeur du tableau 2×2 ; le V de Cramér, le phi et les résidus utilisent la statistique non corrigée.',
  ),
  nonInteger: t0(
    () =>
      'The table holds non-integer counts (weighted data?): a plain Pearson chi-square assumes counts of independent respondents; for weighted data use raoScottChiSquare.',
    () =>
      'Le tableau contient des effectifs non entiers (données pondérées ?) : le khi-deux de Pearson suppose des effectifs de répondants indépendants ; pour des données pondérées, utilisez raoScottChiSquare.',
  ),
  missingExcluded: t(
    (p: { n: number; rows: number; cols: number; weights: number }, f) =>
      `${f.num(p.n)} respondent(s) excluded for a missing value (row variable: ${f.num(p.rows)}, column variable: ${f.num(p.cols)}, weight: ${f.num(p.weights)}).`,
    (p, f) =>
      `${f.num(p.n)} répondant(s) exclu(s) pour une valeur manquante (variable en ligne : ${f.num(p.rows)}, variable en colonne : ${f.num(p.cols)}, poids : ${f.num(p.weights)}).`,
  ),
  monteCarloNotRun: t0(
    () => 'Monte-Carlo p-value needs integer counts: not computed.',
    () => "La p-valeur de Monte-Carlo demande des effectifs entiers : elle n'a pas été calculée.",
  ),
  fisherFallback: t(
    (p: { reason: 'work' | 'memory'; limit: number; se: number }, f) =>
      `The exact Fisher p-value was not reached within its ${p.reason === 'work' ? `work budget (${p.limit.toExponential(0)} steps)` : `memory budget (${f.num(p.limit / 2 ** 20, 0)} MiB)`}: ` +
      `the p-value is a Monte-Carlo estimate (standard error ${p.se.toPrecision(2)}).`,
    (p, f) =>
      `La p-valeur exacte de Fisher n'a pas été atteinte dans son ${p.reason === 'work' ? `budget de calcul (${p.limit.toExponential(0)} étapes)` : `budget mémoire (${f.num(p.limit / 2 ** 20, 0)} Mio)`} : ` +
      `la p-valeur est une estimation de Monte-Carlo (erreur type ${f.num(p.se, 6)}).`,
  ),
  monteCarloNoneAsExtreme: t(
    (p: { b: number; bound: number }, f) =>
      `None of the ${f.num(p.b)} simulated tables was as extreme as the observed one: the Monte-Carlo p-value ${p.bound.toPrecision(3)} = 1/(B + 1) is an upper bound, not an estimate (the exact p is smaller).`,
    (p, f) =>
      `Aucun des ${f.num(p.b)} tableaux simulés n'est aussi extrême que le tableau observé : la p-valeur de Monte-Carlo ${p.bound.toPrecision(3).replace('.', ',')} = 1/(B + 1) est un majorant, pas une estimation (la p exacte est plus petite).`,
  ),
  fewReplicates: t(
    (p: { b: number }, f) => `Only ${f.num(p.b)} Monte-Carlo replicates: the p-value is imprecise (its standard error is given).`,
    (p, f) => `Seulement ${f.num(p.b)} tirages de Monte-Carlo : la p-valeur est imprécise (son erreur type est donnée).`,
  ),
  propExtreme: t(
    (p: { cells: readonly string[] }) =>
      `Cells whose column proportion is 0 or 1 are not used in their row's comparisons (as SPSS): ${p.cells.join('; ')}.`,
    (p) =>
      `Les cases dont la proportion en colonne vaut 0 ou 1 ne sont pas comparées dans leur ligne (comme SPSS) : ${p.cells.join(' ; ')}.`,
  ),
  emptyColumnNotTested: t(
    (p: { cols: readonly string[] }, f) => `Empty column(s) not compared: ${f.list(p.cols.map((c) => f.q(c)))}.`,
    (p, f) => `Colonne(s) vide(s) non comparée(s) : ${f.list(p.cols.map((c) => f.q(c)))}.`,
  ),
  zeroWeights: t(
    (p: { n: number }, f) => `${f.num(p.n)} respondent(s) have a weight of 0: they count in n but not in the weighted table.`,
    (p, f) => `${f.num(p.n)} répondant(s) ont un poids nul : ils comptent dans n mais pas dans le tableau pondéré.`,
  ),
  designEffectSingular: t0(
    () => 'The Rao–Scott design-effect matrix is singular (sparse table): the corrected statistic is not available.',
    () => "La matrice des effets de plan de Rao–Scott est singulière (tableau creux) : la statistique corrigée n'est pas disponible.",
  ),
  lowEffectiveN: t(
    (p: { neff: number; n: number }, f) =>
      `Kish effective sample size is ${f.num(p.neff, 1)} for ${f.num(p.n)} respondents: weighting costs ${f.pct(1 - p.neff / p.n, 0)} of the precision.`,
    (p, f) =>
      `La taille d'échantillon effective de Kish est ${f.num(p.neff, 1)} pour ${f.num(p.n)} répondants : la pondération coûte ${f.pct(1 - p.neff / p.n, 0)} de la précision.`,
  ),
  williamsApplied: t(
    (p: { q: number }, f) => `Williams' correction applied to G (divided by q = ${f.num(p.q, 4)}).`,
    (p, f) => `Correction de Williams appliquée au G (divisé par q = ${f.num(p.q, 4)}).`,
  ),
  weightedColumnProportions: t0(
    () => 'Weighted column proportions: each column is tested on its Kish effective base (Σw)²/Σw², as SPSS Custom Tables does.',
    () => 'Proportions en colonne pondérées : chaque colonne est testée sur sa base effective de Kish (Σw)²/Σw², comme les tableaux personnalisés de SPSS.',
  ),
});

/** Errors of the contingency-table functions that reach users (bad tables, not programming slips). */
export const ctErr = defineMessages('stats.table.error', {
  tooFewCategories: t(
    (p: { fn: string; r: number; c: number }) =>
      `${p.fn}: after removing empty rows and columns the table is ${p.r} × ${p.c}; a test of independence needs at least 2 × 2`,
    (p) =>
      `${p.fn} : une fois retirées les lignes et colonnes vides, le tableau est ${p.r} × ${p.c} ; un test d'indépendance demande au moins 2 × 2`,
  ),
  fisherTooLarge: t(
    (p: { fn: string; r: number; c: number; n: number }) =>
      `${p.fn}(table): the ${p.r}×${p.c} table with n = ${p.n} is beyond the exact algorithm's budget; allow monteCarloFallback or raise maxWork / maxMemory`,
    (p) =>
      `${p.fn}(table) : le tableau ${p.r}×${p.c} avec n = ${p.n} dépasse le budget de l'algorithme exact ; autorisez monteCarloFallback ou augmentez maxWork / maxMemory`,
  ),
});
