import { formatCount } from '@satlab/format';
import type { Lang } from '@satlab/format';
import { col, text } from '../cells.js';
import { reasonsText } from '../reasons.js';
import type { PresentedCell, PresentedColumn, PresentedTable } from '../types.js';

/** Shared words of the by-segment indicators. */
export const SEG = {
  en: { all: 'all', excluded: 'excluded', unknown: (n: string): string => `Unknown segment: ${n} respondents (counted in "all" only).`, answersExcluded: (s: string): string => `Answers excluded: ${s}.`, ci: (c: string, how: string): string => `${c} CI${how ? ` (${how})` : ''}`, segment: 'segment' },
  fr: { all: 'ensemble', excluded: 'exclus', unknown: (n: string): string => `Segment inconnu : ${n} répondants (comptés dans l’ensemble seulement).`, answersExcluded: (s: string): string => `Réponses exclues : ${s}.`, ci: (c: string, how: string): string => `IC ${c}${how ? ` (${how})` : ''}`, segment: 'segment' },
};

/** A result with an overall summary and optional segment groups. */
export interface Segmented<S> {
  groups?: readonly (S & { name: string })[];
  unknownSegment?: number;
}

/**
 * The table of an indicator: "all" first (a total row when there are segments), then one row per
 * segment, with the columns `cols` filled by `row`.
 */
export function segmentTable<S>(id: string, title: string, r: S & Segmented<S>, by: string | undefined, lang: Lang, cols: PresentedColumn[], row: (g: S) => PresentedCell[]): PresentedTable {
  const w = SEG[lang];
  const rows: PresentedCell[][] = [];
  for (const g of r.groups ?? []) rows.push([text(g.name), ...row(g)]);
  rows.push([text(w.all), ...row(r)]);
  const hasGroups = (r.groups ?? []).length > 0;
  return {
    id,
    title,
    rowHeader: true,
    columns: [col('segment', by ?? (hasGroups ? w.segment : ''), 'label'), ...cols],
    rows,
    ...(hasGroups ? { totalRows: [rows.length - 1] } : {}),
  };
}

/** Footnotes about respondents set aside: unknown segment, answers excluded by reason. */
export function exclusionNotes(r: { unknownSegment?: number; excluded?: number; excludedByReason?: Readonly<Record<string, number>> }, lang: Lang): string[] {
  const w = SEG[lang];
  const out: string[] = [];
  if (r.excluded && r.excluded > 0 && r.excludedByReason && Object.keys(r.excludedByReason).length) out.push(w.answersExcluded(reasonsText(r.excludedByReason, lang)));
  if (r.unknownSegment) out.push(w.unknown(formatCount(r.unknownSegment, lang)));
  return out;
}
