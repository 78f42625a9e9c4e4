/** Where in an input file a problem was found. Lines and columns are 1-based. */
export interface InputLocation {
  file?: string;
  line?: number;
  /** 1-based column number in the file. */
  column?: number;
  /** The column's header name, when known. */
  columnName?: string;
  /** The offending value as written in the file. */
  value?: string;
}

/**
 * Bad input from a user: a malformed file, a value that does not fit its codebook, an unknown
 * column. The message names file, line, column and value, e.g.
 * `survey.csv:12:4 (column "q3"): "abc" is not a number`. The CLI exits with code 2 on it.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly location: InputLocation;
  constructor(message: string, location: InputLocation = {}) {
    super(formatLocation(location) + message);
    this.location = location;
  }
}

function formatLocation(loc: InputLocation): string {
  if (!loc.file && loc.line === undefined) return '';
  let s = loc.file ?? '<input>';
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.column !== undefined) s += `:${loc.column}`;
  if (loc.columnName !== undefined) s += ` (column "${loc.columnName}")`;
  return s + ': ';
}
