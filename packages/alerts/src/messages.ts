/**
 * Every caution the alerts functions put in `result.warnings`, in one place (English; the CLI
 * and notebook show them as they are or translate them).
 */
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const messages = {
  unknownKeys: (where: string, keys: string[]): string => `${where}: unknown key${keys.length === 1 ? '' : 's'} ${keys.map((k) => `"${k}"`).join(', ')} ignored`,
  notEvaluable: (rule: string, n: number, total: number): string =>
    `rule "${rule}": ${plural(n, 'respondent')} of ${total} could not be judged (a value it needs is missing) and were not flagged`,
  npsOutOfRange: (rule: string, column: string, n: number): string =>
    `rule "${rule}": ${plural(n, 'value')} of "${column}" not an integer 0-10 (e.g. an undeclared missing code such as 99) treated as missing`,
  missingIds: (n: number, column: string): string =>
    `${plural(n, 'flagged respondent')} without a customer id in "${column}": listed in the detection but left out of the callback queue`,
  duplicateIds: (n: number): string =>
    `${plural(n, 'customer')} answered more than once and ${n === 1 ? 'was' : 'were'} flagged on several rows: their reasons were merged (severity counts each rule once)`,
  unknownValue: (n: number, total: number, source: string, examples: string[]): string =>
    `${plural(n, 'queued customer')} of ${total} ${n === 1 ? 'is' : 'are'} absent from ${source}: value "unknown", ranked as the least valuable (e.g. ${examples.join(', ')})`,
  noValues: 'no customer values given: the priority follows the severity only (then the id)',
  valueMissing: (n: number, column: string): string => `${plural(n, 'customer')} of the value file without a valid "${column}": value unknown`,
  valueDuplicate: (n: number): string => `${plural(n, 'customer id')} repeated in the value file: the first row of each was kept`,
  segmentNotRanked: (names: string[]): string => `segment${names.length === 1 ? '' : 's'} ${names.map((s) => `"${s}"`).join(', ')} not in the segment order: ranked below every known segment`,
  simulated: 'SIMULATED outcomes (simulateOutcomes): no customer was called; the figures illustrate the method, they measure nothing',
  outcomePending: (n: number): string => `${plural(n, 'customer')} without a known outcome (empty treated or outcome cell) set aside`,
  outcomeDuplicate: (n: number): string => `${plural(n, 'customer id')} repeated in the outcome file: the first row of each was kept`,
  emptyGroup: (group: string): string => `no ${group} customer with a known outcome: retention of that group and the uplift are undefined`,
  smallCounts: (minExpected: number): string =>
    `smallest expected count ${minExpected.toFixed(2)} < 5: the z test is approximate, Fisher's exact test is the one to read`,
  negativeUplift: (uplift: number): string =>
    `measured uplift ${uplift.toFixed(4)} ≤ 0: the treated customers were not kept more often than the untreated; the ROI chain uses a retention gain of 0`,
  upliftNotSignificant: (p: number): string =>
    `the difference in retention is not statistically significant (p = ${p.toPrecision(3)}): the measured ROI may be luck; see the ROI at the interval bounds`,
  selectionBias:
    'treated customers were not chosen at random: the uplift compares groups that may differ before treatment (e.g. by value or severity); randomize who is called to measure the real effect',
};
