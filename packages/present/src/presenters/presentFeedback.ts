import { formatCount, formatEuro, formatNumber, formatPercent } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { FeedbackRoiResult, RetentionFeedback } from '@satlab/alerts';
import type { RetentionRoiResult } from '@satlab/survey';
import { cell, col, pText, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell, PresentedTable } from '../types.js';

/** Options of {@link presentFeedback}. */
export interface FeedbackPresentOptions extends PresentOptions {
  /** The seed ROI recomputed with the measured retention (`feedbackRoi`), shown beside the assumed one. */
  roi?: FeedbackRoiResult | null;
}

const W = {
  en: {
    simulated: '*** SIMULATION — simulated outcomes (simulateOutcomes), no customer was called ***',
    title: (f: string | undefined): string => `Feedback on dissatisfied-customer handling${f ? ` — ${f}` : ''}`,
    sub: (n: string, x: string): string => `Customers with a known outcome: ${n} · rows set aside: ${x}`,
    groups: 'Retention of treated and untreated customers',
    cols: { group: 'group', n: 'customers', kept: 'kept', left: 'left', rate: 'retention', ci: (c: string): string => `${c} CI (Wilson)` },
    treated: 'treated (called back)',
    untreated: 'untreated',
    noUplift: 'Retention gain: cannot be measured (a group is empty).',
    uplift: (u: string, c: string, lo: string, hi: string): string => `Measured retention rate (gain vs no action) = treated − untreated = ${u} points [${c} CI: ${lo}, ${hi}]`,
    tests: (z: string, f: string, pref: string): string => `Two-proportion z test ${z}; Fisher's exact test ${f} (read: ${pref}).`,
    zTest: 'z test',
    roi: 'Customer-listening ROI (AMARC/Eloquant calculator): assumed and measured side by side',
    chains: ['assumed', 'measured', 'measured, low bound', 'measured, high bound'],
    lines: ['Average response rate', 'Share of dissatisfied customers', 'Retention rate (gain vs no action)', 'Dissatisfied customers detected', 'Dissatisfied customers kept', 'Acquisition cost saved', 'Revenue kept', 'Total gain', 'Survey process cost', 'ANNUAL ROI (net gain)'],
    shared: (s: string, a: string, r: string, b: string): string => `Shared inputs: ${s} surveyed a year, acquisition cost ${a}, annual revenue ${r} per customer. Break-even retention rate: ${b}.`,
  },
  fr: {
    simulated: '*** SIMULATION — résultats simulés (simulateOutcomes), aucun client n’a été appelé ***',
    title: (f: string | undefined): string => `Retour sur le traitement des insatisfaits${f ? ` — ${f}` : ''}`,
    sub: (n: string, x: string): string => `Clients avec un résultat connu : ${n} · lignes écartées : ${x}`,
    groups: 'Conservation des clients traités et non traités',
    cols: { group: 'groupe', n: 'clients', kept: 'conservés', left: 'partis', rate: 'conservation', ci: (c: string): string => `IC ${c} (Wilson)` },
    treated: 'traités (rappelés)',
    untreated: 'non traités',
    noUplift: 'Gain de conservation : non mesurable (un groupe est vide).',
    uplift: (u: string, c: string, lo: string, hi: string): string => `Taux de conservation mesuré (gain vs aucune action) = traités − non traités = ${u} points [IC ${c} : ${lo} ; ${hi}]`,
    tests: (z: string, f: string, pref: string): string => `Test z de deux proportions ${z} ; test exact de Fisher ${f} (à lire : ${pref}).`,
    zTest: 'test z',
    roi: 'ROI process Écoute Clients (calculateur AMARC/Eloquant) : hypothèse et mesure côte à côte',
    chains: ['hypothèse', 'mesuré', 'mesuré, borne basse', 'mesuré, borne haute'],
    lines: ['Taux de réponse moyen', 'Taux de clients insatisfaits', 'Taux de conservation (gain vs aucune action)', 'Nombre de clients insatisfaits détectés', 'Nombre de clients insatisfaits conservés', 'Économie réalisée en gain de clients', 'CA conservé', 'Total revenu', 'Coût annuel process enquête', 'TOTAL ROI annuel'],
    shared: (s: string, a: string, r: string, b: string): string => `Données communes : ${s} sondés/an, coût d’acquisition ${a}, CA annuel ${r} par client. Seuil de rentabilité : taux de conservation ${b}.`,
  },
};

function roiTable(roi: FeedbackRoiResult, lang: Lang): PresentedTable {
  const w = W[lang];
  const chains = ([roi.assumed, roi.measured, roi.measuredLow, roi.measuredHigh] as (RetentionRoiResult | null)[]).map((c, k) => [w.chains[k], c] as const).filter((x): x is readonly [string, RetentionRoiResult] => x[1] !== null);
  const pct = (x: number): PresentedCell => cell(x, 'percent', lang);
  const count = (x: number): PresentedCell => ({ v: x, t: Number.isInteger(x) ? formatCount(x, lang) : formatNumber(x, lang, 1) });
  const euro = (x: number): PresentedCell => ({ v: x, t: formatEuro(x, lang, 2) });
  const f: ((c: RetentionRoiResult) => PresentedCell)[] = [
    (c) => pct(c.inputs.responseRate),
    (c) => pct(c.inputs.dissatisfiedRate),
    (c) => pct(c.inputs.retentionRate),
    (c) => count(c.dissatisfiedDetected),
    (c) => count(c.customersRetained),
    (c) => euro(c.acquisitionSavings),
    (c) => euro(c.revenueKept),
    (c) => euro(c.totalGain),
    (c) => euro(-c.processCost),
    (c) => euro(c.roi),
  ];
  return {
    id: 'roi',
    title: w.roi,
    rowHeader: true,
    columns: [col('item', '', 'label'), ...chains.map(([n], j) => col(`c${j}`, n, 'number'))],
    rows: w.lines.map((label, i) => [text(label), ...chains.map(([, c]) => f[i](c))]),
    totalRows: [w.lines.length - 1],
  };
}

/**
 * The measured effect of calling dissatisfied customers back, for people: retention of treated
 * and untreated customers with Wilson intervals, the measured gain with its interval and tests
 * (z and Fisher), and the seed ROI with the assumed and the measured retention side by side.
 *
 * @example
 * const fb = { method: 'm', confidence: 0.95, simulated: false, n: 40, excluded: 0, uplift: 0.25, upliftCi: [0.02, 0.48], preferredTest: 'two-proportion z test',
 *   treated: { n: 20, kept: 15, left: 5, rate: 0.75, ci: [0.53, 0.89] }, untreated: { n: 20, kept: 10, left: 10, rate: 0.5, ci: [0.3, 0.7] },
 *   test: { pValue: 0.1 }, fisher: { pValue: 0.19 }, warnings: [] };
 * presentFeedback(fb as never, { lang: 'fr' }).reading[0];
 * //=> 'Taux de conservation mesuré (gain vs aucune action) = traités − non traités = 25,0 points [IC 95 % : 2,0 ; 48,0]'
 */
export function presentFeedback(fb: RetentionFeedback, opts: FeedbackPresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const conf = formatPercent(fb.confidence, lang, 0);
  const pct = (x: number): PresentedCell => cell(x, 'percent', lang);
  const row = (name: string, g: RetentionFeedback['treated']): PresentedCell[] => [text(name), cell(g.n, 'count', lang), cell(g.kept, 'count', lang), cell(g.left, 'count', lang), pct(g.rate), g.n > 0 ? { v: null, t: `${pct(g.ci[0]).t} – ${pct(g.ci[1]).t}` } : text('—')];
  const tables: PresentedTable[] = [
    {
      id: 'groups',
      title: w.groups,
      rowHeader: true,
      columns: [col('group', w.cols.group, 'label'), col('n', w.cols.n, 'count'), col('kept', w.cols.kept, 'count'), col('left', w.cols.left, 'count'), col('rate', w.cols.rate, 'percent'), col('ci', w.cols.ci(conf), 'interval')],
      rows: [row(w.treated, fb.treated), row(w.untreated, fb.untreated)],
    },
  ];
  const reading: string[] = [];
  if (Number.isNaN(fb.uplift)) reading.push(w.noUplift);
  else {
    const pts = (x: number): string => formatNumber(100 * x, lang, 1, 1);
    reading.push(w.uplift(pts(fb.uplift), conf, pts(fb.upliftCi[0]), pts(fb.upliftCi[1])));
    if (fb.test && fb.fisher) reading.push(w.tests(pText(fb.test.pValue, lang), pText(fb.fisher.pValue, lang), fb.preferredTest === 'fisher exact test' ? 'Fisher' : w.zTest));
  }
  const roi = opts.roi ?? null;
  const footnotes: string[] = [];
  if (roi) {
    tables.push(roiTable(roi, lang));
    const a = roi.assumed.inputs;
    footnotes.push(w.shared(formatCount(a.surveyed, lang), formatEuro(a.acquisitionCost, lang, 0), formatEuro(a.annualRevenue, lang, 0), formatPercent((roi.measured ?? roi.assumed).breakEvenRetentionRate, lang)));
  }
  return {
    kind: 'feedback',
    lang,
    title: (fb.simulated ? `${w.simulated}\n\n` : '') + (opts.labels?.title ?? w.title(opts.labels?.source)),
    subtitle: w.sub(formatCount(fb.n, lang), formatCount(fb.excluded, lang)),
    tables,
    reading,
    footnotes,
    warnings: renderWarnings([...fb.warnings, ...(roi ? [...roi.warnings, ...roi.assumed.warnings] : [])], lang),
  };
}
