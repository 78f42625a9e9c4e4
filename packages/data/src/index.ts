export * from './types.js';
export { InputError } from './errors.js';
export type { InputLocation } from './errors.js';
