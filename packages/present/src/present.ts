import type { PresentOptions } from './options.js';
import { langOf } from './options.js';
import type { Presentation } from './types.js';
import { presentChiSquare } from './presenters/presentChiSquare.js';
import { presentColumnProportions } from './presenters/presentColumnProportions.js';
import { presentCrossTab } from './presenters/presentCrossTab.js';
import { presentFisher } from './presenters/presentFisher.js';
import { presentGeneric } from './presenters/presentGeneric.js';
import { presentNps } from './presenters/presentNps.js';
import { presentCsat } from './presenters/presentCsat.js';
import { presentCes } from './presenters/presentCes.js';
import { presentFcr } from './presenters/presentFcr.js';
import { presentIpa } from './presenters/presentIpa.js';
import { presentAttrition } from './presenters/presentAttrition.js';
import { presentDrivers } from './presenters/presentDrivers.js';
import { presentAlpha, presentFactors } from './presenters/presentFactors.js';
import { presentRfm } from './presenters/presentRfm.js';
import { presentRoi, presentRoiSensitivity } from './presenters/presentRoi.js';
import { presentLtv } from './presenters/presentLtv.js';
import { presentPareto } from './presenters/presentPareto.js';
import { presentMirror } from './presenters/presentMirror.js';
import { presentMystery } from './presenters/presentMystery.js';
import { presentWaves } from './presenters/presentWaves.js';
import { presentAlertsQueue } from './presenters/presentAlertsQueue.js';
import { presentFeedback } from './presenters/presentFeedback.js';
import { presentVerbatims } from './presenters/presentVerbatims.js';
import { presentVerbatimThemes } from './presenters/presentVerbatimThemes.js';

type Any = Record<string, unknown>;
type Presenter = (result: never, opts: PresentOptions) => Presentation;

/** How a result is recognised (by its shape and `method`), and who presents it; first match wins. */
const RULES: { kind: string; test: (r: Any) => boolean; present: Presenter }[] = [
  { kind: 'chiSquare', test: (r) => Array.isArray(r.adjustedResiduals) && typeof r.cramersV === 'number' && typeof r.statistic === 'number', present: presentChiSquare },
  { kind: 'fisher', test: (r) => typeof r.algorithm === 'string' && String(r.method).startsWith('Fisher'), present: presentFisher },
  { kind: 'columnProportions', test: (r) => Array.isArray(r.columnLetters) && Array.isArray(r.letters), present: presentColumnProportions },
  { kind: 'crossTab', test: (r) => Array.isArray(r.counts) && Array.isArray(r.rowLevels) && Array.isArray(r.colLevels) && Array.isArray(r.rowPercents), present: presentCrossTab },
  { kind: 'nps', test: (r) => typeof r.nps === 'number' && typeof r.promoters === 'number' && typeof r.detractors === 'number', present: presentNps },
  { kind: 'csat', test: (r) => typeof r.csat === 'number' && Array.isArray(r.topBoxValues), present: presentCsat },
  { kind: 'ces', test: (r) => Array.isArray(r.meanCI) && Array.isArray(r.topBoxCI) && Array.isArray(r.topBoxValues), present: presentCes },
  { kind: 'fcr', test: (r) => typeof r.rate === 'number' && typeof r.resolved === 'number' && String(r.method).startsWith('first-contact'), present: presentFcr },
  { kind: 'ipa', test: (r) => Array.isArray(r.attributes) && Array.isArray(r.priorities) && typeof r.quadrants === 'object', present: presentIpa },
  { kind: 'attrition', test: (r) => Array.isArray(r.groups) && Array.isArray(r.dissatisfiedValues), present: presentAttrition },
  { kind: 'drivers', test: (r) => Array.isArray(r.drivers) && typeof r.outcome === 'string' && typeof r.r2 === 'number', present: presentDrivers },
  { kind: 'factors', test: (r) => Array.isArray(r.loadings) && typeof r.kmo === 'object' && Array.isArray(r.eigenvalues), present: presentFactors },
  { kind: 'alpha', test: (r) => typeof r.alpha === 'number' && typeof r.standardizedAlpha === 'number' && Array.isArray(r.items), present: presentAlpha },
  { kind: 'roi', test: (r) => typeof r.roi === 'number' && typeof r.breakEvenRetentionRate === 'number', present: presentRoi },
  { kind: 'roiSensitivity', test: (r) => Array.isArray(r.roi) && Array.isArray(r.retentionRates) && Array.isArray(r.responseRates), present: presentRoiSensitivity },
  { kind: 'ltv', test: (r) => typeof r.value === 'number' && typeof r.multiplier === 'number' && typeof r.firstPeriodCounted === 'boolean', present: presentLtv },
  { kind: 'pareto', test: (r) => typeof r.gini === 'number' && typeof r.revenueShareOfTop === 'number', present: presentPareto },
  { kind: 'mirror', test: (r) => Array.isArray(r.attributes) && typeof r.meanAbsoluteGap === 'number', present: presentMirror },
  { kind: 'mystery', test: (r) => Array.isArray(r.sites) && Array.isArray(r.criteria) && typeof r.overall === 'object', present: presentMystery },
  { kind: 'waves', test: (r) => Array.isArray(r.indicators) && Array.isArray(r.waves) && typeof r.family === 'object', present: presentWaves },
  { kind: 'alertsQueue', test: (r) => Array.isArray(r.entries) && typeof r.formula === 'string' && typeof r.valueWeight === 'number', present: presentAlertsQueue },
  { kind: 'feedback', test: (r) => typeof r.uplift === 'number' && typeof r.treated === 'object' && typeof r.untreated === 'object', present: presentFeedback },
  { kind: 'rfm', test: (r) => Array.isArray(r.segments) && Array.isArray(r.cells) && typeof r.scoreRanges === 'object', present: presentRfm },
  { kind: 'verbatims', test: (r) => Array.isArray(r.detractorTerms) && Array.isArray(r.promoterTerms) && Array.isArray(r.themes), present: presentVerbatims },
  { kind: 'verbatimThemes', test: (r) => typeof r.total === 'number' && Array.isArray(r.themes) && typeof r.unclassified === 'object' && r.unclassified !== null, present: presentVerbatimThemes },
];

/**
 * Adds a presenter to the dispatcher (presenters register themselves in `index.ts`).
 *
 * @example
 * registerPresenter('docDemo', (r) => r.docDemo === true, (r, o) => presentGeneric({ method: 'Démo', n: 3 }, o));
 * presenterKind({ docDemo: true }); //=> 'docDemo'
 * present({ docDemo: true }, { lang: 'fr' }).title; //=> 'Démo'
 */
export function registerPresenter(kind: string, test: (r: Any) => boolean, present: Presenter, where: 'first' | 'last' = 'last'): void {
  const rule = { kind, test, present };
  if (where === 'first') RULES.unshift(rule);
  else RULES.push(rule);
}

/**
 * Whether a value is already a Presentation.
 *
 * @example
 * import { chiSquareTest } from '@satlab/stats';
 * const t = chiSquareTest([[30, 10], [15, 25]], { rowLabels: ['Auto', 'Habitation'], colLabels: ['Satisfait', 'Insatisfait'] });
 * isPresentation(present(t, { lang: 'fr' })); //=> true
 * isPresentation(t); //=> false
 */
export function isPresentation(x: unknown): x is Presentation {
  const p = x as Presentation;
  return typeof x === 'object' && x !== null && typeof p.kind === 'string' && (p.lang === 'fr' || p.lang === 'en') && Array.isArray(p.tables) && Array.isArray(p.reading);
}

/**
 * Which presenter `present` would use for a result (`'generic'` when none fits).
 *
 * @example
 * import { chiSquareTest } from '@satlab/stats';
 * presenterKind(chiSquareTest([[30, 10], [15, 25]])); //=> 'chiSquare'
 * presenterKind({ moyenne: 7.2 }); //=> 'generic'
 */
export function presenterKind(result: unknown): string {
  if (isPresentation(result)) return result.kind;
  if (typeof result !== 'object' || result === null) return 'generic';
  return RULES.find((r) => r.test(result as Any))?.kind ?? 'generic';
}

/**
 * Turns any analysis result into a {@link Presentation}, choosing the presenter from the result's
 * shape and `method` (cross-tab, χ², Fisher, letters, NPS/CSAT/CES/FCR, IPA, attrition, ROI,
 * LTV, Pareto, drivers, factors, RFM, waves, alerts queue, mirror, mystery); anything else gets a
 * generic presentation (key figures and tables, never raw JSON). A Presentation passes through.
 *
 * @example
 * import { chiSquareTest } from '@satlab/stats';
 * const t = chiSquareTest([[30, 10], [15, 25]], { rowLabels: ['Auto', 'Habitation'], colLabels: ['Satisfait', 'Insatisfait'] });
 * const p = present(t, { lang: 'fr' });
 * p.kind; //=> 'chiSquare'
 * p.title; //=> 'Test du khi-deux d’indépendance (Pearson, correction de continuité de Yates)'
 * toText(p).split('\n')[3]; //=> 'χ² = 9,96 ; ddl = 1 ; p = 0,002 ; V de Cramér = 0,378'…
 */
export function present(result: unknown, opts: PresentOptions = {}): Presentation {
  if (isPresentation(result)) return result;
  const o = { ...opts, lang: langOf(opts) };
  if (typeof result === 'object' && result !== null) {
    for (const rule of RULES) if (rule.test(result as Any)) return (rule.present as (r: unknown, o: PresentOptions) => Presentation)(result, o);
  }
  return presentGeneric(result, o);
}
