import { defineMessages } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';

/** One message: the English template types the parameters, the French one follows them. */
const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });
/** A message without parameters. */
const t0 = (en: (p: void, f: MessageFormat) => string, fr: (p: void, f: MessageFormat) => string): MessageTemplate<void> => ({ en, fr });

/** French names of the words the survey functions pass as parameters (groups, sides, axes). */
const FR_WORDS: Record<string, string> = {
  all: 'ensemble',
  promoters: 'des promoteurs',
  detractors: 'des détracteurs',
  passives: 'des passifs',
  customer: 'client',
  staff: 'personnel',
  satisfaction: 'satisfaction',
  importance: 'importance',
};
const fw = (w: string): string => FR_WORDS[w] ?? w;
/** An exclusion reason key in French (`out of scale 1-5` → `hors échelle 1-5`). */
function frReason(r: string): string {
  if (r === 'not an integer 0-10') return 'pas un entier de 0 à 10';
  if (r.startsWith('out of scale ')) return `hors échelle ${r.slice('out of scale '.length)}`;
  return r;
}

/**
 * Every statistical caution the survey analyses put in `result.warnings`, as structured messages
 * (codes `survey.<key>`), English and French side by side. Render with `renderMessage(m, lang)`.
 */
export const msg = defineMessages('survey', {
  smallSample: t(
    (p: { what: string; n: number; min: number }, f) => `${p.what}: only ${f.num(p.n)} respondent${p.n === 1 ? '' : 's'} (fewer than ${f.num(p.min)}); the normal approximation of the interval is unreliable`,
    (p, f) => `${fw(p.what)} : seulement ${f.num(p.n)} répondant${p.n === 1 ? '' : 's'} (moins de ${f.num(p.min)}) ; l’approximation normale de l’intervalle n’est pas fiable`,
  ),
  noRespondents: t(
    (p: { what: string }) => `${p.what}: no valid respondent; every statistic is NaN`,
    (p) => `${fw(p.what)} : aucun répondant valide ; toutes les statistiques valent NaN`,
  ),
  degenerateNps: t(
    (p: { what: string; share: string }) => `${p.what}: all valid answers are ${p.share}: the multinomial variance is 0 and the interval has no width; it does not mean the score is known exactly`,
    (p) => `${fw(p.what)} : toutes les réponses valides sont celles ${fw(p.share)} : la variance multinomiale est nulle et l’intervalle n’a pas de largeur ; cela ne veut pas dire que le score est connu exactement`,
  ),
  npsClipped: t(
    (p: { what: string; lo: number; hi: number }) => `${p.what}: the normal-approximation interval [${p.lo.toFixed(2)}, ${p.hi.toFixed(2)}] went beyond the NPS range and was clipped to [-100, 100]`,
    (p, f) => `${fw(p.what)} : l’intervalle de l’approximation normale [${f.num(p.lo, 2)} ; ${f.num(p.hi, 2)}] sortait de l’étendue du NPS et a été borné à [−100 ; 100]`,
  ),
  invalidExcluded: t(
    (p: { what: string; axis: string; n: number; reason: string }, f) => `${p.axis ? `"${p.what}" ${p.axis}` : p.what}: ${f.num(p.n)} value${p.n === 1 ? '' : 's'} set aside as ${p.reason} (invalid: "exclude"); check the data or the declared scale`,
    (p, f) => `${p.axis ? `${fw(p.axis)} de ${f.q(p.what)}` : fw(p.what)} : ${f.num(p.n)} valeur${p.n === 1 ? '' : 's'} écartée${p.n === 1 ? '' : 's'} (${frReason(p.reason)}, invalid : "exclude") ; vérifiez les données ou l’échelle déclarée`,
  ),
  ipaTie: t(
    (p: { name: string; axis: string }) => `"${p.name}" lies exactly on the ${p.axis} cutoff; it was classed as high on that axis (rule: at or above the cutoff is high)`,
    (p, f) => `${f.q(p.name)} tombe exactement sur le seuil de ${fw(p.axis)} ; il est classé haut sur cet axe (règle : au seuil ou au-dessus = haut)`,
  ),
  ipaZeroSpread: t(
    (p: { axis: string }) => `every attribute has the same ${p.axis}: the ${p.axis} term of the priority score uses a spread of 1`,
    (p) => `tous les critères ont la même ${fw(p.axis)} : le terme de ${fw(p.axis)} du score de priorité utilise un écart de 1`,
  ),
  ipaMidpointDerived: t0(
    () => 'cutoff "midpoint" applies to the rating scale; derived or supplied importance is not on that scale, so its cutoff is the mean of the importance values',
    () => 'le seuil « midpoint » vaut pour l’échelle de notation ; l’importance déduite ou fournie n’est pas sur cette échelle, son seuil est donc la moyenne des importances',
  ),
  ipaFewAttributes: t(
    (p: { n: number }) => `only ${p.n} attribute${p.n === 1 ? '' : 's'}: quadrants based on the mean or median of so few points say little`,
    (p) => `seulement ${p.n} critère${p.n === 1 ? '' : 's'} : des quadrants fondés sur la moyenne ou la médiane de si peu de points disent peu de chose`,
  ),
  ipaUncertain: t(
    (p: { names: readonly string[] }) => `quadrant uncertain for ${p.names.map((x) => `"${x}"`).join(', ')}: a confidence interval crosses a cutoff`,
    (p, f) => `quadrant incertain pour ${f.list(p.names.map((x) => f.q(x)))} : un intervalle de confiance franchit un seuil`,
  ),
  ipaCutoffFixed: t0(
    () => 'confidence intervals ignore the sampling error of the cutoffs themselves (the mean or median of the attribute means is treated as fixed)',
    () => 'les intervalles de confiance ignorent l’erreur d’échantillonnage des seuils eux-mêmes (la moyenne ou la médiane des moyennes des critères est traitée comme fixe)',
  ),
  zeroCellRiskRatio: t(
    (p: { group: string }) => `${p.group}: a group with no leaver or no respondent makes the Katz log interval undefined (NaN); no continuity correction was applied`,
    (p) => `${fw(p.group)} : un groupe sans départ ou sans répondant rend l’intervalle log de Katz indéfini (NaN) ; aucune correction de continuité n’a été appliquée`,
  ),
  riskRatioNoEvent: t0(
    () => 'a group has no event: the Katz log interval is undefined (no continuity correction applied)',
    () => 'un groupe n’a aucun événement : l’intervalle log de Katz n’est pas défini (aucune correction de continuité appliquée)',
  ),
  noDissatisfied: t(
    (p: { group: string }) => `${p.group}: no dissatisfied respondent, so attrition among the dissatisfied and the risk ratio are undefined`,
    (p) => `${fw(p.group)} : aucun répondant insatisfait, l’attrition des insatisfaits et le risque relatif ne sont donc pas définis`,
  ),
  noSatisfied: t(
    (p: { group: string }) => `${p.group}: no satisfied respondent, so attrition among the satisfied and the risk ratio are undefined`,
    (p) => `${fw(p.group)} : aucun répondant satisfait, l’attrition des satisfaits et le risque relatif ne sont donc pas définis`,
  ),
  ruleOfThumbUndefined: t(
    (p: { group: string }) => `${p.group}: the ratio of attrition to dissatisfaction is undefined (a rate is 0), so the 2x rule cannot be tested`,
    (p) => `${fw(p.group)} : le rapport attrition / insatisfaction n’est pas défini (un taux est nul), la règle « × 2 » ne peut donc pas être testée`,
  ),
  lowExpected: t(
    (p: { group: string; min: number }) => `${p.group}: a 2x2 cell has fewer than ${p.min} respondents; the Katz log interval is approximate`,
    (p) => `${fw(p.group)} : une case du tableau 2×2 a moins de ${p.min} répondants ; l’intervalle log de Katz est approximatif`,
  ),
  ltvRetentionTooHigh: t0(
    () => 'with an infinite horizon the lifetime value is infinite unless retention < 1 + discount rate',
    () => 'sur un horizon infini, la valeur vie client est infinie sauf si rétention < 1 + taux d’actualisation',
  ),
  roiWholeCustomers: t0(
    () => 'counts were rounded down to whole customers before the amounts were computed',
    () => 'les effectifs ont été arrondis à l’entier inférieur (clients entiers) avant le calcul des montants',
  ),
  mirrorSmall: t(
    (p: { name: string; side: string; n: number }) => `"${p.name}": only ${p.n} ${p.side} rating${p.n === 1 ? '' : 's'}; Welch's test needs at least 2 per side`,
    (p, f) => `${f.q(p.name)} : seulement ${p.n} note${p.n === 1 ? '' : 's'} côté ${fw(p.side)} ; le test de Welch en demande au moins 2 par côté`,
  ),
  mirrorZeroVariance: t(
    (p: { name: string }) => `"${p.name}": both sides have zero variance; the t statistic is undefined`,
    (p, f) => `${f.q(p.name)} : variance nulle des deux côtés ; la statistique t n’est pas définie`,
  ),
  mysteryNoApplicable: t(
    (p: { visit: string }) => `visit "${p.visit}": no applicable criterion (all N/A); its score is NaN`,
    (p, f) => `visite ${f.q(p.visit)} : aucun critère applicable (tous N/A) ; son score vaut NaN`,
  ),
  mysteryMissingCriterion: t(
    (p: { visit: string; ids: readonly string[] }) => `visit "${p.visit}": no answer for ${p.ids.map((x) => `"${x}"`).join(', ')}; counted as not applicable`,
    (p, f) => `visite ${f.q(p.visit)} : pas de réponse pour ${f.list(p.ids.map((x) => f.q(x)))} ; compté comme non applicable`,
  ),
  invalidValue: t(
    (p: { value: string; reason: string; index?: number; fn: string; integer: boolean; min: number; max: number }) =>
      `"${p.value}" is ${p.reason}${p.index !== undefined ? ` (value ${p.index})` : ''}; ${p.fn} needs ${p.integer ? 'integers' : 'values'} from ${p.min} to ${p.max}`,
    (p, f) =>
      `${f.q(p.value)} : ${frReason(p.reason)}${p.index !== undefined ? ` (valeur ${p.index})` : ''} ; ${p.fn} attend des ${p.integer ? 'entiers' : 'valeurs'} de ${p.min} à ${p.max}`,
  ),
});
