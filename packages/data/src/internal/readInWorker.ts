import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { msg } from '../messages.js';

/** What the reader worker is asked to read. */
export interface ReaderJob {
  kind: 'sav' | 'parquet';
  path: string;
}

/** One SPSS variable's dictionary entry. */
export interface SavVariable {
  name: string;
  label?: string;
  kind: 'numeric' | 'string' | 'date';
  /** Print format (F, A, DATE, ADATE, …). */
  format: string;
  /** Discrete user-missing values. */
  missing: number[];
  /** True when the variable declares a range of user-missing values (not applied: reported). */
  missingRange: boolean;
  /** Value labels: [value, label]. */
  labels: [number | string, string][];
}

/** Columns as text cells ('' = system-missing / null), with the SPSS dictionary when there is one. */
export interface TextColumns {
  header: string[];
  columns: string[][];
  vars?: SavVariable[];
  encoding?: string;
}

/** The worker's answer. */
export type ReaderReply = { ok: true; result: TextColumns } | { ok: false; message: string };

function workerUrl(): URL | null {
  const here = new URL('./readerWorker.js', import.meta.url);
  if (here.protocol === 'file:' && existsSync(fileURLToPath(here))) return here;
  if (import.meta.url.endsWith('.ts')) {
    const dist = new URL('../../dist/internal/readerWorker.js', import.meta.url);
    if (existsSync(fileURLToPath(dist))) return dist;
  }
  return null;
}

/**
 * Reads a `.sav` or Parquet file synchronously: the asynchronous reader (sav-reader, DuckDB)
 * runs in a worker thread while this thread waits on a shared flag (`Atomics.wait`), then takes
 * the columns from the message port (`receiveMessageOnPort`). This keeps one synchronous loader
 * for every format, usable from the CLI and from notebooks through `require`.
 *
 * @throws {InputError} the reader failed (the file is named; the reader's first line says why).
 */
export function readInWorker(job: ReaderJob, file: string, timeoutMs = 300_000): TextColumns {
  const url = workerUrl();
  if (!url) throw new Error('@satlab/data: the compiled reader worker (dist/internal/readerWorker.js) is missing: run pnpm build');
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(url, { workerData: { job, port: port2, flag }, transferList: [port2] });
  try {
    const waited = Atomics.wait(new Int32Array(flag), 0, 0, timeoutMs);
    const m = receiveMessageOnPort(port1);
    if (!m) throw new InputError(msg.readerFailed({ kind: job.kind, why: waited === 'timed-out' ? `no answer in ${timeoutMs / 1000} s` : 'the reader stopped' }), { file });
    const reply = m.message as ReaderReply;
    if (!reply.ok) throw new InputError(msg.readerFailed({ kind: job.kind, why: reply.message }), { file });
    return reply.result;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
