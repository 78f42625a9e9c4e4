import { createRequire } from 'node:module';

/** The part of danfojs-node used here. */
export interface DanfoModule {
  DataFrame: new (data: Record<string, unknown[]>, options?: { columns?: string[]; dtypes?: string[] }) => unknown;
}

let danfo: DanfoModule | undefined;
/** Loads danfojs-node on first use (about a second: it pulls TensorFlow.js), never at import time. */
export function loadDanfo(): DanfoModule {
  if (!danfo) danfo = createRequire(import.meta.url)('danfojs-node') as DanfoModule;
  return danfo;
}
