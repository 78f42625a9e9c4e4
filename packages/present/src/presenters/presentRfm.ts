import { formatCount, formatEuro, formatNumber, formatPercent } from '@satlab/format';
import type { RfmResult, RfmScoreRange } from '@satlab/rfm';
import { cell, col, quote, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import { reasonLabel } from '../reasons.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';

/** A transaction the reader could not use, as the scanner reports it. */
export interface RfmBadRow {
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** Options of {@link presentRfm}. */
export interface RfmPresentOptions extends PresentOptions {
  /** The first unusable rows (line, column, value, reason), shown under the counts. */
  badRows?: readonly RfmBadRow[];
  /** Share of revenue brought by the top 20 % of customers (from `paretoConcentration`). */
  top20Share?: number;
  /** How the file was read, e.g. "native, 2 threads, 1.2 s" (shown in the subtitle). */
  engine?: string;
}


const W = {
  en: {
    title: 'RFM segmentation',
    tx: (read: string, used: string, excl: string, reasons: string): string => `Transactions: ${read} read, ${used} used, ${excl} excluded${reasons ? ` (${reasons})` : ''}`,
    first: 'first rows concerned:',
    line: (l: number, c: string, v: string, r: string): string => `line ${l} ${c}${v ? ` "${v}"` : ''}: ${r}`,
    customers: (n: string, asOf: string, m: string): string => `Customers: ${n} · analysis date ${asOf} · monetary = ${m}`,
    monetary: { sum: 'sum of amounts', mean: 'mean basket' },
    thresholds: (q: boolean): string => (q ? 'Score thresholds (rank-based quantiles, ties never split)' : 'Score thresholds (given)'),
    tcols: { score: 'score', r: 'recency (days)', f: 'frequency', m: 'monetary' },
    segments: (bts: boolean): string => `Segments (${bts ? 'BTS' : 'classic'} map)`,
    scols: { seg: 'segment', n: 'customers', share: '%', rev: 'revenue', revShare: '% revenue', rule: 'rule' },
    grid: 'Recency × frequency grid (customers)',
    conc: (p: string): string => `Concentration: the top 20% of customers bring ${p} of revenue.`,
    biggest: (s: string, p: string, r: string): string => `Largest segment: ${s} (${p} of customers, ${r} of revenue).`,
    reason: (r: string): string => r,
    fn: 'Scores 1–5 by rank-based quantiles (R = 5 is the most recent); segments cross R with FM = round((F + M) / 2).',
  },
  fr: {
    title: 'Segmentation RFM',
    tx: (read: string, used: string, excl: string, reasons: string): string => `Transactions : ${read} lues, ${used} retenues, ${excl} exclues${reasons ? ` (${reasons})` : ''}`,
    first: 'premières lignes en cause :',
    line: (l: number, c: string, v: string, r: string): string => `ligne ${l} ${c}${v ? ` « ${v} »` : ''} : ${r}`,
    customers: (n: string, asOf: string, m: string): string => `Clients : ${n} · date d’analyse ${asOf} · montant = ${m}`,
    monetary: { sum: 'somme des achats', mean: 'panier moyen' },
    thresholds: (q: boolean): string => (q ? 'Seuils des scores (quantiles de rang, ex æquo jamais séparés)' : 'Seuils des scores (donnés)'),
    tcols: { score: 'score', r: 'récence (jours)', f: 'fréquence', m: 'montant' },
    segments: (bts: boolean): string => `Segments (carte ${bts ? 'BTS' : 'classique'})`,
    scols: { seg: 'segment', n: 'clients', share: '%', rev: 'CA', revShare: '% CA', rule: 'règle' },
    grid: 'Grille récence × fréquence (clients)',
    conc: (p: string): string => `Concentration : les 20\u00a0% meilleurs clients font ${p} du chiffre d’affaires.`,
    biggest: (s: string, p: string, r: string): string => `Segment le plus important : ${s} (${p} des clients, ${r} du CA).`,
    reason: (r: string): string => reasonLabel(r, 'fr'),
    fn: 'Scores 1 à 5 par quantiles de rang (R = 5 = le plus récent) ; les segments croisent R et FM = arrondi((F + M) / 2).',
  },
};

/**
 * An RFM segmentation for people: transactions read, used and excluded (by reason, with the
 * first lines concerned), the value range of each score, the segments with their customers and
 * revenue, the recency × frequency grid, and the revenue concentration.
 *
 * @example
 * import { rfm } from '@satlab/rfm';
 * const r = rfm({ customer: Int32Array.of(0, 1, 0), customerIds: ['A', 'B'], date: Float64Array.of(19000, 19005, 19010), amount: Float64Array.of(10, 5, 20) }, { bins: 2 });
 * presentRfm(r, { lang: 'fr' }).reading[0];
 * //=> 'Segment le plus important : « Champions » (50,0 % des clients, 85,7 % du CA).'
 */
export function presentRfm(res: RfmResult, opts: RfmPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const n = (x: number): string => formatCount(x, lang);
  const read = res.transactions + res.excluded.transactions;
  const reasons = Object.entries(res.excluded.byReason).map(([k, v]) => `${w.reason(k)} ${n(v)}`).join(', ');
  const sub = [w.tx(n(read), n(res.transactions), n(res.excluded.transactions), reasons)];
  const bad = opts.badRows ?? [];
  if (bad.length) sub.push(`  ${w.first} ${bad.slice(0, 5).map((b) => w.line(b.line, b.column, b.value, w.reason(b.reason))).join(lang === 'fr' ? ' ; ' : '; ')}${bad.length > 5 ? ' …' : ''}`);
  sub.push(w.customers(n(res.customers), res.asOf, w.monetary[res.monetaryKind]));

  const maxLevels = Math.max(res.scoreRanges.recency.length, res.scoreRanges.frequency.length, res.scoreRanges.monetary.length);
  const range = (r: RfmScoreRange | undefined, money: boolean): PresentedCell => {
    if (!r || r.customers === 0) return text('—');
    const f = (x: number): string => (money ? formatNumber(x, lang, 2) : formatNumber(x, lang, 0));
    return text(r.min === r.max ? f(r.min) : `${f(r.min)}–${f(r.max)}`);
  };
  const thr: PresentedCell[][] = [];
  for (let s = maxLevels; s >= 1; s--) {
    thr.push([cell(s, 'count', lang), range(res.scoreRanges.recency.find((x) => x.score === s), false), range(res.scoreRanges.frequency.find((x) => x.score === s), false), range(res.scoreRanges.monetary.find((x) => x.score === s), true)]);
  }
  const tables: PresentedTable[] = [
    { id: 'thresholds', title: w.thresholds(res.binning === 'quantile'), columns: [col('score', w.tcols.score, 'count'), col('recency', w.tcols.r, 'number'), col('frequency', w.tcols.f, 'number'), col('monetary', w.tcols.m, 'number')], rows: thr },
    {
      id: 'segments',
      title: w.segments(res.segmentMap === 'bts'),
      columns: [col('name', w.scols.seg, 'label'), col('customers', w.scols.n, 'count'), col('share', w.scols.share, 'percent'), col('revenue', w.scols.rev, 'number', 0), col('revenueShare', w.scols.revShare, 'percent'), col('rule', w.scols.rule, 'text')],
      rows: res.segments.map((s) => [text(s.label?.[lang] ?? s.name), cell(s.customers, 'count', lang), cell(s.share, 'percent', lang), { v: s.revenue, t: formatEuro(s.revenue, lang, 0) }, cell(s.revenueShare, 'percent', lang), text(s.rule[lang])]),
    },
  ];
  const grid: PresentedCell[][] = [];
  for (let r = 5; r >= 1; r--) grid.push([text(`R${r}`), ...[1, 2, 3, 4, 5].map((f) => cell(res.cells.find((c) => c.r === r && c.f === f)?.customers ?? 0, 'count', lang))]);
  tables.push({ id: 'grid', title: w.grid, rowHeader: true, columns: [col('r', '', 'label'), ...[1, 2, 3, 4, 5].map((f) => col(`f${f}`, `F${f}`, 'count'))], rows: grid });

  const reading: string[] = [];
  const big = [...res.segments].sort((a, b) => b.customers - a.customers)[0];
  if (big && big.customers > 0) reading.push(w.biggest(quote(big.label?.[lang] ?? big.name, lang), formatPercent(big.share, lang), formatPercent(big.revenueShare, lang)));
  if (opts.top20Share !== undefined && !Number.isNaN(opts.top20Share)) reading.push(w.conc(formatPercent(opts.top20Share, lang)));
  return {
    kind: 'rfm',
    lang,
    title: opts.labels?.title ?? [w.title, opts.labels?.source, opts.engine].filter(Boolean).join(' — '),
    subtitle: sub.join('\n'),
    tables,
    reading,
    footnotes: [w.fn],
    warnings: renderWarnings(res.warnings, lang),
  };
}
