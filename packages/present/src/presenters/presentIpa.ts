import { formatNumber } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { IpaQuadrant, IpaRatingsAttribute, IpaRatingsResult, IpaResult } from '@satlab/survey';
import { cell, col, interval, list, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedColumn, PresentedTable } from '../types.js';

const W = {
  en: {
    title: 'Importance × satisfaction matrix (Martilla & James 1977)',
    quadrant: { concentrate: 'concentrate here', 'keep-up': 'keep up the good work', 'low-priority': 'low priority', overkill: 'possible overkill' } as Record<IpaQuadrant, string>,
    cutRule: (r: string): string => r,
    cutoffs: (rule: string, s: string, i: string): string => `Cutoffs (${rule}): satisfaction ${s}, importance ${i}`,
    axis: { stated: 'stated (mean rating)', 'derived-correlation': 'derived (correlation with overall satisfaction)', supplied: 'supplied' },
    importance: 'Importance',
    table: 'Attributes by priority',
    cols: { rank: 'rank', name: 'attribute', n: 'n', sat: 'satisfaction', satCi: 'satisf. CI', imp: 'importance', impCi: 'import. CI', quadrant: 'quadrant', score: 'score', uncertain: 'uncertain' },
    yes: 'yes',
    compare: 'Stated and derived importance side by side',
    cmp: { name: 'attribute', stated: 'stated', rank: 'rank', derived: 'derived (r)', qs: 'quadrant (stated)', qd: 'quadrant (derived)' },
    priorities: (p: string): string => `Priorities (most urgent first): ${p}.`,
    concentrate: (names: string): string => `Improve first: ${names} (important to customers, below the satisfaction cutoff).`,
    none: 'No attribute falls in the "concentrate here" quadrant.',
    rule: (std: boolean): string =>
      `Rule: quadrants in the order concentrate, keep-up, low-priority, overkill; within a quadrant, score = (importance − cutoff) − (satisfaction − cutoff)${std ? ', each deviation divided by the standard deviation of the attributes on its axis' : ''}, largest first.`,
  },
  fr: {
    title: 'Matrice importance × satisfaction (Martilla & James 1977)',
    quadrant: { concentrate: 'à améliorer en priorité', 'keep-up': 'points forts à maintenir', 'low-priority': 'faible priorité', overkill: 'effort peut-être excessif' } as Record<IpaQuadrant, string>,
    cutRule: (r: string): string =>
      ({ 'mean of the attribute means': 'moyenne des moyennes', 'median of the attribute means': 'médiane des moyennes', 'midpoint of the rating scale': 'milieu de l’échelle', 'given values': 'valeurs données' })[r] ?? r,
    cutoffs: (rule: string, s: string, i: string): string => `Seuils (${rule}) : satisfaction ${s}, importance ${i}`,
    axis: { stated: 'déclarée (moyenne des notes)', 'derived-correlation': 'déduite (corrélation avec la satisfaction globale)', supplied: 'fournie' },
    importance: 'Importance',
    table: 'Critères par ordre de priorité',
    cols: { rank: 'rang', name: 'critère', n: 'n', sat: 'satisfaction', satCi: 'IC satisf.', imp: 'importance', impCi: 'IC import.', quadrant: 'quadrant', score: 'score', uncertain: 'incertain' },
    yes: 'oui',
    compare: 'Importance déclarée et déduite côte à côte',
    cmp: { name: 'critère', stated: 'déclarée', rank: 'rang', derived: 'déduite (r)', qs: 'quadrant (déclarée)', qd: 'quadrant (déduite)' },
    priorities: (p: string): string => `Priorités (la plus urgente d’abord) : ${p}.`,
    concentrate: (names: string): string => `À améliorer d’abord : ${names} (importants pour les clients, sous le seuil de satisfaction).`,
    none: 'Aucun critère dans le quadrant « à améliorer en priorité ».',
    rule: (std: boolean): string =>
      `Règle : quadrants dans l’ordre « à améliorer en priorité », « points forts », « faible priorité », « effort excessif » ; dans un quadrant, score = (importance − seuil) − (satisfaction − seuil)${std ? ', chaque écart divisé par l’écart-type des critères sur son axe' : ''}, le plus grand d’abord.`,
  },
};

function isRatings(r: IpaResult | IpaRatingsResult): r is IpaRatingsResult {
  return 'importanceAxis' in r;
}

function mainTable(r: IpaResult | IpaRatingsResult, lang: Lang): PresentedTable {
  const w = W[lang];
  const ratings = isRatings(r);
  const impDigits = ratings && r.importanceAxis !== 'stated' ? 3 : 2;
  const c = w.cols;
  const columns: PresentedColumn[] = [col('rank', c.rank, 'count'), col('name', c.name, 'label')];
  if (ratings) columns.push(col('n', c.n, 'count'));
  columns.push(col('satisfaction', c.sat, 'mean'));
  if (ratings) columns.push(col('satisfactionCI', c.satCi, 'interval'));
  columns.push(col('importance', c.imp, 'number', impDigits));
  if (ratings) columns.push(col('importanceCI', c.impCi, 'interval'));
  columns.push(col('quadrant', c.quadrant, 'text'), col('priorityScore', c.score, 'mean'));
  if (ratings) columns.push(col('uncertain', c.uncertain, 'text'));
  const rows = [...r.attributes]
    .sort((a, b) => a.priorityRank - b.priorityRank)
    .map((a) => {
      const row: PresentedCell[] = [cell(a.priorityRank, 'count', lang), text(a.name)];
      const ra = a as IpaRatingsAttribute;
      if (ratings) row.push(cell(ra.nSatisfaction, 'count', lang));
      row.push(cell(a.satisfaction, 'mean', lang));
      if (ratings) row.push(interval(ra.satisfactionCI, 'mean', lang));
      row.push(cell(a.importance, 'number', lang, { digits: impDigits }));
      if (ratings) row.push(ra.importanceCI ? interval(ra.importanceCI, 'number', lang, impDigits) : text(''));
      row.push(text(w.quadrant[a.quadrant]), cell(a.priorityScore, 'mean', lang));
      if (ratings) row.push(text(ra.uncertain ? w.yes : ''));
      return row;
    });
  return { id: 'attributes', title: w.table, columns, rows, rowHeader: false };
}

/**
 * An importance × satisfaction matrix (from aggregate means or from respondent ratings) for
 * people: the cutoffs, the attributes ranked by priority with their quadrant and score (and
 * their intervals from ratings), stated vs derived importance side by side when both exist, and
 * a reading naming what to improve first.
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
 */
export function presentIpa(r: IpaResult | IpaRatingsResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const f3 = (x: number): string => formatNumber(x, lang, 3, 3);
  const tables = [mainTable(r, lang)];
  let subtitle = w.cutoffs(w.cutRule(r.cutoffRule), f3(r.satisfactionCutoff), f3(r.importanceCutoff));
  if (isRatings(r)) {
    subtitle += `${lang === 'fr' ? ' ; ' : '; '}${w.importance}${lang === 'fr' ? ' : ' : ': '}${w.axis[r.importanceAxis]}`;
    if (r.comparison) {
      const c = w.cmp;
      tables.push({
        id: 'comparison',
        title: w.compare,
        columns: [col('name', c.name, 'label'), col('stated', c.stated, 'mean'), col('statedRank', c.rank, 'count'), col('derived', c.derived, 'number', 3), col('derivedRank', c.rank, 'count'), col('quadrantStated', c.qs, 'text'), col('quadrantDerived', c.qd, 'text')],
        rows: r.comparison.map((x) => [text(x.name), cell(x.statedImportance, 'mean', lang), cell(x.statedRank, 'count', lang), cell(x.derivedImportance, 'number', lang, { digits: 3 }), cell(x.derivedRank, 'count', lang), text(w.quadrant[x.quadrantStated]), text(w.quadrant[x.quadrantDerived])]),
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
