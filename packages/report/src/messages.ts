/** Every error and warning text of @satlab/report (English; the CLI prints them as they are). */

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
};

export const msg = {
  configNotFound: () => 'report config not found',
  configUnreadable: (code: string) => `cannot read the report config (${code})`,
  configSyntax: (m: string) => `YAML syntax: ${m}`,
  configNotObject: () => 'a report config is a YAML mapping (title, waves, attributes, overall, …)',
  unknownKey: (key: string, allowed: readonly string[]) => `${key}: unknown key (allowed: ${allowed.join(', ')})`,
  required: (key: string, what: string) => `${key}: required (${what})`,
  expected: (key: string, what: string, v: unknown) => `${key}: expected ${what}, got ${show(v)}`,
  wavesOrData: () => 'waves / data: give either `waves` (one file per wave) or `data` (one file with a wave column), not both and not neither',
  duplicateLabel: (key: string, label: string) => `${key}: the wave label "${label}" is used twice`,
  badDate: (key: string, v: unknown) => `${key}: expected an ISO date YYYY-MM-DD, got ${show(v)}`,
  noColumn: (key: string, column: string, file: string, columns: readonly string[]) => `${key}: no column "${column}" in ${file} (columns: ${columns.slice(0, 12).map((c) => `"${c}"`).join(', ')}${columns.length > 12 ? ', …' : ''})`,
  flagNoYes: (key: string, column: string, levels: readonly string[]) => `${key}: say which value of "${column}" means yes (yes: [...]); its values are ${levels.map((l) => `"${l}"`).join(', ')}`,
  flagYesUnknown: (key: string, column: string, v: string, levels: readonly string[]) => `${key}: "${v}" is not a value of "${column}" (values: ${levels.map((l) => `"${l}"`).join(', ')})`,
  notText: (key: string, column: string, type: string) => `${key}: "${column}" is a ${type} column; verbatims need a text column`,
  fileNotFound: () => 'file not found',
  fileUnreadable: (code: string) => `cannot read the file (${code})`,
  outNotReport: (dir: string, extra: readonly string[]) => `the output folder "${dir}" exists and holds files that are not a satlab report (${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}); choose a new or empty folder`,
  outIsFile: (dir: string) => `the output path "${dir}" is a file, not a folder`,
  noLatestData: (wave: string) => `the latest wave "${wave}" has no respondents`,
  // Warnings in the report
  sectionSkipped: (section: string, why: string) => `${section}: skipped (${why})`,
  unweightedSection: (section: string) => `${section}: unweighted (respondent counts); weights apply to the key figures, trends and key drivers`,
};
