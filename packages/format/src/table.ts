/** Column alignment in a text table. */
export type Align = 'left' | 'right';

/**
 * Lays out rows as a plain-text table with a header rule; widths count characters (accents
 * included) so French labels line up.
 * @example
 * textTable([['Auto/Moto', '198'], ['Santé', '126']], { header: ['contrat', 'n'], align: ['left', 'right'] }).split('\n');
 * //=> ['contrat      n', '─────────  ───', 'Auto/Moto  198', 'Santé      126']
 */
export function textTable(rows: string[][], opts: { header?: string[]; align?: Align[] } = {}): string {
  const all = opts.header ? [opts.header, ...rows] : rows;
  const ncol = Math.max(0, ...all.map((r) => r.length));
  const width = new Array<number>(ncol).fill(0);
  for (const r of all) r.forEach((c, j) => (width[j] = Math.max(width[j], [...c].length)));
  const pad = (c: string, j: number): string => {
    const gap = ' '.repeat(width[j] - [...c].length);
    return (opts.align?.[j] ?? (j === 0 ? 'left' : 'right')) === 'left' ? c + gap : gap + c;
  };
  const line = (r: string[]): string => r.map((c, j) => pad(c, j)).join('  ').trimEnd();
  const out: string[] = [];
  if (opts.header) {
    out.push(line(opts.header));
    out.push(width.map((w) => '─'.repeat(w)).join('  '));
  }
  for (const r of rows) out.push(line(r));
  return out.join('\n');
}

/**
 * Escapes text for HTML element content and attribute values (&, <, >, ", ').
 * @example
 * escapeHtml('<b>"Tom & Jerry"</b>'); //=> '&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
