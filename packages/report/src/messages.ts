/**
 * Every error and warning of @satlab/report, English and French side by side
 * (`report.<key>` codes of @satlab/messages). `M` builds structured messages; `msg` gives the
 * English text that `InputError` carries today (the CLI renders `detail` when it is attached).
 */
import { InputError } from '@satlab/data';
import type { InputLocation } from '@satlab/data';
import type { Message, MessageFormat, MessageTemplate } from '@satlab/messages';
import { defineMessages } from '@satlab/messages';

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
};
const quoted = (xs: readonly string[], max = 12): string => xs.slice(0, max).map((c) => `"${c}"`).join(', ') + (xs.length > max ? ', …' : '');

const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });

const t0 = (en: () => string, fr: () => string): MessageTemplate<void> => ({ en, fr });

export const M = defineMessages('report', {
  // progress steps (onProgress, shown on a terminal by `satlab report`)
  stepReadingData: t0(() => 'reading data', () => 'lecture des données'),
  stepRaking: t0(() => 'raking weights', () => 'calage des poids (raking)'),
  stepMethods: t0(() => 'methods and provenance', () => 'méthodes et provenance'),
  stepIpa: t0(() => 'importance × satisfaction matrix', () => 'matrice importance × satisfaction'),
  stepDrivers: t0(() => 'key drivers (Shapley)', () => 'facteurs clés (Shapley)'),
  stepWaves: t0(() => 'wave comparison', () => 'comparaison des vagues'),
  stepTrends: t0(() => 'trend charts', () => 'graphiques d’évolution'),
  stepCrossTabs: t0(() => 'cross-tabs by segment', () => 'tris croisés par segment'),
  stepNps: t0(() => 'NPS by segment', () => 'NPS par segment'),
  stepAttrition: t0(() => 'attrition vs dissatisfaction', () => 'attrition et insatisfaction'),
  stepVerbatimScores: t0(() => 'verbatims and NPS', () => 'verbatims et NPS'),
  stepVerbatims: t0(() => 'verbatims by theme', () => 'verbatims par thème'),
  stepHtml: t0(() => 'writing index.html', () => 'écriture de index.html'),
  stepPptx: t0(() => 'writing deck.pptx', () => 'écriture de deck.pptx'),
  stepXlsx: t0(() => 'writing tables.xlsx', () => 'écriture de tables.xlsx'),
  stepCsv: t((p: { n: number }) => `writing ${p.n} CSV tables`, (p, f) => `écriture de ${f.num(p.n)} tableaux CSV`),
  configNotFound: t0(() => 'report config not found', () => 'configuration du rapport introuvable'),
  configUnreadable: t((p: { code: string }) => `cannot read the report config (${p.code})`, (p) => `impossible de lire la configuration du rapport (${p.code})`),
  configSyntax: t((p: { detail: string }) => `YAML syntax: ${p.detail}`, (p) => `syntaxe YAML : ${p.detail}`),
  configNotObject: t0(() => 'a report config is a YAML mapping (title, waves, attributes, overall, …)', () => 'une configuration de rapport est un dictionnaire YAML (title, waves, attributes, overall, …)'),
  unknownKey: t((p: { key: string; allowed: readonly string[] }) => `${p.key}: unknown key (allowed: ${p.allowed.join(', ')})`, (p) => `${p.key} : clé inconnue (clés permises : ${p.allowed.join(', ')})`),
  required: t((p: { key: string; what: string }) => `${p.key}: required (${p.what})`, (p) => `${p.key} : obligatoire (${p.what})`),
  expected: t((p: { key: string; what: string; got: string }) => `${p.key}: expected ${p.what}, got ${p.got}`, (p) => `${p.key} : attendu ${p.what}, trouvé ${p.got}`),
  wavesOrData: t0(
    () => 'waves / data: give either `waves` (one file per wave) or `data` (one file with a wave column), not both and not neither',
    () => 'waves / data : donner soit `waves` (un fichier par vague), soit `data` (un fichier avec une colonne de vague), pas les deux ni aucun',
  ),
  duplicateLabel: t((p: { key: string; label: string }) => `${p.key}: the wave label "${p.label}" is used twice`, (p, f) => `${p.key} : le nom de vague ${f.q(p.label)} est utilisé deux fois`),
  badDate: t((p: { key: string; got: string }) => `${p.key}: expected an ISO date YYYY-MM-DD, got ${p.got}`, (p) => `${p.key} : date ISO AAAA-MM-JJ attendue, trouvé ${p.got}`),
  noColumn: t(
    (p: { key: string; column: string; file: string; columns: readonly string[] }) => `${p.key}: no column "${p.column}" in ${p.file} (columns: ${quoted(p.columns)})`,
    (p) => `${p.key} : pas de colonne « ${p.column} » dans ${p.file} (colonnes : ${quoted(p.columns)})`,
  ),
  flagNoYes: t(
    (p: { key: string; column: string; levels: readonly string[] }) => `${p.key}: say which value of "${p.column}" means yes (yes: [...]); its values are ${quoted(p.levels, 50)}`,
    (p) => `${p.key} : indiquer quelle valeur de « ${p.column} » signifie oui (yes: [...]) ; ses valeurs sont ${quoted(p.levels, 50)}`,
  ),
  flagYesUnknown: t(
    (p: { key: string; column: string; value: string; levels: readonly string[] }) => `${p.key}: "${p.value}" is not a value of "${p.column}" (values: ${quoted(p.levels, 50)})`,
    (p) => `${p.key} : « ${p.value} » n’est pas une valeur de « ${p.column} » (valeurs : ${quoted(p.levels, 50)})`,
  ),
  notText: t((p: { key: string; column: string; type: string }) => `${p.key}: "${p.column}" is a ${p.type} column; verbatims need a text column`, (p) => `${p.key} : « ${p.column} » est une colonne de type ${p.type} ; les verbatims demandent une colonne de texte`),
  fileNotFound: t0(() => 'file not found', () => 'fichier introuvable'),
  fileUnreadable: t((p: { code: string }) => `cannot read the file (${p.code})`, (p) => `impossible de lire le fichier (${p.code})`),
  outNotReport: t(
    (p: { dir: string; extra: readonly string[] }) => `the output folder "${p.dir}" exists and holds files that are not a satlab report (${p.extra.slice(0, 5).join(', ')}${p.extra.length > 5 ? ', …' : ''}); choose a new or empty folder`,
    (p) => `le dossier de sortie « ${p.dir} » existe et contient des fichiers qui ne sont pas un rapport satlab (${p.extra.slice(0, 5).join(', ')}${p.extra.length > 5 ? ', …' : ''}) ; choisir un dossier nouveau ou vide`,
  ),
  outIsFile: t((p: { dir: string }) => `the output path "${p.dir}" is a file, not a folder`, (p) => `le chemin de sortie « ${p.dir} » est un fichier, pas un dossier`),
  outParentNotFolder: t(
    (p: { dir: string; parent: string }) => `cannot write the report to "${p.dir}": "${p.parent}" is a file, not a folder`,
    (p) => `impossible d’écrire le rapport dans « ${p.dir} » : « ${p.parent} » est un fichier, pas un dossier`,
  ),
  outUnwritable: t(
    (p: { dir: string; parent: string; code: string }) => `cannot write the report to "${p.dir}": no new folder can be created in "${p.parent}" (${p.code})`,
    (p) => `impossible d’écrire le rapport dans « ${p.dir} » : aucun dossier ne peut être créé dans « ${p.parent} » (${p.code})`,
  ),
  outFormat: t((p: { format: string }) => `unknown report format "${p.format}" (html or pptx)`, (p) => `format de rapport inconnu « ${p.format} » (html ou pptx)`),
  noLatestData: t((p: { wave: string }) => `the latest wave "${p.wave}" has no respondents`, (p) => `la dernière vague « ${p.wave} » n’a aucun répondant`),
  // Warnings in the report
  sectionSkipped: t((p: { section: string; why: string }) => `${p.section}: skipped (${p.why})`, (p) => `${p.section} : section omise (${p.why})`),
  unweightedSection: t(
    (p: { section: string }) => `${p.section}: unweighted (respondent counts); weights apply to the key figures, trends and key drivers`,
    (p) => `${p.section} : non pondéré (effectifs de répondants) ; les poids s’appliquent aux chiffres clés, aux évolutions et aux facteurs clés`,
  ),
  chartNotDrawn: t((p: { chart: string; why: string }) => `chart not drawn (${p.chart}: ${p.why})`, (p) => `graphique non tracé (${p.chart} : ${p.why})`),
  driversFailed: t((p: { why: string }) => `the key-driver model could not be fitted: ${p.why}`, (p) => `le modèle des facteurs clés n’a pas pu être estimé : ${p.why}`),
  englishFallback: t(
    (p: { n: number; examples: readonly string[] }) => `${p.n} label(s) have no English translation in the codebook and are shown as written (${p.examples.map((x) => `"${x}"`).join(', ')}${p.n > p.examples.length ? ', …' : ''})`,
    (p: { n: number; examples: readonly string[] }) => `${p.n} libellé(s) sans traduction anglaise dans le dictionnaire, affichés tels quels (${p.examples.map((x) => `« ${x} »`).join(', ')}${p.n > p.examples.length ? ', …' : ''})`,
  ),
});

/** The English text of each message, for `InputError` (which takes a string today). */
export const msg = {
  configNotFound: () => M.configNotFound().text,
  configUnreadable: (code: string) => M.configUnreadable({ code }).text,
  configSyntax: (m: string) => M.configSyntax({ detail: m }).text,
  configNotObject: () => M.configNotObject().text,
  unknownKey: (key: string, allowed: readonly string[]) => M.unknownKey({ key, allowed }).text,
  required: (key: string, what: string) => M.required({ key, what }).text,
  expected: (key: string, what: string, v: unknown) => M.expected({ key, what, got: show(v) }).text,
  wavesOrData: () => M.wavesOrData().text,
  duplicateLabel: (key: string, label: string) => M.duplicateLabel({ key, label }).text,
  badDate: (key: string, v: unknown) => M.badDate({ key, got: show(v) }).text,
  noColumn: (key: string, column: string, file: string, columns: readonly string[]) => M.noColumn({ key, column, file, columns }).text,
  flagNoYes: (key: string, column: string, levels: readonly string[]) => M.flagNoYes({ key, column, levels }).text,
  flagYesUnknown: (key: string, column: string, v: string, levels: readonly string[]) => M.flagYesUnknown({ key, column, value: v, levels }).text,
  notText: (key: string, column: string, type: string) => M.notText({ key, column, type }).text,
  fileNotFound: () => M.fileNotFound().text,
  fileUnreadable: (code: string) => M.fileUnreadable({ code }).text,
  outNotReport: (dir: string, extra: readonly string[]) => M.outNotReport({ dir, extra }).text,
  outIsFile: (dir: string) => M.outIsFile({ dir }).text,
  noLatestData: (wave: string) => M.noLatestData({ wave }).text,
};

/** An `InputError` carrying the structured message as `detail` (code, params), so a caller can render it in French. */
export function inputError(m: Message, location: InputLocation = {}): InputError {
  const e = new InputError(m.text, location);
  Object.defineProperties(e, { detail: { value: m, enumerable: false }, code: { value: m.code, enumerable: false }, params: { value: m.params, enumerable: false } });
  return e;
}
