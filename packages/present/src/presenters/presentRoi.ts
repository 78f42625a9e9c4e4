import { formatEuro, formatNumber, formatPercent } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { RetentionRoiInput, RetentionRoiResult, RoiSensitivityResult } from '@satlab/survey';
import { col, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';

/** Options of {@link presentRoi}. */
export interface RoiPresentOptions extends PresentOptions {
  /** The sensitivity grid of the same inputs (`retentionRoiSensitivity`), shown after the chain. */
  sensitivity?: RoiSensitivityResult | null;
}

const INPUTS: { key: keyof RetentionRoiInput; rate: boolean; en: string; fr: string }[] = [
  { key: 'surveyed', rate: false, en: 'Customers surveyed per year', fr: 'Nombre de sondés ciblés/an' },
  { key: 'responseRate', rate: true, en: 'Average response rate', fr: 'Taux de réponse moyen' },
  { key: 'dissatisfiedRate', rate: true, en: 'Share of dissatisfied customers', fr: 'Taux de clients insatisfaits' },
  { key: 'retentionRate', rate: true, en: 'Dissatisfied customers kept (gain vs no action)', fr: 'Taux de conservation de clients insatisfaits (gain vs aucune action)' },
  { key: 'acquisitionCost', rate: false, en: 'Cost of acquiring a new customer', fr: 'Coût d’acquisition d’un client nouveau' },
  { key: 'annualRevenue', rate: false, en: 'Average annual revenue per customer', fr: 'CA moyen annuel par client' },
  { key: 'processCost', rate: false, en: 'Annual cost of the survey process', fr: 'Coût annuel process enquête' },
];

const W = {
  en: {
    title: 'Customer-listening ROI — revenue kept by following up dissatisfied customers',
    inputs: 'Inputs',
    what: 'item',
    value: 'value',
    recovered: 'Revenue recovered',
    rows: ['Respondents', 'Dissatisfied customers detected', 'Dissatisfied customers kept'],
    revenue: 'Revenue',
    money: ['Acquisition cost saved', 'Revenue kept', 'Total gain', 'Survey process cost', 'ANNUAL ROI (net gain)'],
    reading: (ratio: string, ret: string, resp: string): string => `Net gain per euro spent: ${ratio}. Break-even: retention rate ${ret} (response rate fixed), response rate ${resp} (retention rate fixed).`,
    positive: (roi: string): string => `The follow-up pays for itself: ${roi} of net gain a year.`,
    negative: (roi: string): string => `The follow-up does not pay for itself with these inputs: ${roi} a year.`,
    sens: 'Sensitivity of the annual ROI (rows: retention rate; columns: response rate; * = the inputs)',
    corner: 'retention \\ response',
    fn: 'Chain of the AMARC/Eloquant ROI calculator: respondents = surveyed × response rate; dissatisfied detected = respondents × dissatisfied rate; kept = detected × retention rate; gain = kept × (acquisition cost + annual revenue); ROI = gain − process cost.',
  },
  fr: {
    title: 'ROI process Écoute Clients — calculateur du CA conservé via le suivi des clients insatisfaits',
    inputs: 'Hypothèses',
    what: 'poste',
    value: 'valeur',
    recovered: 'Calcul du CA récupéré',
    rows: ['Nombre de répondants', 'Nombre de clients insatisfaits détectés', 'Nombre de clients insatisfaits conservés'],
    revenue: 'CA',
    money: ['Économie réalisée en gain de clients', 'CA conservé', 'Total revenu', 'Coût annuel process enquête', 'TOTAL ROI annuel'],
    reading: (ratio: string, ret: string, resp: string): string => `Gain net par euro investi : ${ratio}. Seuil de rentabilité : taux de conservation ${ret} (à taux de réponse constant), taux de réponse ${resp} (à taux de conservation constant).`,
    positive: (roi: string): string => `Le suivi des insatisfaits est rentable : ${roi} de gain net par an.`,
    negative: (roi: string): string => `Avec ces hypothèses, le suivi des insatisfaits n’est pas rentable : ${roi} par an.`,
    sens: 'Sensibilité du ROI annuel (lignes : taux de conservation ; colonnes : taux de réponse ; * = hypothèse saisie)',
    corner: 'conservation \\ réponse',
    fn: 'Chaîne du calculateur de ROI AMARC/Eloquant : répondants = sondés × taux de réponse ; insatisfaits détectés = répondants × taux d’insatisfaits ; conservés = détectés × taux de conservation ; gain = conservés × (coût d’acquisition + CA annuel) ; ROI = gain − coût du process.',
  },
};

const pct = (x: number, lang: Lang): string => formatPercent(x, lang, Number.isInteger(Math.round(x * 1e6) / 1e4) ? 0 : 1);
const count = (x: number, lang: Lang): PresentedCell => ({ v: x, t: Number.isInteger(x) ? formatNumber(x, lang, 0) : formatNumber(x, lang, 2) });
const euro = (x: number, lang: Lang, d: number): PresentedCell => ({ v: x, t: formatEuro(x, lang, d) });

/** The ROI sensitivity grid as a table (rows retention, columns response, * on the inputs). */
function sensitivityTable(s: RoiSensitivityResult, lang: Lang): PresentedTable {
  const w = W[lang];
  return {
    id: 'sensitivity',
    title: w.sens,
    rowHeader: true,
    columns: [col('retention', w.corner, 'label'), ...s.responseRates.map((x, j) => col(`r${j}`, pct(x, lang), 'number', 0))],
    rows: s.retentionRates.map((rr, i) => [text(pct(rr, lang)), ...s.roi[i].map((v, j) => ({ v, t: formatEuro(v, lang, 0), ...(i === s.base.row && j === s.base.col ? { mark: '*' } : {}) }))]),
  };
}

/**
 * The retention ROI calculator (AMARC/Eloquant) for people: the inputs, the counts (respondents,
 * dissatisfied detected and kept), the amounts down to the annual ROI, the break-even rates, the
 * sensitivity grid when given, and a reading.
 *
 * @example
 * import { retentionRoi } from '@satlab/survey';
 * const inputs = { surveyed: 12000, responseRate: 0.15, dissatisfiedRate: 0.2, retentionRate: 0.7, acquisitionCost: 50, annualRevenue: 250, processCost: 24000 };
 * const p = presentRoi(retentionRoi(inputs), { lang: 'fr' });
 * p.reading[0]; //=> 'Le suivi des insatisfaits est rentable : 51 600 € de gain net par an.'
 * p.tables[2].rows[4].map((c) => c.t); //=> ['TOTAL ROI annuel', '51 600,00 €']
 */
export function presentRoi(r: RetentionRoiResult, opts: RoiPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const kv = (id: string, title: string, rows: [string, PresentedCell][]): PresentedTable => ({ id, title, rowHeader: true, columns: [col('item', w.what, 'label'), col('value', w.value, 'number')], rows: rows.map(([a, b]) => [text(a), b]) });
  const tables: PresentedTable[] = [
    kv('inputs', w.inputs, INPUTS.map((i) => [i[lang], i.rate ? { v: r.inputs[i.key], t: pct(r.inputs[i.key], lang) } : i.key === 'surveyed' ? count(r.inputs[i.key], lang) : euro(r.inputs[i.key], lang, 0)])),
    kv('counts', w.recovered, [
      [w.rows[0], count(r.respondents, lang)],
      [w.rows[1], count(r.dissatisfiedDetected, lang)],
      [w.rows[2], count(r.customersRetained, lang)],
    ]),
    { ...kv('amounts', w.revenue, [[w.money[0], euro(r.acquisitionSavings, lang, 2)], [w.money[1], euro(r.revenueKept, lang, 2)], [w.money[2], euro(r.totalGain, lang, 2)], [w.money[3], euro(-r.processCost, lang, 2)], [w.money[4], euro(r.roi, lang, 2)]]), totalRows: [4] },
  ];
  if (opts.sensitivity) tables.push(sensitivityTable(opts.sensitivity, lang));
  return {
    kind: 'roi',
    lang,
    title: opts.labels?.title ?? w.title,
    tables,
    reading: [(r.roi >= 0 ? w.positive : w.negative)(formatEuro(r.roi, lang, 0)), w.reading(formatNumber(r.roiRatio, lang, 2), formatPercent(r.breakEvenRetentionRate, lang, 1), formatPercent(r.breakEvenResponseRate, lang, 1))],
    footnotes: [w.fn],
    warnings: renderWarnings(r.warnings, lang),
  };
}

/**
 * The ROI sensitivity grid on its own: the annual ROI for each retention rate (rows) and
 * response rate (columns), the inputs marked with *.
 *
 * @example
 * import { retentionRoiSensitivity } from '@satlab/survey';
 * const inputs = { surveyed: 12000, responseRate: 0.15, dissatisfiedRate: 0.2, retentionRate: 0.7, acquisitionCost: 50, annualRevenue: 250, processCost: 24000 };
 * const t = presentRoiSensitivity(retentionRoiSensitivity(inputs), { lang: 'en' }).tables[0];
 * [t.rows.length, t.columns.length]; //=> [7, 7] (7 retention rates; the corner and 6 response rates)
 */
export function presentRoiSensitivity(s: RoiSensitivityResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  return { kind: 'roiSensitivity', lang, title: opts.labels?.title ?? w.sens, tables: [{ ...sensitivityTable(s, lang), title: '' }], reading: [], footnotes: [w.fn], warnings: [] };
}
