import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { msg } from '../messages.js';
import { checkFile } from '../internal/source.js';
import { DATE_FORMATS } from './fields.js';
import { decodeKeys } from './interner.js';
import type { ParsePlan, PlanColumn } from './parser.js';
import { K_DATE, K_FACTOR, K_NUMBER, RangeParser, REASONS } from './parser.js';
import { readRange } from './readRange.js';
import { sniff } from './sniff.js';
import type { ScanColumnSpec, ScanColumnType, ScannedColumn, ScanOptions, ScanResult } from './types.js';
import type { WorkerJob, WorkerResult } from './worker.js';

const MiB = 1024 * 1024;
const KINDS: Record<ScanColumnType, number> = { id: K_FACTOR, categorical: K_FACTOR, number: K_NUMBER, date: K_DATE };

/**
 * Reads selected columns of a large CSV file straight into typed arrays — the fast path for
 * millions of rows (RFM transactions, a 1M-respondent cross-tab). Ids and categories are interned
 * to `Int32Array` codes with a string dictionary (first-appearance order); numbers (`.` or `,`
 * decimal mark) and dates (`YYYY-MM-DD`, `DD/MM/YYYY`, with or without a time) go to
 * `Float64Array` (dates as days since 1970-01-01 UTC, or ms).
 *
 * How: the file is read in chunks (default 4 MiB; the row cut by a chunk's end is carried over),
 * bytes are parsed in place without making a string per cell; RFC 4180 quotes (separators, line
 * breaks and doubled quotes inside quotes) and CRLF are handled. Plain rows go through a row
 * loop generated for the file's layout (`fastRows.ts`); anything unusual through the general one.
 * With `threads: 2` a worker thread parses the second half of the file while the main thread
 * parses the first; the worker's dictionary is merged so codes are exactly those of one thread,
 * and a split that falls inside a quoted field is detected (the first half's last row does not
 * end where the second half starts) and that half re-parsed on the main thread. The default is
 * one thread: on the 2-vCPU machine this was built on, two threads each took as long for half
 * of a 10M-row file (1.60 s) as one thread for all of it (1.75 s) — the two vCPUs do not run
 * byte loops in parallel — and the worker's copy of the arrays costs memory.
 *
 * Bad cells (unparseable number or date, empty cell, missing field) become NaN or code -1 and
 * are counted per column and reason with the first `maxIssues` line numbers: the row is kept, the
 * caller decides (the RFM command excludes such rows and reports them). Encoding and separator
 * come from `detectFormat` run on the first MiB (UTF-8 BOM skipped; text that is not valid UTF-8
 * is windows-1252, decoded with the full windows-1252 table for € and the other 0x80–0x9F signs).
 *
 * Memory: the output arrays (4 bytes a row per id/categorical column, 8 per number/date column),
 * plus one chunk per thread, plus the worker's half of the arrays while merging.
 *
 * @param path CSV file.
 * @param spec the columns to read: `[{ column: 'customer_id', type: 'id' }, …]` or
 *   `{ customer_id: 'id', date: 'date', amount: 'number' }`.
 * @param opts see `ScanOptions` (encoding, separator, chunkSize, threads, maxIssues, onProgress).
 * @returns `ScanResult`: columns keyed by header name, row count, issues, format found.
 * @throws {InputError} when the file has no header, a requested column is absent, or it is UTF-16.
 * @throws {TypeError} when `spec` names an unknown type.
 * @example
 * const r = await scanColumns('datasets/transactions/transactions.csv', { customer_id: 'id', date: 'date', amount: 'number' });
 * r.rows; //=> 120000
 * r.issues.cells; //=> 0
 * r.columns.amount; //=> { type: 'number', name: 'amount', values: Float64Array [22.36, …], decimalMarks: ['.'] }
 * r.columns.date; //=> { type: 'date', values: Float64Array [18993, …], unit: 'days', formats: ['YYYY-MM-DD'], … } (2022-01-01)
 */
export async function scanColumns(path: string, spec: readonly ScanColumnSpec[] | Readonly<Record<string, ScanColumnType>>, opts: ScanOptions = {}): Promise<ScanResult> {
  const t0 = performance.now();
  const specs = normaliseSpec(spec);
  checkFile(path, path, opts.maxBytes);
  const fd = openSync(path, 'r');
  try {
    const { size, sn, plan, limit, dataBytes, meanLine, estRows, expectedKeys, chunkSize } = preparePlan(fd, path, specs, opts);

    // Ranges: [dataStart, s1), [s1, s2), … each starting just after a line break.
    const wanted = Math.max(1, Math.floor(opts.threads ?? 1));
    const parallel = wanted > 1 && dataBytes >= (opts.minParallelBytes ?? 1 * MiB);
    const workerFile = parallel ? workerScript() : null;
    const starts = [sn.dataStart];
    if (workerFile) {
      for (let k = 1; k < wanted; k++) {
        const s = nextLineStart(fd, sn.dataStart + Math.floor((dataBytes * k) / wanted), limit);
        if (s > starts[starts.length - 1] && s < limit) starts.push(s);
      }
    }
    const nRanges = starts.length;
    const stops = [...starts.slice(1), limit];
    const progress = new SharedArrayBuffer(4 * nRanges);
    const prog = new Int32Array(progress);
    const report = (): void => {
      if (!opts.onProgress) return;
      let kib = 0;
      for (let k = 0; k < nRanges; k++) kib += Atomics.load(prog, k);
      opts.onProgress(Math.min(limit, sn.dataStart + kib * 1024), limit);
    };

    const workers: Promise<WorkerResult | null>[] = [];
    const spawned: Worker[] = [];
    for (let k = 1; k < nRanges; k++) {
      const job: WorkerJob = { path, plan, start: starts[k], stopAt: stops[k], fileSize: size, chunkSize, capacity: Math.ceil(((stops[k] - starts[k]) / meanLine) * 1.03) + 64, expectedKeys, progress, slot: k };
      const w = new Worker(workerFile as URL, { workerData: { satlabScan: true } });
      spawned.push(w);
      workers.push(
        new Promise((res) => {
          w.once('message', (m: { ok: boolean; result?: WorkerResult }) => res(m.ok ? (m.result as WorkerResult) : null));
          w.once('error', () => res(null));
          w.postMessage(job);
        }),
      );
    }

    const main = new RangeParser(plan, estRows, expectedKeys);
    let pos = readRange(fd, main, starts[0], stops[0], size, chunkSize, (p) => {
      Atomics.store(prog, 0, Math.floor((p - starts[0]) / 1024));
      report();
    });
    let timer: NodeJS.Timeout | undefined;
    if (opts.onProgress && nRanges > 1) timer = setInterval(report, 100);
    let threadsUsed = 1;
    try {
      for (let k = 1; k < nRanges; k++) {
        const r = await workers[k - 1];
        if (r && pos === r.start) {
          appendRange(main, r);
          pos = r.end;
          threadsUsed++;
        } else {
          // The split fell inside a quoted field (or the worker failed): parse this range here.
          pos = readRange(fd, main, pos, stops[k], size, chunkSize);
        }
      }
    } finally {
      if (timer) clearInterval(timer);
      for (const w of spawned) void w.terminate();
    }
    if (opts.onProgress) opts.onProgress(limit, limit);
    return buildResult(main, sn, plan, path, threadsUsed, (performance.now() - t0) / 1000);
  } finally {
    closeSync(fd);
  }
}

/**
 * `scanColumns` on one thread, synchronously: the same result (`threads` is 1), for callers that
 * cannot wait (the survey loader, notebooks through `require`).
 *
 * @example
 * const r = scanColumnsSync('packages/data/test/fixtures/survey4/survey_pandas.csv', { region: 'categorical', nps: 'number' });
 * r.rows; //=> 160
 * r.threads; //=> 1
 */
export function scanColumnsSync(path: string, spec: readonly ScanColumnSpec[] | Readonly<Record<string, ScanColumnType>>, opts: Omit<ScanOptions, 'threads' | 'minParallelBytes'> = {}): ScanResult {
  const t0 = performance.now();
  const specs = normaliseSpec(spec);
  checkFile(path, path, opts.maxBytes);
  const fd = openSync(path, 'r');
  try {
    const { sn, plan, limit, size, estRows, expectedKeys, chunkSize } = preparePlan(fd, path, specs, opts);
    const main = new RangeParser(plan, estRows, expectedKeys);
    readRange(fd, main, sn.dataStart, limit, size, chunkSize, opts.onProgress ? (p) => opts.onProgress?.(p, limit) : undefined);
    return buildResult(main, sn, plan, path, 1, (performance.now() - t0) / 1000);
  } finally {
    closeSync(fd);
  }
}

/**
 * The format and header of a CSV file as the scanner sees them (encoding, separator, decimal
 * mark, header names as written), from its head only.
 *
 * @example
 * scanHeader('packages/data/test/fixtures/survey4/survey_r.csv');
 * //=> { encoding: 'utf-8', bom: false, separator: ',', decimal: '.', header: ['', 'id', 'region', …], headerLines: 1 }
 */
export function scanHeader(path: string, opts: Pick<ScanOptions, 'encoding' | 'separator' | 'maxBytes'> = {}): { encoding: 'utf-8' | 'windows-1252'; bom: boolean; separator: ',' | ';' | '\t'; decimal: '.' | ','; header: string[]; headerLines: number } {
  checkFile(path, path, opts.maxBytes);
  const fd = openSync(path, 'r');
  try {
    const { sn } = preparePlan(fd, path, [], opts);
    return { encoding: sn.encoding, bom: sn.bom, separator: sn.separator, decimal: sn.decimal, header: sn.header, headerLines: sn.headerLines };
  } finally {
    closeSync(fd);
  }
}

/** Sniffs the head of an open file and resolves the columns asked for against its header. */
function preparePlan(fd: number, path: string, specs: ScanColumnSpec[], opts: ScanOptions) {
  const chunkSize = opts.chunkSize ?? 4 * MiB;
  if (!(chunkSize >= 16)) throw new RangeError(`scanColumns(opts.chunkSize): must be at least 16 bytes, got ${chunkSize}`);
  const maxIssues = opts.maxIssues ?? 10;
  const size = fstatSync(fd).size;
  if (size === 0) throw new InputError(msg.emptyFile(), { file: path });
  // The head: 64 KiB is enough to find the format and the header, unless the header is longer.
  const readHead = (len: number): Buffer => {
    const head = Buffer.allocUnsafe(Math.min(size, len));
    let got = 0;
    while (got < head.length) {
      const k = readSync(fd, head, got, head.length - got, got);
      if (k === 0) break;
      got += k;
    }
    return head.subarray(0, got);
  };
  let head = readHead(64 * 1024);
  if (head.length < size && head.indexOf(10) < 0) head = readHead(MiB);
  const sn = sniff(head, path, head.length >= size, opts);
  const columns: PlanColumn[] = specs.map((s) => ({ name: s.column, type: s.type, field: s.field ?? findColumn(sn.header, s.column, path), kind: KINDS[s.type], ms: s.unit === 'ms' }));
  const plan: ParsePlan = { sep: sn.separator.charCodeAt(0), headerFields: sn.header.length, columns, maxIssues, encoding: sn.encoding, fastPath: opts.fastPath !== false };
  const limit = opts.limitBytes !== undefined ? Math.min(size, sn.dataStart + Math.max(0, opts.limitBytes)) : size;
  const dataBytes = limit - sn.dataStart;
  const meanLine = Number.isFinite(sn.meanLineBytes) && sn.meanLineBytes > 0 ? sn.meanLineBytes : 32;
  const estRows = Math.ceil((dataBytes / meanLine) * 1.03) + 64;
  const expectedKeys = Math.min(1 << 20, Math.max(1024, Math.ceil(estRows / 16)));
  return { size, sn, plan, limit, dataBytes, meanLine, estRows, expectedKeys, chunkSize };
}

function normaliseSpec(spec: readonly ScanColumnSpec[] | Readonly<Record<string, ScanColumnType>>): ScanColumnSpec[] {
  const list: ScanColumnSpec[] = Array.isArray(spec) ? [...(spec as ScanColumnSpec[])] : Object.entries(spec as Record<string, ScanColumnType>).map(([column, type]) => ({ column, type }));
  if (list.length === 0) throw new TypeError('scanColumns(spec): select at least one column');
  for (const s of list) {
    if (!s || typeof s.column !== 'string') throw new TypeError(`scanColumns(spec): each column needs a name, got ${JSON.stringify(s)}`);
    if (!(s.type in KINDS)) throw new TypeError(`scanColumns(spec): column "${s.column}" has unknown type "${String(s.type)}" (id, categorical, number, date)`);
    if (s.unit !== undefined && s.unit !== 'days' && s.unit !== 'ms') throw new TypeError(`scanColumns(spec): column "${s.column}" has unknown unit "${String(s.unit)}" (days, ms)`);
  }
  return list;
}

function findColumn(header: string[], name: string, file: string): number {
  let i = header.indexOf(name);
  if (i >= 0) return i;
  const norm = (s: string): string => s.trim().toLowerCase();
  i = header.findIndex((h) => norm(h) === norm(name));
  if (i >= 0) return i;
  throw new InputError(msg.noColumn({ name, available: header }), { file, line: 1, columnName: name });
}

/** Offset just after the first line break at or after `pos` (the file size when none). */
function nextLineStart(fd: number, pos: number, size: number): number {
  const buf = Buffer.allocUnsafe(64 * 1024);
  while (pos < size) {
    const k = readSync(fd, buf, 0, buf.length, pos);
    if (k === 0) break;
    const i = buf.subarray(0, k).indexOf(10);
    if (i >= 0) return pos + i + 1;
    pos += k;
  }
  return size;
}

/** The compiled worker script, or null (then one thread): next to this module, or in dist/ when running from sources. */
function workerScript(): URL | null {
  const here = new URL('./worker.js', import.meta.url);
  if (here.protocol === 'file:' && existsSync(fileURLToPath(here))) return here;
  if (import.meta.url.endsWith('.ts')) {
    const dist = new URL('../../dist/scan/worker.js', import.meta.url);
    if (existsSync(fileURLToPath(dist))) return dist;
  }
  return null;
}

/** Appends a worker's rows to the main parser: dictionaries re-interned, codes remapped, counts added. */
function appendRange(main: RangeParser, r: WorkerResult): void {
  const need = main.n + r.n;
  if (need > main.cap) {
    main.codes = main.codes.map((a) => (a.length === 0 ? a : copyInto(new Int32Array(need), a, main.n)));
    main.values = main.values.map((a) => (a.length === 0 ? a : copyInto(new Float64Array(need), a, main.n)));
    main.cap = need;
  }
  const n0 = main.n;
  const nc = main.plan.columns.length;
  for (let j = 0; j < nc; j++) {
    const keys = r.keys[j];
    if (keys) {
      const interner = main.interners[j];
      if (!interner) throw new Error('scanColumns: worker and main plans differ');
      const remap = new Int32Array(keys.size);
      for (let k = 0; k < keys.size; k++) remap[k] = interner.intern(keys.arena, keys.starts[k], keys.starts[k] + keys.lens[k]);
      const src = r.codes[j];
      const dst = main.codes[j];
      for (let i = 0; i < r.n; i++) {
        const c = src[i];
        dst[n0 + i] = c < 0 ? -1 : remap[c];
      }
    } else {
      main.values[j].set(r.values[j].subarray(0, r.n), n0);
    }
  }
  const lineBase = main.line;
  for (const f of r.first) if (main.first.length < main.plan.maxIssues) main.first.push({ ...f, line: f.line + lineBase });
  for (const l of r.raggedLines) if (main.raggedLines.length < main.plan.maxIssues) main.raggedLines.push(l + lineBase);
  for (let k = 0; k < r.issueCounts.length; k++) main.issueCounts[k] += r.issueCounts[k];
  for (let j = 0; j < nc; j++) main.flags[j] |= r.flags[j];
  main.n = need;
  main.line += r.line;
  main.blank += r.blank;
  main.cells += r.cells;
  main.rowsWithIssues += r.rowsWithIssues;
  main.ragged += r.ragged;
}

function copyInto<T extends Int32Array | Float64Array>(dst: T, src: T, n: number): T {
  dst.set(src.subarray(0, n) as never);
  return dst;
}

function buildResult(main: RangeParser, sn: ReturnType<typeof sniff>, plan: ParsePlan, file: string, threads: number, seconds: number): ScanResult {
  const n = main.n;
  const warnings: string[] = [];
  const columns: Record<string, ScannedColumn> = {};
  const byColumn: Record<string, Record<string, number>> = {};
  plan.columns.forEach((c, j) => {
    const counts: Record<string, number> = {};
    REASONS.forEach((reason, k) => {
      const v = main.issueCounts[j * REASONS.length + k];
      if (v > 0) counts[reason] = v;
    });
    byColumn[c.name] = counts;
    if (c.kind === K_FACTOR) {
      const interner = main.interners[j];
      if (!interner) throw new Error('scanColumns: missing dictionary');
      const { strings, repaired } = decodeKeys(interner.exportKeys(), sn.encoding);
      columns[c.name] = { type: c.type === 'id' ? 'id' : 'categorical', name: c.name, codes: trim(main.codes[j], n), dictionary: strings, ...(repaired.length > 0 ? { repaired } : {}) };
    } else if (c.kind === K_NUMBER) {
      const f = main.flags[j];
      const marks: ('.' | ',')[] = [];
      if (f & 1) marks.push('.');
      if (f & 2) marks.push(',');
      if (marks.length === 2) warnings.push(`column "${c.name}": both "." and "," are used as decimal marks; check that neither is a thousands separator`);
      columns[c.name] = { type: 'number', name: c.name, values: trim(main.values[j], n), decimalMarks: marks };
    } else {
      const f = main.flags[j];
      const formats = DATE_FORMATS.filter((_, k) => (f & (1 << k)) !== 0) as string[];
      columns[c.name] = { type: 'date', name: c.name, values: trim(main.values[j], n), unit: c.ms ? 'ms' : 'days', formats };
    }
  });
  const lineOf = (rel: number): number => sn.headerLines + rel + 1;
  return {
    file,
    encoding: sn.encoding,
    bom: sn.bom,
    separator: sn.separator,
    decimal: sn.decimal,
    headerLines: sn.headerLines,
    header: sn.header,
    rows: n,
    blankLines: main.blank,
    columns,
    issues: {
      cells: main.cells,
      rows: main.rowsWithIssues,
      byColumn,
      first: main.first.map((f) => ({ line: lineOf(f.line), column: plan.columns[f.col].name, value: f.value, reason: REASONS[f.reason] })),
    },
    raggedRows: { count: main.ragged, firstLines: main.raggedLines.map(lineOf) },
    threads,
    seconds,
    warnings,
  };
}

function trim<T extends Int32Array | Float64Array>(a: T, n: number): T {
  // Keep the buffer when little is wasted (no copy); copy when the estimate was generous.
  if (a.length - n <= Math.max(1024, n >> 4)) return a.subarray(0, n) as T;
  return a.slice(0, n) as T;
}
