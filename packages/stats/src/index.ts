export { rng } from './rng.js';
export type { Rng } from './rng.js';
export * from './distributions/index.js';
