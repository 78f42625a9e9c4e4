/**
 * `@satlab/data/scan`: the fast column scanner alone, for commands that must start quickly
 * (it loads no CSV/YAML parser). Everything here is also exported from `@satlab/data`.
 */
export { scanColumns, scanColumnsSync, scanHeader } from './scanColumns.js';
export type { ScanColumnSpec, ScanColumnType, ScanOptions, ScanResult, ScannedColumn, ScannedFactor, ScannedNumber, ScannedDate, ScanIssue } from './types.js';
export { InputError } from '../errors.js';
export { checkFile } from '../internal/source.js';
