import { defineMessages } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';

/** One message: the English template types the parameters, the French one follows them. */
const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });

/** A message without parameters. */
const t0 = (en: (p: void, f: MessageFormat) => string, fr: (p: void, f: MessageFormat) => string): MessageTemplate<void> => ({ en, fr });

const n = (x: number, one: string, many = `${one}s`): string => `${x} ${x === 1 ? one : many}`;
const qs = (xs: readonly string[], f: MessageFormat): string => xs.map((x) => f.q(x)).join(', ');

/**
 * Every caution the alerts functions put in `result.warnings`, English and French side by side.
 * Codes are `alerts.<key>`; render with `renderMessage(m, lang)` of `@satlab/messages`.
 */
export const msg = defineMessages('alerts', {
  unknownKeys: t(
    (p: { where: string; keys: readonly string[] }) => `${p.where}: unknown key${p.keys.length === 1 ? '' : 's'} ${p.keys.map((k) => `"${k}"`).join(', ')} ignored`,
    (p, f) => `${p.where} : clé${p.keys.length === 1 ? '' : 's'} inconnue${p.keys.length === 1 ? '' : 's'} ${qs(p.keys, f)} ignorée${p.keys.length === 1 ? '' : 's'}`,
  ),
  notEvaluable: t(
    (p: { rule: string; n: number; total: number }) => `rule "${p.rule}": ${n(p.n, 'respondent')} of ${p.total} could not be judged (a value it needs is missing) and were not flagged`,
    (p, f) => `règle ${f.q(p.rule)} : ${f.num(p.n)} répondant(s) sur ${f.num(p.total)} n’ont pas pu être jugés (une valeur nécessaire manque) et n’ont pas été signalés`,
  ),
  npsOutOfRange: t(
    (p: { rule: string; column: string; n: number }) => `rule "${p.rule}": ${n(p.n, 'value')} of "${p.column}" not an integer 0-10 (e.g. an undeclared missing code such as 99) treated as missing`,
    (p, f) => `règle ${f.q(p.rule)} : ${f.num(p.n)} valeur(s) de ${f.q(p.column)} qui ne sont pas des entiers de 0 à 10 (p. ex. un code de non-réponse non déclaré comme 99) traitées comme manquantes`,
  ),
  missingIds: t(
    (p: { n: number; column: string }) => `${n(p.n, 'flagged respondent')} without a customer id in "${p.column}": listed in the detection but left out of the callback queue`,
    (p, f) => `${f.num(p.n)} répondant(s) signalé(s) sans identifiant client dans ${f.q(p.column)} : listés dans la détection mais hors de la file des rappels`,
  ),
  duplicateIds: t(
    (p: { n: number }) => `${n(p.n, 'customer')} answered more than once and ${p.n === 1 ? 'was' : 'were'} flagged on several rows: their reasons were merged (severity counts each rule once)`,
    (p, f) => `${f.num(p.n)} client(s) ont répondu plusieurs fois et ont été signalés sur plusieurs lignes : leurs motifs ont été fusionnés (la gravité compte chaque règle une fois)`,
  ),
  unknownValue: t(
    (p: { n: number; total: number; source: string; examples: readonly string[] }) =>
      `${n(p.n, 'queued customer')} of ${p.total} ${p.n === 1 ? 'is' : 'are'} absent from ${p.source}: value "unknown", ranked as the least valuable (e.g. ${p.examples.join(', ')})`,
    (p, f) => `${f.num(p.n)} client(s) de la file sur ${f.num(p.total)} absent(s) de ${p.source} : valeur « inconnue », classés comme les moins précieux (p. ex. ${p.examples.join(', ')})`,
  ),
  noValues: t0(
    () => 'no customer values given: the priority follows the severity only (then the id)',
    () => 'aucune valeur client fournie : la priorité suit la gravité seule (puis l’identifiant)',
  ),
  valueMissing: t(
    (p: { n: number; column: string }) => `${n(p.n, 'customer')} of the value file without a valid "${p.column}": value unknown`,
    (p, f) => `${f.num(p.n)} client(s) du fichier de valeurs sans ${f.q(p.column)} valide : valeur inconnue`,
  ),
  valueDuplicate: t(
    (p: { n: number }) => `${n(p.n, 'customer id')} repeated in the value file: the first row of each was kept`,
    (p, f) => `${f.num(p.n)} identifiant(s) client répété(s) dans le fichier de valeurs : la première ligne de chacun a été gardée`,
  ),
  segmentNotRanked: t(
    (p: { names: readonly string[] }) => `segment${p.names.length === 1 ? '' : 's'} ${p.names.map((s) => `"${s}"`).join(', ')} not in the segment order: ranked below every known segment`,
    (p, f) => `segment(s) ${qs(p.names, f)} absent(s) de l’ordre des segments : classé(s) sous tous les segments connus`,
  ),
  simulated: t0(
    () => 'SIMULATED outcomes (simulateOutcomes): no customer was called; the figures illustrate the method, they measure nothing',
    () => 'résultats SIMULÉS (simulateOutcomes) : aucun client n’a été appelé ; les chiffres illustrent la méthode, ils ne mesurent rien',
  ),
  outcomePending: t(
    (p: { n: number }) => `${n(p.n, 'customer')} without a known outcome (empty treated or outcome cell) set aside`,
    (p, f) => `${f.num(p.n)} client(s) sans résultat connu (cellule treated ou outcome vide) mis de côté`,
  ),
  outcomeDuplicate: t(
    (p: { n: number }) => `${n(p.n, 'customer id')} repeated in the outcome file: the first row of each was kept`,
    (p, f) => `${f.num(p.n)} identifiant(s) client répété(s) dans le fichier de résultats : la première ligne de chacun a été gardée`,
  ),
  emptyGroup: t(
    (p: { group: 'treated' | 'untreated' }) => `no ${p.group} customer with a known outcome: retention of that group and the uplift are undefined`,
    (p) => `aucun client ${p.group === 'treated' ? 'traité' : 'non traité'} avec un résultat connu : la rétention de ce groupe et le gain ne sont pas définis`,
  ),
  smallCounts: t(
    (p: { minExpected: number }) => `smallest expected count ${p.minExpected.toFixed(2)} < 5: the z test is approximate, Fisher's exact test is the one to read`,
    (p, f) => `plus petit effectif attendu ${f.num(p.minExpected, 2)} < 5 : le test z est approché, c’est le test exact de Fisher qu’il faut lire`,
  ),
  negativeUplift: t(
    (p: { uplift: number }) => `measured uplift ${p.uplift.toFixed(4)} ≤ 0: the treated customers were not kept more often than the untreated; the ROI chain uses a retention gain of 0`,
    (p, f) => `gain mesuré ${f.num(p.uplift, 4)} ≤ 0 : les clients traités n’ont pas été conservés plus souvent que les autres ; la chaîne du ROI prend un gain de rétention nul`,
  ),
  upliftNotSignificant: t(
    (p: { p: number }) => `the difference in retention is not statistically significant (p = ${p.p.toPrecision(3)}): the measured ROI may be luck; see the ROI at the interval bounds`,
    (p, f) => `l’écart de rétention n’est pas statistiquement significatif (p = ${f.p(p.p)}) : le ROI mesuré peut tenir du hasard ; voir le ROI aux bornes de l’intervalle`,
  ),
  selectionBias: t0(
    () => 'treated customers were not chosen at random: the uplift compares groups that may differ before treatment (e.g. by value or severity); randomize who is called to measure the real effect',
    () => 'les clients traités n’ont pas été tirés au hasard : le gain compare des groupes qui peuvent différer avant traitement (valeur, gravité) ; tirez au sort qui appeler pour mesurer l’effet réel',
  ),
});
