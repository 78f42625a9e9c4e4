import type { Lang } from '@satlab/format';
import { formatPercent } from '@satlab/format';
import { cell, col, quote, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedColumn, PresentedTable } from '../types.js';

/** Comments counted by theme of a keyword lexicon (the barometer report's verbatim section). */
export interface VerbatimThemeCounts {
  /** Non-blank comments. */
  readonly total: number;
  /** Per theme, in the lexicon's order: comments mentioning it (a comment may count in several) and, of those, comments by dissatisfied respondents. */
  readonly themes: readonly { readonly name: string; readonly count: number; readonly dissatisfied: number }[];
  /** Comments in no theme, and of those by dissatisfied respondents. */
  readonly unclassified: { readonly count: number; readonly dissatisfied: number };
  /** The comments themselves, for a listing (file order): text, theme names, segment, score, 1-based row. */
  readonly comments?: readonly { readonly text: string; readonly themes: readonly string[]; readonly segment?: string | null; readonly score?: number | null; readonly row: number }[];
}

/** Options of {@link presentVerbatimThemes}. */
export interface VerbatimThemesPresentOptions extends PresentOptions {
  /** Header of the comments' segment column (default "segment"). */
  segmentHeader?: string;
  /** Header of the comments' score column (default "score" / « note »). */
  scoreHeader?: string;
}

const W = {
  en: {
    title: 'Verbatims by theme',
    cols: { theme: 'Theme', comments: 'Comments', share: 'Share', diss: 'of which dissatisfied', comment: 'Comment', themes: 'Themes', segment: 'Segment', score: 'Score', row: 'Row' },
    unclassified: 'Unclassified',
    listing: 'Comments',
    top: (name: string, share: string): string => `The theme mentioned most: ${name} (${share} of the comments).`,
    rest: (share: string): string => `${share} of the comments fall in no theme.`,
    none: 'No comment.',
    note: 'A comment may mention several themes: the shares do not add up to 100%. “Of which dissatisfied”: share of the theme’s comments written by dissatisfied respondents.',
  },
  fr: {
    title: 'Verbatims par thème',
    cols: { theme: 'Thème', comments: 'Commentaires', share: 'Part', diss: 'dont insatisfaits', comment: 'Commentaire', themes: 'Thèmes', segment: 'Segment', score: 'Note', row: 'Ligne' },
    unclassified: 'Non classés',
    listing: 'Commentaires',
    top: (name: string, share: string): string => `Thème le plus cité : ${name} (${share} des commentaires).`,
    rest: (share: string): string => `${share} des commentaires ne relèvent d’aucun thème.`,
    none: 'Aucun commentaire.',
    note: 'Un commentaire peut relever de plusieurs thèmes : les parts ne s’additionnent pas à 100 %. « Dont insatisfaits » : part des commentaires du thème écrits par des répondants insatisfaits.',
  },
};

/**
 * Comments counted by theme for people: one row per theme (comments, share of all comments, share
 * of them written by dissatisfied respondents), the unclassified comments last, a reading naming
 * the theme mentioned most; with `comments`, a second table lists them (theme names, segment,
 * score, row). The counting is the caller's (the report matches its lexicon's keywords at the
 * start of a word); this presenter only lays it out, the same for the page, the workbook and the
 * deck. Comment texts are cell texts: the renderers escape them.
 *
 * @param r counts: `total` (non-blank comments), `themes`, `unclassified`, optional `comments`
 * @param opts `lang`, `labels.title`, `segmentHeader`, `scoreHeader`
 * @example
 * const p = presentVerbatimThemes({ total: 8, themes: [{ name: 'Délais', count: 5, dissatisfied: 4 }, { name: 'Prix', count: 2, dissatisfied: 0 }], unclassified: { count: 2, dissatisfied: 1 } }, { lang: 'fr' });
 * p.tables[0].rows.map((r) => r.map((c) => c.t));
 * //=> [['Délais', '5', '62,5 %', '80,0 %'], ['Prix', '2', '25,0 %', '0,0 %'], ['Non classés', '2', '25,0 %', '50,0 %']]
 * p.reading; //=> ['Thème le plus cité : « Délais » (62,5 % des commentaires).', '25,0 % des commentaires ne relèvent d’aucun thème.']
 */
export function presentVerbatimThemes(r: VerbatimThemeCounts, opts: VerbatimThemesPresentOptions = {}): Presentation {
  const lang: Lang = langOf(opts);
  const w = W[lang];
  const c = w.cols;
  const share = (k: number, of: number): PresentedCell => (of > 0 ? cell(k / of, 'percent', lang, { digits: 1 }) : { v: null, t: '' });
  const row = (name: string, count: number, dissatisfied: number): PresentedCell[] => [text(name), cell(count, 'count', lang), share(count, r.total), share(dissatisfied, count)];
  const tables: PresentedTable[] = [
    {
      id: 'verbatim_themes',
      title: '',
      columns: [col('theme', c.theme, 'label'), col('comments', c.comments, 'count'), col('share', c.share, 'percent', 1), col('dissatisfied', c.diss, 'percent', 1)],
      rows: [...r.themes.map((t) => row(t.name, t.count, t.dissatisfied)), row(w.unclassified, r.unclassified.count, r.unclassified.dissatisfied)],
    },
  ];
  if (r.comments) {
    const seg = r.comments.some((x) => x.segment !== undefined);
    const columns: PresentedColumn[] = [col('verbatim', c.comment, 'text'), col('themes', c.themes, 'text'), ...(seg ? [col('segment', opts.segmentHeader ?? c.segment, 'text')] : []), col('score', opts.scoreHeader ?? c.score, 'count'), col('row', c.row, 'count')];
    const sep = lang === 'fr' ? ' ; ' : '; ';
    tables.push({
      id: 'verbatims',
      title: w.listing,
      columns,
      rows: r.comments.map((x) => [text(x.text), text(x.themes.join(sep)), ...(seg ? [text(x.segment ?? '')] : []), x.score === null || x.score === undefined || Number.isNaN(x.score) ? { v: null, t: '' } : cell(x.score, 'count', lang), cell(x.row, 'count', lang)]),
    });
  }
  const reading: string[] = [];
  if (r.total === 0) reading.push(w.none);
  else {
    const top = [...r.themes].sort((a, b) => b.count - a.count)[0];
    if (top && top.count > 0) reading.push(w.top(quote(top.name, lang), formatPercent(top.count / r.total, lang, 1)));
    if (r.unclassified.count > 0) reading.push(w.rest(formatPercent(r.unclassified.count / r.total, lang, 1)));
  }
  return { kind: 'verbatimThemes', lang, title: opts.labels?.title ?? w.title, tables, reading, footnotes: [w.note], warnings: [] };
}
