import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

it('importing @satlab/data does not load danfojs-node (it pulls TensorFlow)', async () => {
  const mod = await import('@satlab/data');
  expect(typeof mod.loadTable).toBe('function');
  const cache = createRequire(import.meta.url).cache;
  expect(Object.keys(cache).filter((k) => k.includes('danfojs') || k.includes('tensorflow'))).toEqual([]);
});
