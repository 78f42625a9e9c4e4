/**
 * Worker-thread entry of the fast scanner: parses one byte range of the file and sends the typed
 * arrays, its local dictionaries (as bytes) and its counts home; `scanColumns` merges them.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsePlan } from './parser.js';
import { RangeParser } from './parser.js';
import { readRange } from './readRange.js';

/** The job a worker receives. */
export interface WorkerJob {
  path: string;
  plan: ParsePlan;
  start: number;
  stopAt: number;
  fileSize: number;
  chunkSize: number;
  capacity: number;
  expectedKeys: number;
  /** Shared progress counters in KiB, one slot per range. */
  progress: SharedArrayBuffer;
  slot: number;
}

/** What a worker sends back (also what the main thread's own range looks like when merged). */
export interface WorkerResult {
  start: number;
  end: number;
  n: number;
  line: number;
  blank: number;
  cells: number;
  rowsWithIssues: number;
  issueCounts: Int32Array;
  first: { line: number; col: number; value: string; reason: number }[];
  ragged: number;
  raggedLines: number[];
  flags: Int32Array;
  codes: Int32Array[];
  values: Float64Array[];
  keys: ({ arena: Uint8Array; starts: Int32Array; lens: Int32Array; size: number } | null)[];
}

/** Parses one range (exported for tests; the worker calls it on its message). */
export function runJob(job: WorkerJob): WorkerResult {
  const fd = openSync(job.path, 'r');
  try {
    const parser = new RangeParser(job.plan, job.capacity, job.expectedKeys);
    const prog = new Int32Array(job.progress);
    const end = readRange(fd, parser, job.start, job.stopAt, job.fileSize, job.chunkSize, (pos) => Atomics.store(prog, job.slot, Math.floor((pos - job.start) / 1024)));
    return {
      start: job.start,
      end,
      n: parser.n,
      line: parser.line,
      blank: parser.blank,
      cells: parser.cells,
      rowsWithIssues: parser.rowsWithIssues,
      issueCounts: parser.issueCounts,
      first: parser.first,
      ragged: parser.ragged,
      raggedLines: parser.raggedLines,
      flags: parser.flags,
      codes: parser.codes,
      values: parser.values,
      keys: parser.interners.map((i) => (i ? i.exportKeys() : null)),
    };
  } finally {
    closeSync(fd);
  }
}

if (parentPort && (workerData as { satlabScan?: boolean } | null)?.satlabScan === true) {
  const port = parentPort;
  port.on('message', (job: WorkerJob) => {
    try {
      const r = runJob(job);
      const transfer: ArrayBuffer[] = [];
      for (const a of [...r.codes, ...r.values]) if (a.length > 0) transfer.push(a.buffer as ArrayBuffer);
      for (const k of r.keys) if (k) transfer.push(k.arena.buffer as ArrayBuffer, k.starts.buffer as ArrayBuffer, k.lens.buffer as ArrayBuffer);
      port.postMessage({ ok: true, result: r }, transfer);
    } catch (err) {
      port.postMessage({ ok: false, error: String((err as Error).stack ?? err) });
    }
  });
}
