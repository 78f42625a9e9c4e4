/**
 * The 1-based line where each record of delimited UTF-8 bytes starts, by one scan that follows
 * csv-parse's rules: a quote opens a quoted field only at the start of a field, `""` inside one is
 * a quote, records end at the record delimiter found first outside quotes (CRLF, LF or CR), a
 * last record exists when bytes follow the last delimiter. Physical lines count every CRLF, LF
 * and lone CR. The caller checks the record count against the parser's (and falls back when it
 * differs).
 */
export function recordStartLines(buf: Uint8Array, sep: number): number[] {
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  const n = buf.length;
  const starts: number[] = [];
  // record delimiter: the first line end outside quotes decides (0 = CRLF, 1 = LF, 2 = CR)
  let delim = -1;
  let line = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let recordStart = 0;
  starts.push(1);
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (inQuotes) {
      if (c === QUOTE) {
        if (buf[i + 1] === QUOTE) i++;
        else inQuotes = false;
      } else if (c === LF) line++;
      else if (c === CR) {
        line++;
        if (buf[i + 1] === LF) i++;
      }
      continue;
    }
    if (c === QUOTE) {
      if (atFieldStart) inQuotes = true;
      atFieldStart = false;
    } else if (c === sep) {
      atFieldStart = true;
    } else if (c === LF || c === CR) {
      let crlf = c === CR && buf[i + 1] === LF;
      if (delim < 0) delim = crlf ? 0 : c === LF ? 1 : 2;
      // An LF delimiter also ends a record at the LF of a CRLF. A CR delimiter ends one at the CR
      // of a CRLF, whose LF then belongs to the next record (and counts as a line of its own,
      // like the parser-offset count of the slow path).
      if (delim === 2) crlf = false;
      const ends = delim === 0 ? crlf : delim === 1 ? c === LF || crlf : c === CR;
      line++;
      if (crlf) i++;
      if (ends) {
        recordStart = i + 1;
        starts.push(line);
        atFieldStart = true;
      } else atFieldStart = false;
    } else {
      atFieldStart = false;
    }
  }
  if (recordStart >= n) starts.pop();
  return starts;
}
