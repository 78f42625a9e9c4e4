import { defineMessages } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';

/**
 * Every warning (statistical caution) that @satlab/drivers puts into `result.warnings`, in one
 * place, English and French side by side. Codes are `drivers.<key>`; render with
 * `renderMessage(m, lang)` of `@satlab/messages`.
 */

/** One message: the English template types the parameters, the French one follows them. */
const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });
/** A message without parameters. */
const t0 = (en: (p: void, f: MessageFormat) => string, fr: (p: void, f: MessageFormat) => string): MessageTemplate<void> => ({ en, fr });

export const msg = defineMessages('drivers', {
  // --- key-driver analysis ------------------------------------------------------------------
  missingDropped: t(
    (p: { n: number; nTotal: number }, f) =>
      `${f.num(p.n)} of ${f.num(p.nTotal)} respondent(s) dropped (listwise): a value of the outcome, a driver or the weight was missing`,
    (p, f) =>
      `${f.num(p.n)} répondant(s) sur ${f.num(p.nTotal)} écarté(s) (suppression par liste) : une valeur du critère, d'un facteur ou du poids manquait`,
  ),
  itemsMissingDropped: t(
    (p: { n: number; nTotal: number }, f) => `${f.num(p.n)} of ${f.num(p.nTotal)} respondent(s) dropped (listwise): an item was missing`,
    (p, f) => `${f.num(p.n)} répondant(s) sur ${f.num(p.nTotal)} écarté(s) (suppression par liste) : un item manquait`,
  ),
  zeroWeightDropped: t(
    (p: { n: number }, f) => `${f.num(p.n)} respondent(s) with weight 0 left out`,
    (p, f) => `${f.num(p.n)} répondant(s) de poids nul laissé(s) de côté`,
  ),
  fewRespondents: t(
    (p: { n: number; p: number }, f) =>
      `only ${f.num(p.n)} respondents for ${f.num(p.p)} drivers (fewer than 10 per driver): importance estimates are unstable`,
    (p, f) =>
      `seulement ${f.num(p.n)} répondants pour ${f.num(p.p)} facteurs (moins de 10 par facteur) : les importances estimées sont instables`,
  ),
  nearZeroVariance: t(
    (p: { names: readonly string[] }, f) =>
      `near-zero variance (one answer given by 95 % or more of respondents): ${f.list(p.names)}; their importance is poorly estimated`,
    (p, f) =>
      `variance quasi nulle (une même réponse donnée par 95 % des répondants ou plus) : ${f.list(p.names)} ; leur importance est mal estimée`,
  ),
  highVif: t(
    (p: { names: readonly string[] }, f) =>
      `strong collinearity (VIF above 10): ${f.list(p.names)}; betas are unstable, Shapley and relative weights share the overlap`,
    (p, f) =>
      `forte colinéarité (VIF supérieur à 10) : ${f.list(p.names)} ; les bêtas sont instables, Shapley et les poids relatifs se partagent le recouvrement`,
  ),
  shapleyTooMany: t(
    (p: { p: number; max: number }, f) =>
      `${f.num(p.p)} drivers: exact Shapley over 2^${p.p} subsets skipped (limit ${f.num(p.max)}); Johnson's relative weights are used for the ranking`,
    (p, f) =>
      `${f.num(p.p)} facteurs : Shapley exact sur 2^${p.p} sous-ensembles non calculé (limite ${f.num(p.max)}) ; le classement utilise les poids relatifs de Johnson`,
  ),
  zeroR2: t0(
    () => 'R² is 0: importance shares are undefined (NaN)',
    () => 'R² nul : les parts d\'importance ne sont pas définies (NaN)',
  ),
  bootstrapFailed: t(
    (p: { failed: number; total: number }, f) => `${f.num(p.failed)} of ${f.num(p.total)} bootstrap replicate(s) had collinear drivers and were skipped`,
    (p, f) => `${f.num(p.failed)} tirage(s) bootstrap sur ${f.num(p.total)} avaient des facteurs colinéaires et ont été ignorés`,
  ),
  negativeBeta: t(
    (p: { names: readonly string[] }, f) => `negative coefficient in the full model (a sign of collinearity, not of a harmful attribute; the size of the share is still its part of R², and the result's signed share carries the minus sign): ${f.list(p.names)}`,
    (p, f) => `coefficient négatif dans le modèle complet (signe de colinéarité, non d’un attribut nuisible ; la part reste sa contribution au R², le signe moins n’est porté que par la part signée du résultat) : ${f.list(p.names)}`,
  ),
  // --- factor analysis ----------------------------------------------------------------------
  efaFewRespondents: t(
    (p: { n: number; p: number }, f) => `only ${f.num(p.n)} respondents for ${f.num(p.p)} items (fewer than 5 per item): factor solutions are unstable`,
    (p, f) => `seulement ${f.num(p.n)} répondants pour ${f.num(p.p)} items (moins de 5 par item) : les solutions factorielles sont instables`,
  ),
  lowKmo: t(
    (p: { kmo: number }, f) => `KMO = ${f.num(p.kmo, 3)} (below 0.5, "unacceptable" in Kaiser's terms): the items share little common variance`,
    (p, f) => `KMO = ${f.num(p.kmo, 3)} (sous 0,5, « inacceptable » selon Kaiser) : les items partagent peu de variance commune`,
  ),
  lowItemMsa: t(
    (p: { names: readonly string[] }, f) => `item MSA below 0.5: ${f.list(p.names)} (consider dropping)`,
    (p, f) => `MSA d'item inférieure à 0,5 : ${f.list(p.names)} (à envisager de retirer)`,
  ),
  bartlettNotSignificant: t(
    (p: { p: number }, f) => `Bartlett's test is not significant (p = ${f.p(p.p)}): the correlation matrix may be an identity`,
    (p, f) => `Le test de Bartlett n'est pas significatif (p = ${f.p(p.p)}) : la matrice des corrélations est peut-être l'identité`,
  ),
  heywood: t(
    (p: { names: readonly string[] }, f) =>
      `Heywood case: communality at or above 1 (uniqueness at its 0.005 bound) for ${f.list(p.names)}; interpret with care`,
    (p, f) =>
      `Cas de Heywood : communauté supérieure ou égale à 1 (unicité à sa borne de 0,005) pour ${f.list(p.names)} ; à interpréter avec prudence`,
  ),
  notConverged: t(
    (p: { what: 'pa' | 'minres' | 'rotation'; rotation?: string; iter: number }, f) =>
      `${p.what === 'pa' ? 'principal-axis iteration' : p.what === 'minres' ? 'minres' : `${p.rotation ?? ''} rotation`} did not converge in ${f.num(p.iter)} iterations`,
    (p, f) =>
      `${p.what === 'pa' ? "l'itération des axes principaux" : p.what === 'minres' ? "l'ajustement minres" : `la rotation ${p.rotation ?? ''}`} n'a pas convergé en ${f.num(p.iter)} itérations`,
  ),
  nfactorsFromParallel: t(
    (p: { k: number }, f) => `number of factors not given: ${f.num(p.k)} suggested by parallel analysis (components, 95th percentile)`,
    (p, f) => `nombre de facteurs non donné : ${f.num(p.k)} suggéré(s) par l'analyse parallèle (composantes, 95e centile)`,
  ),
  singularCorrelation: t0(
    () => 'the correlation matrix is singular: KMO uses a generalised inverse, scores are not computed',
    () => 'la matrice des corrélations est singulière : le KMO utilise un inverse généralisé, les scores ne sont pas calculés',
  ),
  // --- alpha ----------------------------------------------------------------------------------
  reverseKeyed: t(
    (p: { names: readonly string[] }, f) =>
      `reverse-keyed item(s) detected (negative loading on the first principal component): ${f.list(p.names)}`,
    (p, f) => `item(s) inversé(s) détecté(s) (saturation négative sur la première composante principale) : ${f.list(p.names)}`,
  ),
  reverseKeyedNotApplied: t(
    (p: { names: readonly string[] }, f) =>
      `item(s) negatively related to the total, probably reverse-keyed: ${f.list(p.names)}; run with checkKeys to reverse them`,
    (p, f) =>
      `item(s) liés négativement au total, probablement inversé(s) : ${f.list(p.names)} ; relancez avec checkKeys pour les inverser`,
  ),
  constantItems: t(
    (p: { names: readonly string[] }, f) => `item(s) with no variance dropped: ${f.list(p.names)}`,
    (p, f) => `item(s) sans variance retiré(s) : ${f.list(p.names)}`,
  ),
  alphaPairwise: t(
    (p: { nIncomplete: number; n: number }, f) =>
      `${f.num(p.nIncomplete)} of ${f.num(p.n)} respondent(s) have a missing item: alpha uses pairwise-complete covariances (as psych::alpha)`,
    (p, f) =>
      `${f.num(p.nIncomplete)} répondant(s) sur ${f.num(p.n)} ont un item manquant : l'alpha utilise les covariances par paires complètes (comme psych::alpha)`,
  ),
});
