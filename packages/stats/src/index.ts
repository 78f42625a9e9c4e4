export { rng } from './rng.js';
export type { Rng } from './rng.js';
