import { formatNumber } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { IpaRatingsAttribute, IpaRatingsResult, IpaResult } from '@satlab/survey';
import { cell, col, interval, list, quote, renderWarnings, text } from '../cells.js';
import { IPA_QUADRANTS, ipaQuadrantName } from '../ipaQuadrantName.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedColumn, PresentedTable } from '../types.js';

const W = {
  en: {
    title: 'Importance × satisfaction matrix (Martilla & James 1977)',
    cutRule: (r: string): string => r,
    cutoffs: (rule: string, s: string, i: string): string => `Cutoffs (${rule}): satisfaction ${s}, importance ${i}`,
    axis: { stated: 'stated (mean rating)', 'derived-correlation': 'derived (correlation with overall satisfaction)', supplied: 'supplied' },
    importance: 'Importance',
    table: 'Attributes by priority',
    cols: { rank: 'rank', name: 'attribute', n: 'n', sat: 'satisfaction', imp: 'importance', quadrant: 'quadrant', score: 'score', uncertain: 'uncertain quadrant' },
    ci: (what: 'satisf.' | 'import.', level: string): string => `${what} ${level} CI`,
    bounds: (what: 'satisf.' | 'import.', level: string, hi: boolean): string => `${what} ${level} CI ${hi ? 'high' : 'low'}`,
    yes: 'yes',
    compare: 'Stated and derived importance side by side',
    cmp: { name: 'attribute', stated: 'stated', rank: 'rank', derived: 'derived (r)', qs: 'quadrant (stated)', qd: 'quadrant (derived)' },
    priorities: (p: string): string => `Priorities (most urgent first): ${p}.`,
    concentrate: (names: string): string => `Improve first: ${names} (important to customers, below the satisfaction cutoff).`,
    none: `No attribute falls in the “${ipaQuadrantName('concentrate', 'en')}” quadrant.`,
    rule: (std: boolean): string =>
      `Rule: quadrants in the order ${IPA_QUADRANTS.map((q) => `“${ipaQuadrantName(q, 'en')}”`).join(', ')}; within a quadrant, score = (importance − cutoff) − (satisfaction − cutoff)${std ? ', each deviation divided by the standard deviation of the attributes on its axis' : ''}, largest first.`,
  },
  fr: {
    title: 'Matrice importance × satisfaction (Martilla & James 1977)',
    cutRule: (r: string): string =>
      ({ 'mean of the attribute means': 'moyenne des moyennes', 'median of the attribute means': 'médiane des moyennes', 'midpoint of the rating scale': 'milieu de l’échelle', 'given values': 'valeurs données' })[r] ?? r,
    cutoffs: (rule: string, s: string, i: string): string => `Seuils (${rule}) : satisfaction ${s}, importance ${i}`,
    axis: { stated: 'déclarée (moyenne des notes)', 'derived-correlation': 'déduite (corrélation avec la satisfaction globale)', supplied: 'fournie' },
    importance: 'Importance',
    table: 'Critères par ordre de priorité',
    cols: { rank: 'rang', name: 'critère', n: 'n', sat: 'satisfaction', imp: 'importance', quadrant: 'quadrant', score: 'score', uncertain: 'quadrant incertain' },
    ci: (what: 'satisf.' | 'import.', level: string): string => `IC ${level} ${what}`,
    bounds: (what: 'satisf.' | 'import.', level: string, hi: boolean): string => `IC ${level} ${what} ${hi ? 'haut' : 'bas'}`,
    yes: 'oui',
    compare: 'Importance déclarée et déduite côte à côte',
    cmp: { name: 'critère', stated: 'déclarée', rank: 'rang', derived: 'déduite (r)', qs: 'quadrant (déclarée)', qd: 'quadrant (déduite)' },
    priorities: (p: string): string => `Priorités (la plus urgente d’abord) : ${p}.`,
    concentrate: (names: string): string => `À améliorer d’abord : ${names} (importants pour les clients, sous le seuil de satisfaction).`,
    none: `Aucun critère dans le quadrant «\u00a0${ipaQuadrantName('concentrate', 'fr')}\u00a0».`,
    rule: (std: boolean): string =>
      `Règle : quadrants dans l’ordre ${IPA_QUADRANTS.map((q) => `«\u00a0${ipaQuadrantName(q, 'fr')}\u00a0»`).join(', ')} ; dans un quadrant, score = (importance − seuil) − (satisfaction − seuil)${std ? ', chaque écart divisé par l’écart-type des critères sur son axe' : ''}, le plus grand d’abord.`,
  },
};

function isRatings(r: IpaResult | IpaRatingsResult): r is IpaRatingsResult {
  return 'importanceAxis' in r;
}

/** Options of {@link presentIpa}. */
export interface IpaPresentOptions extends PresentOptions {
  /** Show the priority score column (default true). */
  score?: boolean;
  /**
   * How the confidence intervals of ratings are shown: `'text'` (default) one `[lo ; hi]` cell
   * each, as people read them; `'bounds'` the lower and upper bounds as numbers in their own
   * columns (for a workbook, where each cell keeps its number format).
   */
  intervals?: 'text' | 'bounds';
  /** Header of the attribute column (default "attribute" / « critère »). */
  itemHeader?: string;
}

function mainTable(r: IpaResult | IpaRatingsResult, lang: Lang, opts: IpaPresentOptions): PresentedTable {
  const w = W[lang];
  const ratings = isRatings(r);
  const impDigits = ratings && r.importanceAxis !== 'stated' ? 3 : 2;
  const bounds = opts.intervals === 'bounds';
  const score = opts.score !== false;
  const level = ratings ? `${formatNumber(100 * r.confidence, lang, 1, 0)}${lang === 'fr' ? '\u00a0%' : '%'}` : '';
  const c = w.cols;
  const columns: PresentedColumn[] = [col('rank', c.rank, 'count'), col('name', opts.itemHeader ?? c.name, 'label')];
  if (ratings) columns.push(col('n', c.n, 'count'));
  columns.push(col('satisfaction', c.sat, 'mean'));
  if (ratings) columns.push(...(bounds ? [col('satisfactionLower', w.bounds('satisf.', level, false), 'mean'), col('satisfactionUpper', w.bounds('satisf.', level, true), 'mean')] : [col('satisfactionCI', w.ci('satisf.', level), 'interval')]));
  columns.push(col('importance', c.imp, 'number', impDigits));
  if (ratings) columns.push(...(bounds ? [col('importanceLower', w.bounds('import.', level, false), 'number', impDigits), col('importanceUpper', w.bounds('import.', level, true), 'number', impDigits)] : [col('importanceCI', w.ci('import.', level), 'interval')]));
  columns.push(col('quadrant', c.quadrant, 'text'));
  if (score) columns.push(col('priorityScore', c.score, 'mean'));
  if (ratings) columns.push(col('uncertain', c.uncertain, 'text'));
  const rows = [...r.attributes]
    .sort((a, b) => a.priorityRank - b.priorityRank)
    .map((a) => {
      const row: PresentedCell[] = [cell(a.priorityRank, 'count', lang), text(a.name)];
      const ra = a as IpaRatingsAttribute;
      if (ratings) row.push(cell(ra.nSatisfaction, 'count', lang));
      row.push(cell(a.satisfaction, 'mean', lang));
      if (ratings) row.push(...(bounds ? [cell(ra.satisfactionCI[0], 'mean', lang), cell(ra.satisfactionCI[1], 'mean', lang)] : [interval(ra.satisfactionCI, 'mean', lang)]));
      row.push(cell(a.importance, 'number', lang, { digits: impDigits }));
      if (ratings) {
        const ci = ra.importanceCI;
        if (bounds) row.push(cell(ci?.[0], 'number', lang, { digits: impDigits }), cell(ci?.[1], 'number', lang, { digits: impDigits }));
        else row.push(ci ? interval(ci, 'number', lang, impDigits) : text(''));
      }
      row.push(text(ipaQuadrantName(a.quadrant, lang)));
      if (score) row.push(cell(a.priorityScore, 'mean', lang));
      if (ratings) row.push(text(ra.uncertain ? w.yes : ''));
      return row;
    });
  return { id: 'attributes', title: w.table, columns, rows, rowHeader: false };
}

/**
 * An importance × satisfaction matrix (from aggregate means or from respondent ratings) for
 * people: the cutoffs, the attributes ranked by priority with their quadrant and score (and
 * their intervals from ratings), stated vs derived importance side by side when both exist, and
 * a reading naming what to improve first. Quadrants are named by {@link ipaQuadrantName}, as the
 * IPA chart names them. `score: false` leaves the priority score out (the report does);
 * `intervals: 'bounds'` gives each interval bound its own numeric column (the report's workbook).
 *
 * @example
 * import { ipaMatrix } from '@satlab/survey';
 * const r = ipaMatrix([
 *   { name: 'Accueil', satisfaction: 3.1, importance: 3.8 }, { name: 'Délais', satisfaction: 2.4, importance: 3.6 },
 *   { name: 'Prix', satisfaction: 2.9, importance: 2.5 }, { name: 'Site web', satisfaction: 3.4, importance: 2.2 },
 * ]);
 * presentIpa(r, { lang: 'fr' }).reading;
 * //=> ['À améliorer d’abord : « Délais » (importants pour les clients, sous le seuil de satisfaction).',
 * //    'Priorités (la plus urgente d’abord) : Délais > Accueil > Prix > Site web.']
 * presentIpa(r, { lang: 'fr', score: false }).tables[0].rows[0].map((c) => c.t);
 * //=> ['1', 'Délais', '2,40', '3,60', 'À améliorer en priorité']
 */
export function presentIpa(r: IpaResult | IpaRatingsResult, opts: IpaPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const f3 = (x: number): string => formatNumber(x, lang, 3, 3);
  const tables = [mainTable(r, lang, opts)];
  let subtitle = w.cutoffs(w.cutRule(r.cutoffRule), f3(r.satisfactionCutoff), f3(r.importanceCutoff));
  if (isRatings(r)) {
    subtitle += `${lang === 'fr' ? ' ; ' : '; '}${w.importance}${lang === 'fr' ? ' : ' : ': '}${w.axis[r.importanceAxis]}`;
    if (r.comparison) {
      const c = w.cmp;
      tables.push({
        id: 'comparison',
        title: w.compare,
        columns: [col('name', c.name, 'label'), col('stated', c.stated, 'mean'), col('statedRank', c.rank, 'count'), col('derived', c.derived, 'number', 3), col('derivedRank', c.rank, 'count'), col('quadrantStated', c.qs, 'text'), col('quadrantDerived', c.qd, 'text')],
        rows: r.comparison.map((x) => [text(x.name), cell(x.statedImportance, 'mean', lang), cell(x.statedRank, 'count', lang), cell(x.derivedImportance, 'number', lang, { digits: 3 }), cell(x.derivedRank, 'count', lang), text(ipaQuadrantName(x.quadrantStated, lang)), text(ipaQuadrantName(x.quadrantDerived, lang))]),
      });
    }
  }
  const conc = r.quadrants.concentrate ?? [];
  return {
    kind: 'ipa',
    lang,
    title: opts.labels?.title ?? w.title,
    subtitle,
    tables,
    reading: [conc.length ? w.concentrate(list(conc.map((n) => quote(n, lang)), lang)) : w.none, w.priorities(r.priorities.join(' > '))],
    footnotes: [w.rule(r.priorityUnits === 'standardised')],
    warnings: renderWarnings(r.warnings, lang),
  };
}
