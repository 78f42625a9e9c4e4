export type { CellKind, PresentedColumn, PresentedCell, PresentedTable, Presentation } from './types.js';
