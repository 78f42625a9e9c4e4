import type { Message } from '@satlab/messages';
import type { Column, ColumnSpec, ColumnType } from '../types.js';
import type { BuildContext } from './columns.js';
import { buildDate, buildFactor, buildNumeric, buildText } from './columns.js';
import { inferColumn } from './infer.js';

/** Builds one column from its cells: by its declaration when there is one, else inferred. */
export function assembleColumn(
  name: string,
  cells: readonly string[],
  spec: ColumnSpec | undefined,
  ctx: BuildContext,
  inferred: { column: string; type: ColumnType; reason: Message }[],
): Column {
  if (!spec) {
    const inf = inferColumn(name, cells, ctx);
    inferred.push({ column: name, type: inf.type, reason: inf.reason });
    return { name, ...inf.column, inferred: true } as Column;
  }
  let built: Omit<Column, 'name' | 'label' | 'inferred'>;
  switch (spec.type) {
    case 'numeric':
      built = buildNumeric(name, cells, spec, ctx);
      break;
    case 'ordinal':
    case 'categorical':
      built = buildFactor(name, cells, spec, ctx, { declared: true });
      break;
    case 'date':
      built = buildDate(name, cells, spec, ctx);
      break;
    case 'id':
    case 'text':
      built = buildText(name, cells, spec, ctx);
      break;
  }
  const col = { name, ...built, inferred: false } as Column;
  if (spec.label !== undefined) col.label = spec.label;
  return col;
}
