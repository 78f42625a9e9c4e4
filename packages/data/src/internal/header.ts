/** A header cell given a new name by `repairHeader`. */
export interface RenamedColumn {
  /** 1-based column number in the file. */
  column: number;
  /** The name as written (trimmed; '' for an empty cell). */
  from: string;
  to: string;
  reason: 'empty' | 'duplicate';
}

/**
 * Names every column of a header the way readr (`read_csv`) does: an empty cell at column j
 * becomes `...j` (the index column of a pandas `to_csv()`, the `""` of R's `write.csv()`), and a
 * name already used becomes `name...j` (each later copy; the first keeps its name). Names are
 * trimmed. Returns the names and what was renamed, for the load report.
 *
 * @example
 * repairHeader(['', 'q1', 'q1']);
 * //=> { names: ['...1', 'q1', 'q1...3'], renamed: [{ column: 1, from: '', to: '...1', reason: 'empty' },
 * //     { column: 3, from: 'q1', to: 'q1...3', reason: 'duplicate' }] }
 */
export function repairHeader(raw: readonly string[]): { names: string[]; renamed: RenamedColumn[] } {
  const trimmed = raw.map((s) => s.trim());
  const taken = new Set(trimmed.filter((s) => s !== ''));
  const seen = new Set<string>();
  const renamed: RenamedColumn[] = [];
  const names = trimmed.map((name, j) => {
    if (name !== '' && !seen.has(name)) {
      seen.add(name);
      return name;
    }
    let to = name === '' ? `...${j + 1}` : `${name}...${j + 1}`;
    while (taken.has(to) || seen.has(to)) to += '_';
    seen.add(to);
    renamed.push({ column: j + 1, from: name, to, reason: name === '' ? 'empty' : 'duplicate' });
    return to;
  });
  return { names, renamed };
}
