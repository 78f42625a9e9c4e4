/**
 * Every message of @satlab/barometer. The cautions that go into `result.warnings` and the errors
 * people meet (a changed scale, raking margins) are structured messages (`barometer.<key>`,
 * English and French side by side, @satlab/messages); `msg` gives the English text the thrown
 * errors carry, and the misuse errors (TypeError / RangeError naming function and argument).
 */
import type { MessageFormat, MessageTemplate } from '@satlab/messages';
import { defineMessages } from '@satlab/messages';

const list = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(', ');
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(6).replace(/\.?0+$/, ''));

/** A scale, a set of labels or levels, as one short phrase: `1-4 (1 "Pas du tout satisfait" … 4 "Tout à fait satisfait")`. */
export function describeScale(s: { scale?: readonly [number, number] | undefined; labels?: Record<string, string> | undefined; levels?: readonly string[] | undefined }): string {
  const parts: string[] = [];
  if (s.scale) parts.push(`${num(s.scale[0])}-${num(s.scale[1])}`);
  if (s.labels && Object.keys(s.labels).length > 0) {
    const keys = Object.keys(s.labels);
    const first = keys[0];
    const last = keys[keys.length - 1];
    parts.push(keys.length === 1 ? `(${first} "${s.labels[first]}")` : `(${first} "${s.labels[first]}" … ${last} "${s.labels[last]}")`);
  } else if (s.levels && s.levels.length > 0) {
    parts.push(`levels [${list(s.levels)}]`);
  }
  return parts.length > 0 ? parts.join(' ') : 'no declared scale';
}

const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });
type Group = { by: string | null; group: string | null };
const inGroup = (p: Group, lang: 'en' | 'fr'): string => (p.by === null || p.group === null ? '' : lang === 'fr' ? ` dans ${p.by} = « ${p.group} »` : ` in ${p.by} = "${p.group}"`);

/** Structured messages: the warnings of `stackWaves`, `compareWaves`, `npsChangeTest`, `rake`, and the errors people read. */
export const M = defineMessages('barometer', {
  renamedApplied: t(
    (p: { from: string; to: string; wave: string; rule: string }) => `${p.wave}: "${p.from}" read as "${p.to}" (renamed, rule: ${p.rule})`,
    (p) => `${p.wave} : « ${p.from} » lu comme « ${p.to} » (renommé, règle : ${p.rule})`,
  ),
  scaleMapUnused: t(
    (p: { item: string }) => `scaleMap["${p.item}"] was given but no wave has that item on the "from" scale; it was not used`,
    (p) => `scaleMap["${p.item}"] est donné mais aucune vague n’a cet item sur l’échelle « from » ; il n’a pas servi`,
  ),
  waveColumnReplaced: t(
    (p: { column: string; wave: string }) => `${p.wave}: the file's own column "${p.column}" was replaced by the wave label`,
    (p) => `${p.wave} : la colonne « ${p.column} » du fichier a été remplacée par le nom de la vague`,
  ),
  itemAbsent: t(
    (p: { wave: string; items: readonly string[] }) => `${p.wave} has no column ${list(p.items)}: those values are missing (reason "not in ${p.wave}")`,
    (p) => `${p.wave} n’a pas de colonne ${list(p.items)} : ces valeurs sont manquantes (motif « absent de ${p.wave} »)`,
  ),
  notInteger010: t(
    (p: { indicator: string; n: number }) => `${p.indicator}: ${p.n} values that are not integers 0-10 were left out`,
    (p, f) => `${p.indicator} : ${f.num(p.n)} valeur(s) qui ne sont pas des entiers de 0 à 10 écartée(s)`,
  ),
  missingWave: t(
    (p: { column: string; n: number }) => `${p.n} rows have no wave (missing "${p.column}") and were left out`,
    (p, f) => `${f.num(p.n)} ligne(s) sans vague (« ${p.column} » manquant) écartée(s)`,
  ),
  oneWave: t((p: { column: string }) => `only one wave in column "${p.column}": nothing to compare`, (p) => `une seule vague dans la colonne « ${p.column} » : rien à comparer`),
  smallWave: t(
    (p: { indicator: string; wave: string; n: number }) => `${p.indicator}, ${p.wave}: only ${p.n} valid answers; the interval and the tests are unreliable`,
    (p, f) => `${p.indicator}, ${p.wave} : seulement ${f.num(p.n)} réponses valides ; l’intervalle et les tests sont peu fiables`,
  ),
  emptyWave: t((p: { indicator: string; wave: string }) => `${p.indicator}, ${p.wave}: no valid answer`, (p) => `${p.indicator}, ${p.wave} : aucune réponse valide`),
  npsDegenerate: t(
    (p: { indicator: string; wave: string }) => `${p.indicator}, ${p.wave}: every answer is in one category (variance 0); the change test is not defined`,
    (p) => `${p.indicator}, ${p.wave} : toutes les réponses sont dans une seule catégorie (variance nulle) ; le test d’évolution n’est pas défini`,
  ),
  npsFewAnswers: t(
    (p: { fn: string; n: number }) => `${p.fn}: fewer than 30 answers in a sample (${p.n}); the normal approximation is unreliable`,
    (p, f) => `${p.fn} : moins de 30 réponses dans un échantillon (${f.num(p.n)}) ; l’approximation normale est peu fiable`,
  ),
  npsZeroVariance: t(
    (p: { fn: string }) => `${p.fn}: both samples have zero variance (all answers in one category); the test is not defined`,
    (p) => `${p.fn} : les deux échantillons ont une variance nulle (toutes les réponses dans une catégorie) ; le test n’est pas défini`,
  ),
  marginPercent: t((p: { column: string }) => `margins.${p.column}: shares read as percentages (they sum to 100)`, (p) => `margins.${p.column} : parts lues comme des pourcentages (leur somme fait 100)`),
  notConverged: t(
    (p: Group & { iterations: number; delta: number }) => `raking did not converge${inGroup(p, 'en')} after ${p.iterations} iterations (largest weight change ${num(p.delta)}); weights are those of the last iteration`,
    (p, f) => `le calage n’a pas convergé${inGroup(p, 'fr')} après ${p.iterations} itérations (plus grande variation de poids ${f.num(p.delta, 6)}) ; les poids sont ceux de la dernière itération`,
  ),
  extremeWeights: t(
    (p: Group & { ratio: number }) => `weights${inGroup(p, 'en')} range over a factor ${num(p.ratio)} (largest / smallest): a few respondents weigh a lot; consider collapsing categories or trimming`,
    (p, f) => `les poids${inGroup(p, 'fr')} varient d’un facteur ${f.num(p.ratio, 3)} (plus grand / plus petit) : quelques répondants pèsent beaucoup ; regrouper des catégories ou écrêter les poids`,
  ),
  lowEfficiency: t(
    (p: Group & { effectiveN: number; n: number }) => `weighting${inGroup(p, 'en')} leaves an effective sample of ${num(p.effectiveN)} of ${p.n} respondents (Kish)`,
    (p, f) => `la pondération${inGroup(p, 'fr')} laisse un échantillon effectif de ${f.num(p.effectiveN, 1)} sur ${f.num(p.n)} répondants (Kish)`,
  ),
  scaleChangedRefused: t(
    (p: { item: string; fromWave: string; from: string; toWave: string; to: string }) =>
      `the scale of item "${p.item}" changed between ${p.fromWave} and ${p.toWave}: ${p.from} in ${p.fromWave}, ${p.to} in ${p.toWave}; ` +
      `waves cannot be compared on it unless you map one scale onto the other (scaleMap: { "${p.item}": { from, to, method: "linear" | "recode", … } }) or drop the item`,
    (p) =>
      `l’échelle de l’item « ${p.item} » a changé entre ${p.fromWave} et ${p.toWave} : ${p.from} en ${p.fromWave}, ${p.to} en ${p.toWave} ; ` +
      `les vagues ne sont comparables sur cet item que si une échelle est ramenée à l’autre (scaleMap: { "${p.item}": { from, to, method: "linear" | "recode", … } }) ou si l’item est retiré`,
  ),
  typeChangedRefused: t(
    (p: { item: string; fromWave: string; from: string; toWave: string; to: string }) => `item "${p.item}" is ${p.from} in ${p.fromWave} but ${p.to} in ${p.toWave}; waves cannot be stacked on it`,
    (p) => `l’item « ${p.item} » est ${p.from} en ${p.fromWave} mais ${p.to} en ${p.toWave} ; les vagues ne peuvent pas être empilées sur cet item`,
  ),
  marginSum: t((p: { column: string; sum: number }) => `margins.${p.column}: the shares sum to ${num(p.sum)}, not 1 (or 100 for percentages)`, (p, f) => `margins.${p.column} : la somme des parts fait ${f.num(p.sum, 6)}, pas 1 (ni 100 en pourcentages)`),
  marginLevelUnknown: t(
    (p: { column: string; level: string; levels: readonly string[] }) => `margins.${p.column}: "${p.level}" is not a category of the column (categories: ${list(p.levels)})`,
    (p) => `margins.${p.column} : « ${p.level} » n’est pas une catégorie de la colonne (catégories : ${list(p.levels)})`,
  ),
  marginLevelMissing: t(
    (p: { column: string; levels: readonly string[] }) => `margins.${p.column}: no population share for ${list(p.levels)}, present in the data; give one (0 drops those respondents)`,
    (p) => `margins.${p.column} : pas de part dans la population pour ${list(p.levels)}, présent(s) dans les données ; en donner une (0 écarte ces répondants)`,
  ),
  marginEmptyCell: t(
    (p: Group & { column: string; level: string }) => `margins.${p.column}: no respondent${inGroup(p, 'en')} in "${p.level}", whose population share is positive; raking cannot reach that margin`,
    (p) => `margins.${p.column} : aucun répondant${inGroup(p, 'fr')} dans « ${p.level} », dont la part dans la population est positive ; le calage ne peut pas atteindre cette marge`,
  ),
  marginMissingValues: t(
    (p: Group & { column: string; n: number }) => `column "${p.column}" is missing for ${p.n} respondents${inGroup(p, 'en')}; raking needs a category for everyone (impute or drop them first)`,
    (p, f) => `la colonne « ${p.column} » manque pour ${f.num(p.n)} répondants${inGroup(p, 'fr')} ; le calage demande une catégorie pour chacun (imputer ou écarter d’abord)`,
  ),
});

export const msg = {
  // stackWaves
  noWaves: (fn: string) => `${fn}(waves): give at least one wave`,
  waveNotTable: (fn: string, i: number) => `${fn}(waves[${i}].table): expected a satlab Table ({ nRows, columns })`,
  waveLabel: (fn: string, i: number, v: unknown) => `${fn}(waves[${i}].label): expected a non-empty string, got ${JSON.stringify(v)}`,
  duplicateWave: (fn: string, label: string) => `${fn}(waves): the wave label "${label}" is used twice`,
  badDate: (fn: string, i: number, v: unknown) => `${fn}(waves[${i}].date): expected an ISO date YYYY-MM-DD, got ${JSON.stringify(v)}`,
  scaleChangedRefused: (item: string, fromWave: string, from: string, toWave: string, to: string) => M.scaleChangedRefused({ item, fromWave, from, toWave, to }).text,
  typeChangedRefused: (item: string, fromWave: string, from: string, toWave: string, to: string) => M.typeChangedRefused({ item, fromWave, from, toWave, to }).text,
  scaleMapBad: (item: string, why: string) => `scaleMap["${item}"]: ${why}`,
  scaleMapValue: (item: string, wave: string, v: number) => `scaleMap["${item}"] (recode) has no target for the value ${num(v)} found in ${wave}`,
  notInWave: (wave: string) => `not in ${wave}`,

  // compareWaves
  noIndicators: (fn: string) => `${fn}(options.indicators): give at least one indicator`,
  badKind: (fn: string, i: number, v: unknown) => `${fn}(options.indicators[${i}].kind): expected 'mean', 'proportion', 'topBox', 'bottomBox' or 'nps', got ${JSON.stringify(v)}`,
  badIndicatorName: (fn: string, i: number) => `${fn}(options.indicators[${i}]): needs a non-empty name and column`,
  duplicateIndicator: (fn: string, name: string) => `${fn}(options.indicators): the name "${name}" is used twice`,
  needSuccess: (fn: string, name: string) => `${fn}: indicator "${name}" (proportion) needs \`success\`: the values or levels that count`,
  successUnknown: (fn: string, name: string, v: string, levels: readonly string[]) => `${fn}: indicator "${name}": success value "${v}" is not a level of the column (levels: ${list(levels)})`,
  needScale: (fn: string, name: string, column: string) => `${fn}: indicator "${name}": no scale for column "${column}" (declare it in the codebook or give \`scale\`)`,
  badBoxes: (fn: string, name: string, v: unknown) => `${fn}: indicator "${name}": boxes must be an integer ≥ 1 smaller than the scale's width, got ${JSON.stringify(v)}`,
  notCategoricalForProportion: (fn: string, name: string, type: string) => `${fn}: indicator "${name}": a ${type} column cannot be a proportion`,
  badAgainst: (fn: string, v: unknown) => `${fn}(options.against): expected a list of 'previous' and/or 'first', got ${JSON.stringify(v)}`,
  badAdjust: (fn: string, v: unknown) => `${fn}(options.adjust): expected 'holm', 'BH', 'bonferroni', 'hochberg', 'BY' or 'none', got ${JSON.stringify(v)}`,
  badFamily: (fn: string, v: unknown) => `${fn}(options.family): expected 'all' or 'indicator', got ${JSON.stringify(v)}`,
  badLevel: (fn: string, arg: string, v: unknown) => `${fn}(options.${arg}): expected a number strictly between 0 and 1, got ${JSON.stringify(v)}`,
  weightsLength: (fn: string, got: number, want: number) => `${fn}(options.weights): ${got} weights for ${want} rows`,
  badWeight: (fn: string, i: number, v: number) => `${fn}(options.weights): weight ${v} at row ${i} is negative or infinite`,
  waveOrderUnknown: (fn: string, v: string, levels: readonly string[]) => `${fn}(options.waveOrder): "${v}" is not a wave (the waves are ${list(levels)})`,
  trendMethod: 'linear trend across waves: inverse-variance weighted least squares of the wave estimates on the wave index (fixed-effect meta-regression), two-sided z test',

  // rake
  noMargins: (fn: string) => `${fn}(margins): give at least one margin { column: { level: share } }`,
  marginNotObject: (fn: string, col: string) => `${fn}(margins.${col}): expected { level: share, … }`,
  marginShare: (fn: string, col: string, level: string, v: unknown) => `${fn}(margins.${col}["${level}"]): expected a share ≥ 0, got ${JSON.stringify(v)}`,
  marginSum: (col: string, sum: number) => M.marginSum({ column: col, sum }).text,
  marginLevelUnknown: (col: string, level: string, levels: readonly string[]) => M.marginLevelUnknown({ column: col, level, levels }).text,
  marginLevelMissing: (col: string, levels: readonly string[]) => M.marginLevelMissing({ column: col, levels }).text,
  marginEmptyCell: (col: string, level: string, g: Group) => M.marginEmptyCell({ column: col, level, ...g }).text,
  marginMissingValues: (col: string, k: number, g: Group) => M.marginMissingValues({ column: col, n: k, ...g }).text,
  badControl: (fn: string, arg: string, v: unknown) => `${fn}(options.${arg}): expected a positive number, got ${JSON.stringify(v)}`,
  baseWeightsLength: (fn: string, got: number, want: number) => `${fn}(options.baseWeights): ${got} weights for ${want} rows`,
};
