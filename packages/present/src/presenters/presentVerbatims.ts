import type { Lang } from '@satlab/format';
import { formatCount, formatNumber, formatPercent } from '@satlab/format';
import type { Message } from '@satlab/messages';
import { cell, col, list, pText, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';

/** The parts of a `@satlab/text` `analyzeVerbatims` result this presenter reads (structural, so present does not depend on text). */
export interface VerbatimsLike {
  n: number;
  empty: number;
  missingScore: number;
  detractors: number;
  passives: number;
  promoters: number;
  scale: readonly [number, number] | readonly number[];
  low: number;
  high: number;
  detractorTerms: readonly TermLike[];
  promoterTerms: readonly TermLike[];
  themes: readonly {
    theme: string;
    label: { fr: string; en: string };
    n: number;
    share: number;
    shareDetractors: number;
    sharePromoters: number;
    pValue: number;
    pAdjusted: number;
    mark: string;
    meanScore: number;
    examples: readonly { text: string; score: number | null }[];
  }[];
  uncovered: number;
  segments?: { column: string; groups: readonly GroupLike[] };
  waves?: { column: string; groups: readonly GroupLike[] };
  options: { adjust: string; alpha: number; minCount: number };
  warnings: readonly (Message | string)[];
}
interface TermLike {
  term: string;
  label: string;
  n: number;
  detractors: number;
  promoters: number;
  shareDetractors: number;
  sharePromoters: number;
  logOdds: number;
  z: number;
}
interface GroupLike {
  name: string;
  n: number;
  detractorTerms?: readonly TermLike[];
  themes: readonly { theme: string; share: number; mark: string; pAdjusted: number }[];
}

const W = {
  en: {
    title: 'Verbatims: what detractors and promoters write',
    subtitle: (n: string, empty: string, lo: string, hi: string): string => `${n} comments analysed (${empty} blank, counted apart); low group ${lo}, high group ${hi}`,
    s: { n: 'comments analysed', empty: 'blank comments', det: 'detractors (low group)', pro: 'promoters (high group)', missing: 'without a score' },
    detTerms: 'Terms over-represented among detractors',
    proTerms: 'Terms over-represented among promoters',
    term: 'term',
    nCom: 'comments',
    pctDet: '% of detractors',
    pctPro: '% of promoters',
    logOdds: 'log-odds',
    z: 'z',
    themes: 'Themes',
    theme: 'theme',
    share: '% of comments',
    pAdj: (m: string): string => `p (${m})`,
    mean: 'mean score',
    examples: 'Representative comments',
    example: 'comment',
    score: 'score',
    bySeg: (c: string): string => `Themes by ${c} (% of the segment's comments; ▲/▼ vs the other segments)`,
    byWave: (c: string): string => `Themes by ${c} (% of the wave's comments; ▲/▼ vs the previous wave)`,
    segTerms: (c: string): string => `Detractor terms by ${c}`,
    segment: 'segment',
    top: 'top detractor terms',
    price: 'amount (€, $)',
    number: 'number',
    rTerms: (t: string): string => `Detractors write ${t} more than promoters.`,
    rPro: (t: string): string => `Promoters write ${t}.`,
    rTheme: (th: string, d: string, p: string, pv: string): string => `${th} is the theme most over-represented among detractors: ${d} of their comments vs ${p} of promoters' (${pv}, adjusted).`,
    rThemes: (t: string): string => `Most frequent themes among detractors: ${t}.`,
    rSeg: (s: string, t: string): string => `${s}: ${t} mentioned significantly more than elsewhere.`,
    rWave: (w: string, t: string): string => `${w}: ${t} up on the previous wave.`,
    fnTerms: (lo: string, hi: string, min: number): string =>
      `Terms: Snowball stems of the words (stop words of stopwords-iso removed, judgement words such as cher, bon, merci kept), counted once per comment; ranked by the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) of detractors (${lo}) vs promoters (${hi}), the prior being every comment's counts; z = log-odds / its standard error. Terms in fewer than ${min} comments are not ranked.`,
    fnNeg: '¬ marks a negated word (ne … pas, jamais, not, never, n’t): “¬ rappelé” = “not called back”.',
    fnThemes: (m: string, a: string): string => `Themes: a comment mentions a theme when it holds one of the theme's words or phrases (dictionary, accents and case ignored). Detractors vs promoters by a two-proportion z test (R prop.test without continuity correction), p-values adjusted over the themes (${m}); by segment each segment against the others, by wave each wave against the previous one, adjusted within each table; ▲/▼ when the adjusted p < ${a}.`,
    fnExamples: 'Representative comments: the shortest comments of 4 to 40 words that mention the theme and no other (then any that mention it), distinct texts.',
    uncovered: (n: string, s: string): string => `${n} comments (${s}) mention no theme.`,
  },
  fr: {
    title: 'Verbatims : ce qu’écrivent détracteurs et promoteurs',
    subtitle: (n: string, empty: string, lo: string, hi: string): string => `${n} commentaires analysés (${empty} vides, comptés à part) ; groupe bas ${lo}, groupe haut ${hi}`,
    s: { n: 'commentaires analysés', empty: 'commentaires vides', det: 'détracteurs (groupe bas)', pro: 'promoteurs (groupe haut)', missing: 'sans note' },
    detTerms: 'Termes sur-représentés chez les détracteurs',
    proTerms: 'Termes sur-représentés chez les promoteurs',
    term: 'terme',
    nCom: 'commentaires',
    pctDet: '% des détracteurs',
    pctPro: '% des promoteurs',
    logOdds: 'log-odds',
    z: 'z',
    themes: 'Thèmes',
    theme: 'thème',
    share: '% des commentaires',
    pAdj: (m: string): string => `p (${m})`,
    mean: 'note moyenne',
    examples: 'Commentaires représentatifs',
    example: 'commentaire',
    score: 'note',
    bySeg: (c: string): string => `Thèmes par ${c} (% des commentaires du segment ; ▲/▼ par rapport aux autres segments)`,
    byWave: (c: string): string => `Thèmes par ${c} (% des commentaires de la vague ; ▲/▼ par rapport à la vague précédente)`,
    segTerms: (c: string): string => `Termes des détracteurs par ${c}`,
    segment: 'segment',
    top: 'principaux termes des détracteurs',
    price: 'montant (€)',
    number: 'nombre',
    rTerms: (t: string): string => `Les détracteurs écrivent ${t} plus que les promoteurs.`,
    rPro: (t: string): string => `Les promoteurs écrivent ${t}.`,
    rTheme: (th: string, d: string, p: string, pv: string): string => `${th} est le thème le plus sur-représenté chez les détracteurs : ${d} de leurs commentaires contre ${p} chez les promoteurs (${pv}, ajusté).`,
    rThemes: (t: string): string => `Thèmes les plus fréquents chez les détracteurs : ${t}.`,
    rSeg: (s: string, t: string): string => `${s} : ${t} cité(s) significativement plus qu’ailleurs.`,
    rWave: (w: string, t: string): string => `${w} : ${t} en hausse sur la vague précédente.`,
    fnTerms: (lo: string, hi: string, min: number): string =>
      `Termes : racines Snowball des mots (mots vides de stopwords-iso retirés, mots de jugement comme cher, bon, merci gardés), comptées une fois par commentaire ; classées par le log-odds ratio pondéré avec a priori de Dirichlet informatif (Monroe, Colaresi et Quinn 2008) des détracteurs (${lo}) contre les promoteurs (${hi}), l’a priori étant les effectifs de tous les commentaires ; z = log-odds / son erreur type. Les termes vus dans moins de ${min} commentaires ne sont pas classés.`,
    fnNeg: '¬ marque un mot nié (ne … pas, jamais, not, never, n’t) : « ¬ rappelé » = « pas rappelé ».',
    fnThemes: (m: string, a: string): string => `Thèmes : un commentaire cite un thème quand il contient un de ses mots ou expressions (dictionnaire, sans tenir compte des accents ni de la casse). Détracteurs contre promoteurs par un test z de deux proportions (prop.test de R sans correction de continuité), p-valeurs ajustées sur l’ensemble des thèmes (${m}) ; par segment chaque segment contre les autres, par vague chaque vague contre la précédente, ajustement dans chaque tableau ; ▲/▼ quand le p ajusté < ${a}.`,
    fnExamples: 'Commentaires représentatifs : les plus courts de 4 à 40 mots qui citent le thème et aucun autre (à défaut, n’importe lequel qui le cite), sans doublon.',
    uncovered: (n: string, s: string): string => `${n} commentaires (${s}) ne citent aucun thème.`,
  },
};

function num(x: number, lang: Lang): string {
  return Number.isInteger(x) ? formatCount(x, lang) : formatNumber(x, lang, 2, 0);
}

function range(lo: number, hi: number, lang: Lang): string {
  return lo === hi ? num(lo, lang) : `${num(lo, lang)}–${num(hi, lang)}`;
}

/**
 * The label of a term in `lang`: its written form, `#price` and `#number` translated.
 *
 * @example
 * verbatimTermLabel({ term: '#price', label: '12 €' }, 'fr'); //=> "montant (€)"
 */
export function verbatimTermLabel(t: { term: string; label: string }, lang: Lang): string {
  if (t.term === '#price') return W[lang].price;
  if (t.term === '#number') return W[lang].number;
  return t.label;
}

function termTable(id: string, title: string, terms: readonly TermLike[], lang: Lang): PresentedTable {
  const w = W[lang];
  return {
    id,
    title,
    columns: [col('term', w.term, 'label'), col('n', w.nCom, 'count'), col('shareDetractors', w.pctDet, 'percent'), col('sharePromoters', w.pctPro, 'percent'), col('logOdds', w.logOdds, 'number', 2), col('z', w.z, 'number', 2)],
    rows: terms.map((t) => [text(verbatimTermLabel(t, lang)), cell(t.n, 'count', lang), cell(t.shareDetractors, 'percent', lang), cell(t.sharePromoters, 'percent', lang), cell(t.logOdds, 'number', lang, { digits: 2 }), cell(t.z, 'number', lang, { digits: 2 })]),
  };
}

function gridTable(id: string, title: string, groups: readonly GroupLike[], r: VerbatimsLike, lang: Lang): PresentedTable {
  const w = W[lang];
  const rows: PresentedCell[][] = r.themes.map((th) => [
    text(th.label[lang]),
    ...groups.map((g) => {
      const c = g.themes.find((x) => x.theme === th.theme);
      return c ? cell(c.share, 'percent', lang, c.mark ? { mark: c.mark, note: pText(c.pAdjusted, lang) } : {}) : { v: null, t: '—' };
    }),
  ]);
  rows.push([text('n'), ...groups.map((g) => cell(g.n, 'count', lang))]);
  return { id, title, rowHeader: true, columns: [col('theme', w.theme, 'label'), ...groups.map((g) => col(g.name, g.name, 'percent'))], rows, totalRows: [rows.length - 1] };
}

/**
 * Verbatims tied to scores for people: the terms over-represented among detractors and among
 * promoters (weighted log-odds and z), the themes with their shares, detractor/promoter test and
 * mean score, representative comments, themes by segment and by wave with ▲/▼, and a reading
 * naming the top terms and themes. Comments are plain text cells: the HTML renderer escapes them.
 *
 * @example
 * import { analyzeVerbatims } from '@satlab/text';
 * const p = presentVerbatims(analyzeVerbatims({ text: ['Trop cher', 'Conseillère parfaite'], score: [1, 10] }, { minCount: 1 }), { lang: 'fr' });
 * p.title; //=> "Verbatims : ce qu’écrivent détracteurs et promoteurs"
 * p.tables.map((t) => t.id); //=> ["detractorTerms", "promoterTerms", "themes", "examples"]
 */
export function presentVerbatims(r: VerbatimsLike, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const [min, max] = [r.scale[0], r.scale[1]];
  const lo = range(min, r.low, lang);
  const hi = range(r.high, max, lang);
  const tables: PresentedTable[] = [termTable('detractorTerms', w.detTerms, r.detractorTerms, lang), termTable('promoterTerms', w.proTerms, r.promoterTerms, lang)];
  tables.push({
    id: 'themes',
    title: w.themes,
    columns: [col('theme', w.theme, 'label'), col('n', w.nCom, 'count'), col('share', w.share, 'percent'), col('shareDetractors', w.pctDet, 'percent'), col('sharePromoters', w.pctPro, 'percent'), col('pAdjusted', w.pAdj(r.options.adjust), 'pvalue'), col('meanScore', w.mean, 'mean', 1)],
    rows: r.themes.map((t) => [
      text(t.label[lang]),
      cell(t.n, 'count', lang),
      cell(t.share, 'percent', lang),
      cell(t.shareDetractors, 'percent', lang, t.mark ? { mark: t.mark } : {}),
      cell(t.sharePromoters, 'percent', lang),
      cell(t.pAdjusted, 'pvalue', lang),
      cell(t.meanScore, 'mean', lang, { digits: 1 }),
    ]),
  });
  tables.push({
    id: 'examples',
    title: w.examples,
    columns: [col('theme', w.theme, 'label'), col('text', w.example, 'text'), col('score', w.score, 'count')],
    rows: r.themes.flatMap((t) => t.examples.map((e, i) => [text(i === 0 ? t.label[lang] : ''), text(e.text), cell(e.score, 'count', lang)])),
  });
  if (r.segments) {
    tables.push(gridTable('themesBySegment', w.bySeg(opts.labels?.by ?? r.segments.column), r.segments.groups, r, lang));
    tables.push({
      id: 'termsBySegment',
      title: w.segTerms(opts.labels?.by ?? r.segments.column),
      columns: [col('segment', w.segment, 'label'), col('n', w.nCom, 'count'), col('terms', w.top, 'text')],
      rows: r.segments.groups.map((g) => [text(g.name), cell(g.n, 'count', lang), text((g.detractorTerms ?? []).slice(0, 6).map((t) => verbatimTermLabel(t, lang)).join(', '))]),
    });
  }
  if (r.waves) tables.push(gridTable('themesByWave', w.byWave(r.waves.column), r.waves.groups, r, lang));

  const reading: string[] = [];
  const q = (s: string): string => quote(s, lang);
  if (r.detractorTerms.length > 0) reading.push(w.rTerms(list(r.detractorTerms.slice(0, 5).map((t) => q(verbatimTermLabel(t, lang))), lang)));
  if (r.promoterTerms.length > 0) reading.push(w.rPro(list(r.promoterTerms.slice(0, 5).map((t) => q(verbatimTermLabel(t, lang))), lang)));
  const over = r.themes.filter((t) => t.mark === '▲').sort((a, b) => b.shareDetractors - b.sharePromoters - (a.shareDetractors - a.sharePromoters));
  if (over.length > 0) reading.push(w.rTheme(over[0].label[lang], formatPercent(over[0].shareDetractors, lang), formatPercent(over[0].sharePromoters, lang), pText(over[0].pAdjusted, lang)));
  const freq = [...r.themes].filter((t) => t.shareDetractors > 0).sort((a, b) => b.shareDetractors - a.shareDetractors).slice(0, 3);
  if (freq.length > 0) reading.push(w.rThemes(list(freq.map((t) => `${t.label[lang]} (${formatPercent(t.shareDetractors, lang)})`), lang)));
  const label = (id: string): string => r.themes.find((t) => t.theme === id)?.label[lang] ?? id;
  for (const g of r.segments?.groups ?? []) {
    const up = g.themes.filter((c) => c.mark === '▲').map((c) => label(c.theme));
    if (up.length > 0) reading.push(w.rSeg(q(g.name), list(up, lang)));
  }
  for (const g of r.waves?.groups ?? []) {
    const up = g.themes.filter((c) => c.mark === '▲').map((c) => label(c.theme));
    if (up.length > 0) reading.push(w.rWave(q(g.name), list(up, lang)));
  }
  const summary = [
    { label: w.s.n, value: cell(r.n, 'count', lang) },
    { label: w.s.empty, value: cell(r.empty, 'count', lang) },
    { label: w.s.det, value: cell(r.detractors, 'count', lang) },
    { label: w.s.pro, value: cell(r.promoters, 'count', lang) },
    ...(r.missingScore > 0 ? [{ label: w.s.missing, value: cell(r.missingScore, 'count', lang) }] : []),
  ];
  return {
    kind: 'verbatims',
    lang,
    title: opts.labels?.title ?? w.title,
    subtitle: w.subtitle(formatCount(r.n, lang), formatCount(r.empty, lang), lo, hi),
    summary,
    tables,
    reading,
    footnotes: [w.fnTerms(lo, hi, r.options.minCount), w.fnNeg, w.fnThemes(r.options.adjust, num(r.options.alpha, lang)), w.fnExamples, ...(r.uncovered > 0 ? [w.uncovered(formatCount(r.uncovered, lang), formatPercent(r.uncovered / r.n, lang))] : [])],
    warnings: renderWarnings(r.warnings, lang),
  };
}
