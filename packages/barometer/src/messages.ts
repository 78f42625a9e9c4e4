/**
 * Every message of @satlab/barometer: errors (InputError / TypeError / RangeError texts) and the
 * statistical cautions that go into `result.warnings`. English; the CLI and the report translate
 * what people read.
 */

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

export const msg = {
  // stackWaves
  noWaves: (fn: string) => `${fn}(waves): give at least one wave`,
  waveNotTable: (fn: string, i: number) => `${fn}(waves[${i}].table): expected a satlab Table ({ nRows, columns })`,
  waveLabel: (fn: string, i: number, v: unknown) => `${fn}(waves[${i}].label): expected a non-empty string, got ${JSON.stringify(v)}`,
  duplicateWave: (fn: string, label: string) => `${fn}(waves): the wave label "${label}" is used twice`,
  badDate: (fn: string, i: number, v: unknown) => `${fn}(waves[${i}].date): expected an ISO date YYYY-MM-DD, got ${JSON.stringify(v)}`,
  scaleChangedRefused: (item: string, fromWave: string, from: string, toWave: string, to: string) =>
    `the scale of item "${item}" changed between ${fromWave} and ${toWave}: ${from} in ${fromWave}, ${to} in ${toWave}; ` +
    `waves cannot be compared on it unless you map one scale onto the other (scaleMap: { "${item}": { from, to, method: "linear" | "recode", … } }) or drop the item`,
  typeChangedRefused: (item: string, fromWave: string, from: string, toWave: string, to: string) =>
    `item "${item}" is ${from} in ${fromWave} but ${to} in ${toWave}; waves cannot be stacked on it`,
  scaleMapBad: (item: string, why: string) => `scaleMap["${item}"]: ${why}`,
  scaleMapUnused: (item: string) => `scaleMap["${item}"] was given but no wave has that item on the "from" scale; it was not used`,
  scaleMapValue: (item: string, wave: string, v: number) => `scaleMap["${item}"] (recode) has no target for the value ${num(v)} found in ${wave}`,
  waveColumnReplaced: (col: string, wave: string) => `${wave}: the file's own column "${col}" was replaced by the wave label`,
  notInWave: (wave: string) => `not in ${wave}`,
  itemAbsent: (wave: string, items: readonly string[]) => `${wave} has no column ${list(items)}: those values are missing (reason "not in ${wave}")`,
  renamedApplied: (from: string, to: string, wave: string, rule: string) => `${wave}: "${from}" read as "${to}" (renamed, rule: ${rule})`,

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
  oneWave: (column: string) => `only one wave in column "${column}": nothing to compare`,
  smallWave: (indicator: string, wave: string, n: number) => `${indicator}, ${wave}: only ${n} valid answers; the interval and the tests are unreliable`,
  emptyWave: (indicator: string, wave: string) => `${indicator}, ${wave}: no valid answer`,
  npsDegenerate: (indicator: string, wave: string) => `${indicator}, ${wave}: every answer is in one category (variance 0); the change test is not defined`,
  zeroVariance: (indicator: string, wave: string) => `${indicator}, ${wave}: all values are equal (variance 0)`,
  missingWave: (column: string, k: number) => `${k} rows have no wave (missing "${column}") and were left out`,
  trendMethod: 'linear trend across waves: inverse-variance weighted least squares of the wave estimates on the wave index (fixed-effect meta-regression), two-sided z test',

  // rake
  noMargins: (fn: string) => `${fn}(margins): give at least one margin { column: { level: share } }`,
  marginNotObject: (fn: string, col: string) => `${fn}(margins.${col}): expected { level: share, … }`,
  marginShare: (fn: string, col: string, level: string, v: unknown) => `${fn}(margins.${col}["${level}"]): expected a share ≥ 0, got ${JSON.stringify(v)}`,
  marginSum: (col: string, sum: number) => `margins.${col}: the shares sum to ${num(sum)}, not 1 (or 100 for percentages)`,
  marginPercent: (col: string) => `margins.${col}: shares read as percentages (they sum to 100)`,
  marginLevelUnknown: (col: string, level: string, levels: readonly string[]) => `margins.${col}: "${level}" is not a category of the column (categories: ${list(levels)})`,
  marginLevelMissing: (col: string, levels: readonly string[]) => `margins.${col}: no population share for ${list(levels)}, present in the data; give one (0 drops those respondents)`,
  marginEmptyCell: (col: string, level: string, group: string) => `margins.${col}: no respondent${group} in "${level}", whose population share is positive; raking cannot reach that margin`,
  marginMissingValues: (col: string, k: number, group: string) => `column "${col}" is missing for ${k} respondents${group}; raking needs a category for everyone (impute or drop them first)`,
  notConverged: (iter: number, delta: number, group: string) => `raking did not converge${group} after ${iter} iterations (largest weight change ${num(delta)}); weights are those of the last iteration`,
  extremeWeights: (ratio: number, group: string) => `weights${group} range over a factor ${num(ratio)} (largest / smallest): a few respondents weigh a lot; consider collapsing categories or trimming`,
  lowEfficiency: (eff: number, n: number, group: string) => `weighting${group} leaves an effective sample of ${num(eff)} of ${n} respondents (Kish)`,
  badControl: (fn: string, arg: string, v: unknown) => `${fn}(options.${arg}): expected a positive number, got ${JSON.stringify(v)}`,
  baseWeightsLength: (fn: string, got: number, want: number) => `${fn}(options.baseWeights): ${got} weights for ${want} rows`,
};
