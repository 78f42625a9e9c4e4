import { defineMessages, renderMessage } from '@satlab/messages';
import type { Message, MessageFormat, MessageTemplate } from '@satlab/messages';

/** One message: the English template types the parameters, the French one follows them. */
const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });

/** A message without parameters. */
const t0 = (en: (p: void, f: MessageFormat) => string, fr: (p: void, f: MessageFormat) => string): MessageTemplate<void> => ({ en, fr });

const n = (x: number, one: string, many = `${one}s`): string => `${x} ${x === 1 ? one : many}`;
const qs = (xs: readonly string[], f: MessageFormat): string => xs.map((x) => f.q(x)).join(', ');

/** Where in a rules file an error is: the file itself, a named lexicon, or the k-th rule (with its id once known). */
export type RulesWhere = { kind: 'file' } | { kind: 'lexicon'; name: string } | { kind: 'rule'; index: number; id?: string };

const whereText = (w: RulesWhere, f: MessageFormat): string => {
  const fr = f.lang === 'fr';
  if (w.kind === 'file') return fr ? 'fichier de règles' : 'rules file';
  if (w.kind === 'lexicon') return fr ? `lexique ${f.q(w.name)}` : `lexicon "${w.name}"`;
  return w.id === undefined ? `rules[${w.index}]` : fr ? `règle ${f.q(w.id)} (rules[${w.index}])` : `rule "${w.id}" (rules[${w.index}])`;
};
/** `where: ` / `where : ` before a rules-file error. */
const at = (p: { at: RulesWhere }, f: MessageFormat): string => `${whereText(p.at, f)}${f.lang === 'fr' ? ' : ' : ': '}`;
const json = (x: unknown): string => (x === undefined ? 'nothing' : JSON.stringify(x));
const jsonFr = (x: unknown): string => (x === undefined ? 'rien' : JSON.stringify(x));
const cols = (xs: readonly string[], f: MessageFormat): string => xs.map((x) => (f.lang === 'fr' ? f.q(x) : `"${x}"`)).join(', ');
const or = (xs: readonly string[], f: MessageFormat): string => xs.map((x) => (f.lang === 'fr' ? f.q(x) : `"${x}"`)).join(f.lang === 'fr' ? ' ou ' : ' or ');

/**
 * Every caution the alerts functions put in `result.warnings`, English and French side by side.
 * Codes are `alerts.<key>`; render with `renderMessage(m, lang)` of `@satlab/messages`.
 */
export const msg = defineMessages('alerts', {
  unknownKeys: t(
    (p: { where: string; at?: RulesWhere; keys: readonly string[] }, f) => `${p.where}${p.at ? `: ${whereText(p.at, f)}` : ''}: unknown key${p.keys.length === 1 ? '' : 's'} ${p.keys.map((k) => `"${k}"`).join(', ')} ignored`,
    (p, f) => `${p.where}${p.at ? ` : ${whereText(p.at, f)}` : ''} : clé${p.keys.length === 1 ? '' : 's'} inconnue${p.keys.length === 1 ? '' : 's'} ${qs(p.keys, f)} ignorée${p.keys.length === 1 ? '' : 's'}`,
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

/**
 * Every input error of the alerts functions (rules files, survey columns, value and outcome
 * files), English and French side by side: thrown as `InputError` (file, line) with code
 * `alerts.<key>`; `err.render('fr')` gives the French text.
 */
export const errors = defineMessages('alerts', {
  // Rules file: parsing.
  notYaml: t((p: { detail: string }) => `not valid YAML/JSON: ${p.detail}`, (p) => `YAML/JSON invalide : ${p.detail}`),
  rulesNotMapping: t((p: { at: RulesWhere }, f) => `${at(p, f)}must be a mapping with a "rules" list`, (p, f) => `${at(p, f)}doit être un dictionnaire avec une liste « rules »`),
  lexiconsNotMapping: t((p: { at: RulesWhere }, f) => `${at(p, f)}"lexicons" must map names to { fr: [...], en: [...] }`, (p, f) => `${at(p, f)}« lexicons » doit associer des noms à { fr: [...], en: [...] }`),
  reservedLexicon: t((p: { at: RulesWhere; name: string }, f) => `${at(p, f)}lexicon name "${p.name}" is reserved (fr, en, both are the default lexicon)`, (p, f) => `${at(p, f)}le nom de lexique ${f.q(p.name)} est réservé (fr, en, both désignent le lexique par défaut)`),
  noRules: t((p: { at: RulesWhere }, f) => `${at(p, f)}"rules" must be a non-empty list of rules`, (p, f) => `${at(p, f)}« rules » doit être une liste de règles non vide`),
  ruleNotMapping: t((p: { at: RulesWhere; got: unknown }, f) => `${at(p, f)}a rule must be a mapping with an id and a test, got ${json(p.got)}`, (p, f) => `${at(p, f)}une règle doit être un dictionnaire avec un id et un test, reçu ${jsonFr(p.got)}`),
  badId: t((p: { at: RulesWhere; got: unknown }, f) => `${at(p, f)}"id" must be a name of letters, digits, - or _, got ${json(p.got)}`, (p, f) => `${at(p, f)}« id » doit être un nom fait de lettres, chiffres, - ou _, reçu ${jsonFr(p.got)}`),
  duplicateId: t((p: { at: RulesWhere; id: string }, f) => `${at(p, f)}id "${p.id}" is used twice`, (p, f) => `${at(p, f)}l’id ${f.q(p.id)} est utilisé deux fois`),
  badWeight: t((p: { at: RulesWhere; got: unknown }, f) => `${at(p, f)}"weight" must be a number > 0, got ${json(p.got)}`, (p, f) => `${at(p, f)}« weight » doit être un nombre > 0, reçu ${jsonFr(p.got)}`),
  badReason: t((p: { at: RulesWhere; got: unknown }, f) => `${at(p, f)}"reason" must be a text or { fr: "…", en: "…" }, got ${json(p.got)}`, (p, f) => `${at(p, f)}« reason » doit être un texte ou { fr: "…", en: "…" }, reçu ${jsonFr(p.got)}`),
  numberOrText: t((p: { at: RulesWhere; key: string; got: unknown }, f) => `${at(p, f)}"${p.key}" must be a number or a text, got ${json(p.got)}`, (p, f) => `${at(p, f)}${f.q(p.key)} doit être un nombre ou un texte, reçu ${jsonFr(p.got)}`),
  notColumnName: t((p: { at: RulesWhere; key: string; got: unknown }, f) => `${at(p, f)}"${p.key}" must name a column, got ${json(p.got)}`, (p, f) => `${at(p, f)}${f.q(p.key)} doit nommer une colonne, reçu ${jsonFr(p.got)}`),
  conditionNotMapping: t((p: { at: RulesWhere; path: string; got: unknown }, f) => `${at(p, f)}${p.path || 'the rule'} must be a mapping (column/op/value, nps, all, any or verbatim), got ${json(p.got)}`, (p, f) => `${at(p, f)}${p.path || 'la règle'} doit être un dictionnaire (column/op/value, nps, all, any ou verbatim), reçu ${jsonFr(p.got)}`),
  conditionKind: t(
    (p: { at: RulesWhere; path: string; kinds: readonly string[] }, f) => `${at(p, f)}${p.kinds.length === 0 ? `${p.path || 'the rule'} needs one of "column", "nps", "all", "any" or "verbatim"` : `${p.path || 'the rule'} has ${p.kinds.map((k) => `"${k}"`).join(' and ')}: give only one`}`,
    (p, f) => `${at(p, f)}${p.kinds.length === 0 ? `${p.path || 'la règle'} demande l’une des clés « column », « nps », « all », « any » ou « verbatim »` : `${p.path || 'la règle'} a ${p.kinds.map((k) => f.q(k)).join(' et ')} : n’en donnez qu’une`}`,
  ),
  emptyConditions: t((p: { at: RulesWhere; kind: string }, f) => `${at(p, f)}"${p.kind}" must be a non-empty list of conditions`, (p, f) => `${at(p, f)}${f.q(p.kind)} doit être une liste de conditions non vide`),
  badNpsMax: t((p: { at: RulesWhere; got: unknown }, f) => `${at(p, f)}"max" (highest detractor answer) must be an integer from 0 to 9, got ${json(p.got)}`, (p, f) => `${at(p, f)}« max » (plus haute note de détracteur) doit être un entier de 0 à 9, reçu ${jsonFr(p.got)}`),
  badNegation: t((p: { at: RulesWhere; got: unknown }, f) => `${at(p, f)}"negation" must be true or false, got ${json(p.got)}`, (p, f) => `${at(p, f)}« negation » doit valoir true ou false, reçu ${jsonFr(p.got)}`),
  columnTests: t(
    (p: { at: RulesWhere; column: string; got: readonly string[] }, f) => `${at(p, f)}column "${p.column}" needs one test: op + value, eq, ne, in or notIn${p.got.length > 1 ? ` (got ${p.got.join(', ')})` : ''}`,
    (p, f) => `${at(p, f)}la colonne ${f.q(p.column)} demande un test et un seul : op + value, eq, ne, in ou notIn${p.got.length > 1 ? ` (reçu ${p.got.join(', ')})` : ''}`,
  ),
  emptyValues: t((p: { at: RulesWhere; form: string }, f) => `${at(p, f)}"${p.form}" must be a non-empty list of values`, (p, f) => `${at(p, f)}${f.q(p.form)} doit être une liste de valeurs non vide`),
  badOp: t((p: { at: RulesWhere; ops: readonly string[]; got: unknown }, f) => `${at(p, f)}op must be one of ${p.ops.map((o) => `"${o}"`).join(', ')}, got ${json(p.got)}`, (p, f) => `${at(p, f)}op doit valoir ${p.ops.map((o) => f.q(o)).join(', ')}, reçu ${jsonFr(p.got)}`),
  opNeedsValue: t((p: { at: RulesWhere; op: string }, f) => `${at(p, f)}op "${p.op}" needs a "value"`, (p, f) => `${at(p, f)}op ${f.q(p.op)} demande une « value »`),
  opTextValue: t((p: { at: RulesWhere; op: string; value: string }, f) => `${at(p, f)}op "${p.op}" compares numbers, but value is the text "${p.value}"`, (p, f) => `${at(p, f)}op ${f.q(p.op)} compare des nombres, mais value est le texte ${f.q(p.value)}`),
  unknownLexicon: t(
    (p: { at: RulesWhere; name: string; defined: readonly string[] }, f) => `${at(p, f)}lexicon "${p.name}" is neither fr, en, both nor a lexicon defined under "lexicons" (${p.defined.length ? cols(p.defined, f) : 'none defined'})`,
    (p, f) => `${at(p, f)}le lexique ${f.q(p.name)} n’est ni fr, ni en, ni both, ni un lexique défini sous « lexicons » (${p.defined.length ? cols(p.defined, f) : 'aucun défini'})`,
  ),
  badLexicon: t((p: { at: RulesWhere; what: string; got: unknown }, f) => `${at(p, f)}${p.what} must be fr, en, both, a lexicon name or { fr: [...], en: [...], words: [...], extend: fr|en|both }, got ${json(p.got)}`, (p, f) => `${at(p, f)}${p.what} doit être fr, en, both, un nom de lexique ou { fr: [...], en: [...], words: [...], extend: fr|en|both }, reçu ${jsonFr(p.got)}`),
  lexiconKeys: t(
    (p: { at: RulesWhere; what: string; keys: readonly string[] }, f) => `${at(p, f)}${p.what}: unknown key${p.keys.length === 1 ? '' : 's'} ${p.keys.map((k) => `"${k}"`).join(', ')} (allowed: fr, en, words, extend)`,
    (p, f) => `${at(p, f)}${p.what} : clé${p.keys.length === 1 ? '' : 's'} inconnue${p.keys.length === 1 ? '' : 's'} ${qs(p.keys, f)} (permises : fr, en, words, extend)`,
  ),
  lexiconNotList: t((p: { at: RulesWhere; what: string }, f) => `${at(p, f)}${p.what} must be a list of words or phrases`, (p, f) => `${at(p, f)}${p.what} doit être une liste de mots ou d’expressions`),
  lexiconEntry: t((p: { at: RulesWhere; what: string; entry: Message }, f) => `${at(p, f)}${p.what}: ${renderMessage(p.entry, f.lang)}`, (p, f) => `${at(p, f)}${p.what} : ${renderMessage(p.entry, f.lang)}`),
  badExtend: t((p: { at: RulesWhere; what: string; got: unknown }, f) => `${at(p, f)}${p.what}.extend must be fr, en, both or false, got ${json(p.got)}`, (p, f) => `${at(p, f)}${p.what}.extend doit valoir fr, en, both ou false, reçu ${jsonFr(p.got)}`),
  emptyLexicon: t((p: { at: RulesWhere; what: string }, f) => `${at(p, f)}${p.what} has no entry`, (p, f) => `${at(p, f)}${p.what} n’a aucune entrée`),
  // Lexicon entries.
  entryNotString: t((p: { got: unknown }) => `an entry must be a string, got ${json(p.got)}`, (p) => `une entrée doit être un texte, reçu ${jsonFr(p.got)}`),
  entryStar: t((p: { entry: string }) => `"${p.entry}": "*" may only end a word`, (p, f) => `${f.q(p.entry)} : « * » ne peut que terminer un mot`),
  entryNoLetter: t((p: { entry: string; word: string }) => `"${p.entry}": "${p.word}" has no letter or digit`, (p, f) => `${f.q(p.entry)} : ${f.q(p.word)} n’a ni lettre ni chiffre`),
  entryShortStem: t((p: { entry: string }) => `"${p.entry}": a stem needs at least 3 letters before "*"`, (p, f) => `${f.q(p.entry)} : une racine demande au moins 3 lettres avant « * »`),
  entryEmpty: t0(() => 'an entry is empty', () => 'une entrée est vide'),
  // Rules against the survey.
  ruleNoColumn: t(
    (p: { rule: string; column: string; columns: readonly string[] }, f) => `rule "${p.rule}": no column "${p.column}" in the survey (the columns are: ${cols(p.columns, f)})`,
    (p, f) => `règle ${f.q(p.rule)} : pas de colonne ${f.q(p.column)} dans l’enquête (les colonnes sont : ${cols(p.columns, f)})`,
  ),
  ruleNpsType: t((p: { rule: string; column: string; type: string }) => `rule "${p.rule}": column "${p.column}" is ${p.type}: an NPS rule needs 0–10 numbers`, (p, f) => `règle ${f.q(p.rule)} : la colonne ${f.q(p.column)} est de type ${p.type} : une règle NPS demande des nombres de 0 à 10`),
  ruleVerbatimType: t((p: { rule: string; column: string; type: string }) => `rule "${p.rule}": column "${p.column}" is ${p.type}: a verbatim rule needs a text column`, (p, f) => `règle ${f.q(p.rule)} : la colonne ${f.q(p.column)} est de type ${p.type} : une règle de verbatim demande une colonne de texte`),
  ruleOrderType: t((p: { rule: string; column: string; type: string; op: string }) => `rule "${p.rule}": column "${p.column}" is ${p.type}: "${p.op}" needs numbers (use eq, ne, in)`, (p, f) => `règle ${f.q(p.rule)} : la colonne ${f.q(p.column)} est de type ${p.type} : ${f.q(p.op)} demande des nombres (utilisez eq, ne, in)`),
  ruleNumbersVsText: t((p: { rule: string; column: string; value: string }) => `rule "${p.rule}": column "${p.column}" holds numbers, but the rule compares it with "${p.value}"`, (p, f) => `règle ${f.q(p.rule)} : la colonne ${f.q(p.column)} contient des nombres, mais la règle la compare à ${f.q(p.value)}`),
  noIdColumn: t(
    (p: { column: string; columns: readonly string[] }, f) => `no customer id column "${p.column}" in the survey (the columns are: ${cols(p.columns, f)}); set "id:" in the rules file or the id option`,
    (p, f) => `pas de colonne d’identifiant client ${f.q(p.column)} dans l’enquête (les colonnes sont : ${cols(p.columns, f)}) ; indiquez « id: » dans le fichier de règles ou l’option id`,
  ),
  // Files.
  rulesNotFound: t0(() => 'rules file not found', () => 'fichier de règles introuvable'),
  fileNotFound: t0(() => 'file not found', () => 'fichier introuvable'),
  cannotRead: t((p: { rules: boolean; reason: string }) => `cannot read the ${p.rules ? 'rules ' : ''}file (${p.reason})`, (p) => `impossible de lire le fichier${p.rules ? ' de règles' : ''} (${p.reason})`),
  noNamedColumn: t(
    (p: { what: 'customer id' | 'value'; column: string; columns: readonly string[] }, f) => `no ${p.what} column "${p.column}" (the columns are: ${cols(p.columns, f)})`,
    (p, f) => `pas de colonne ${p.what === 'value' ? 'de valeur' : 'd’identifiant client'} ${f.q(p.column)} (les colonnes sont : ${cols(p.columns, f)})`,
  ),
  noDefaultColumn: t(
    (p: { what: 'customer id' | 'value'; expected: readonly string[]; columns: readonly string[] }, f) => `no ${p.what} column: expected ${or(p.expected, f)} (the columns are: ${cols(p.columns, f)})`,
    (p, f) => `pas de colonne ${p.what === 'value' ? 'de valeur' : 'd’identifiant client'} : attendu ${or(p.expected, f)} (les colonnes sont : ${cols(p.columns, f)})`,
  ),
  noOutcomeColumn: t(
    (p: { names: readonly string[]; columns: readonly string[] }, f) => `no column ${or(p.names, f)} (the columns are: ${cols(p.columns, f)})`,
    (p, f) => `pas de colonne ${or(p.names, f)} (les colonnes sont : ${cols(p.columns, f)})`,
  ),
  badOutcomeValue: t(
    (p: { value: string; what: 'treated' | 'outcome'; allowed: string }) => `"${p.value}" is not a valid ${p.what} value (accepted: ${p.allowed})`,
    (p, f) => `${f.q(p.value)} n’est pas une valeur valide de ${p.what} (acceptées : ${p.allowed})`,
  ),
});
