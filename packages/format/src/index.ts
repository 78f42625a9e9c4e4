export { formatNumber, formatPercent, formatPValue, formatCount, formatEuro, formatScientific } from './number.js';
export type { Lang } from './number.js';
export { textTable, escapeHtml } from './table.js';
export type { Align } from './table.js';
