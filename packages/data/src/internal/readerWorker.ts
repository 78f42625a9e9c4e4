/**
 * Worker-thread side of `readInWorker`: reads an SPSS `.sav` file (with `sav-reader`) or a
 * Parquet file (with DuckDB), both asynchronous libraries, and sends back the columns as text
 * cells with the file's metadata; the main thread waits for it synchronously.
 */
import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import type { ReaderJob, ReaderReply, SavVariable, TextColumns } from './readInWorker.js';

const require = createRequire(import.meta.url);

/** Seconds from SPSS's epoch (1582-10-14) to 1970-01-01. */
const SPSS_EPOCH_OFFSET = 12219379200;

/** A date as the loader parses it: `YYYY-MM-DD` at midnight UTC, else ISO with Z. */
function isoDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
}

interface SavModule {
  SavFileReader: new (path: string) => {
    open(): Promise<void>;
    readAllRows(includeNulls?: boolean): Promise<Record<string, unknown>[]>;
    meta: {
      header: { n_cases: number; encoding?: string };
      sysvars: { name: string; type: number; label: string | null; missing: unknown; printFormat: { typestr: string } }[];
      valueLabels: { appliesToNames: string[]; entries: { val: unknown; label: string }[] }[];
    };
  };
}

const DATE_FORMATS = new Set(['DATE', 'ADATE', 'EDATE', 'JDATE', 'SDATE', 'DATETIME', 'YMDHMS', 'MOYR', 'QYR', 'WKYR']);

function missingCodes(m: unknown): number[] {
  if (m === null || m === undefined) return [];
  if (typeof m === 'number') return [m];
  if (Array.isArray(m)) return m.filter((x): x is number => typeof x === 'number');
  return [];
}

async function readSav(path: string): Promise<TextColumns> {
  const { SavFileReader } = require('sav-reader') as SavModule;
  const r = new SavFileReader(path);
  await r.open();
  const meta = r.meta;
  const rows = await r.readAllRows(true);
  const n = meta.header.n_cases >= 0 ? Math.min(meta.header.n_cases, rows.length) : rows.length;
  const vars: SavVariable[] = meta.sysvars.map((v) => {
    const labels: [number | string, string][] = [];
    for (const vl of meta.valueLabels) if (vl.appliesToNames.includes(v.name)) for (const e of vl.entries) labels.push([e.val as number | string, e.label]);
    const date = v.type === 0 && DATE_FORMATS.has(v.printFormat.typestr);
    const rangeMissing = typeof v.missing === 'object' && v.missing !== null && !Array.isArray(v.missing);
    return {
      name: v.name,
      label: v.label ?? undefined,
      kind: v.type === 1 ? 'string' : date ? 'date' : 'numeric',
      format: v.printFormat.typestr,
      missing: missingCodes(v.missing),
      missingRange: rangeMissing,
      labels,
    };
  });
  const columns = vars.map((v) => {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const x = rows[i][v.name];
      if (x === null || x === undefined) out[i] = '';
      else if (v.kind === 'date' && typeof x === 'number') out[i] = isoDate(Math.round((x - SPSS_EPOCH_OFFSET) * 1000));
      else out[i] = typeof x === 'number' ? String(x) : String(x).trimEnd();
    }
    return out;
  });
  return { header: vars.map((v) => v.name), columns, vars, encoding: meta.header.encoding };
}

async function readParquet(path: string): Promise<TextColumns> {
  const duck = (await import('@duckdb/node-api')) as typeof import('@duckdb/node-api');
  const instance = await duck.DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await instance.connect();
  try {
    const quoted = `'${path.replace(/'/g, "''")}'`;
    const names = (await con.runAndReadAll(`SELECT name FROM parquet_schema(${quoted}) WHERE num_children IS NULL OR num_children = 0`)).getRows().map((r) => String(r[0]));
    const reader = await con.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${quoted})`);
    const header = reader.columnNames();
    const rows = reader.getRows();
    const columns = header.map((_, j) => rows.map((r) => (r[j] === null || r[j] === undefined ? '' : String(r[j]))));
    return { header: header.length > 0 ? header : names, columns };
  } finally {
    con.closeSync();
  }
}

const { job, port, flag } = workerData as { job: ReaderJob; port: MessagePort; flag: SharedArrayBuffer };
const done = (reply: ReaderReply): void => {
  port.postMessage(reply);
  const f = new Int32Array(flag);
  Atomics.store(f, 0, 1);
  Atomics.notify(f, 0);
};
(job.kind === 'sav' ? readSav(job.path) : readParquet(job.path)).then(
  (result) => done({ ok: true, result }),
  (err: unknown) => done({ ok: false, message: err instanceof Error ? err.message.split('\n')[0] : String(err) }),
);
