/**
 * One CSV record (`,` separator, LF end). A field is quoted when it contains a comma, a semicolon,
 * a quote, a line break or leading/trailing spaces; quotes are doubled (RFC 4180). Numbers must be
 * pre-formatted by the caller (no locale). Internal module.
 */
export function csvField(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : v;
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',') + '\n';
}
