/**
 * Input shapes of the chart builders. They are structural: the result objects of the satlab
 * analyses (`@satlab/survey`, `@satlab/rfm`, `@satlab/drivers`, `@satlab/stats`) can be passed
 * straight in, and so can hand-made objects with the same fields. Extra fields are ignored.
 */

/** Language of every label a chart carries (titles, axes, legends, number format). */
export type ChartLang = 'fr' | 'en';

/** Options shared by every builder. */
export interface ChartOptions {
  /** Language of titles, axes, legends and number format; default `'en'`. */
  lang?: ChartLang;
  /** Chart title; default a title naming the analysis in `lang`; `''` for no title. */
  title?: string;
  /** Width of the plotting area in pixels (each panel, for two-panel charts); default per chart. */
  width?: number;
  /** Height of the plotting area in pixels; default per chart (grows with the number of bars). */
  height?: number;
}

/** Martilla & James quadrant of an importance × satisfaction (performance) matrix. */
export type IpaQuadrant = 'concentrate' | 'keep-up' | 'low-priority' | 'overkill';

/** One attribute of an IPA matrix. */
export interface IpaChartAttribute {
  name: string;
  /** Mean satisfaction (performance), x axis. */
  satisfaction: number;
  /** Mean importance, y axis. */
  importance: number;
  quadrant: IpaQuadrant;
  satisfactionCI?: readonly [number, number] | readonly number[];
  importanceCI?: readonly [number, number] | readonly number[];
  /** True when a confidence interval crosses a cutoff (the quadrant is not established). */
  uncertain?: boolean;
}

/** Importance–performance analysis result (IPA). */
export interface IpaChartInput {
  satisfactionCutoff: number;
  importanceCutoff: number;
  attributes: readonly IpaChartAttribute[];
  /** Attribute names in order of priority (first = act first); shown in bold with their rank. */
  priorities?: readonly string[];
}

/** A cross-tabulation with its chi-square by-products (rows = groups, e.g. contract types). */
export interface CrossTabChartInput {
  rowLabels: readonly string[];
  colLabels: readonly string[];
  observed: readonly (readonly number[])[];
  expected?: readonly (readonly number[])[];
  /** Adjusted standardized residuals (R `chisq.test()$stdres`, SPSS ASRESID). */
  adjustedResiduals?: readonly (readonly number[])[];
}

/** Promoter / passive / detractor split: counts or shares (the builder normalises them). */
export interface NpsChartCounts {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Net Promoter Score in points, −100 to 100. */
  nps: number;
  /** Confidence interval of the NPS in points. */
  ci: readonly [number, number] | readonly number[];
}

/** An NPS result, overall and optionally by group. */
export interface NpsChartInput extends NpsChartCounts {
  groups?: readonly (NpsChartCounts & { name: string })[];
}

/** One driver of a key-driver analysis. */
export interface DriverChartDriver {
  name: string;
  /** Shapley value / LMG share of R² (null when the analysis skipped it, e.g. beyond 20 drivers). */
  shapley: number | null;
  /** Interval of the Shapley share (bootstrap), as `keyDriverAnalysis` returns it. */
  shapleyCi?: readonly [number, number] | readonly number[] | null;
  relativeWeight?: number | null;
  /** Interval of the relative weight (bootstrap). */
  relativeWeightCi?: readonly [number, number] | readonly number[] | null;
  correlation?: number;
  beta?: number;
  /** Sign of the full-model coefficient (`keyDriverAnalysis` gives it); default: the sign of the share. */
  sign?: 1 | -1;
}

/** Key-driver analysis result. */
export interface DriverChartInput {
  drivers: readonly DriverChartDriver[];
}

/** Exploratory factor analysis result (scree plot and loadings). */
export interface FactorChartInput {
  /** Eigenvalues of the correlation matrix, in decreasing order. */
  eigenvalues: readonly number[];
  /**
   * Parallel-analysis eigenvalues (mean or 95th percentile of random data), same length; or the
   * parallel-analysis result of `factorAnalysis` (its `simulatedQuantile` is drawn).
   */
  parallel?: readonly number[] | { simulatedQuantile: readonly number[] };
  /** Loadings, one row per item, one column per factor. */
  loadings: readonly (readonly number[])[];
  items: readonly string[];
}

/** One cell of the RFM recency × frequency grid (scores 1–5, 5 = most recent / most frequent). */
export interface RfmChartCell {
  r: number;
  f: number;
  customers: number;
  monetary: number;
}

/** RFM grid. */
export interface RfmHeatmapInput {
  cells: readonly RfmChartCell[];
}

/** RFM segments. */
export interface RfmSegmentInput {
  segments: readonly { name: string; customers: number; revenue: number }[];
}

/** One point of a barometer (one indicator at one wave). */
export interface BarometerChartPoint {
  indicator: string;
  wave: string;
  /** ISO date `YYYY-MM-DD` of the wave; when every point has one, the x axis is a time axis. */
  date?: string;
  value: number;
  ci: readonly [number, number] | readonly number[];
  /** True when the change from the previous wave is significant. */
  significant?: boolean;
}

/** Barometer waves. */
export interface BarometerChartInput {
  series: readonly BarometerChartPoint[];
}

/** Attrition among dissatisfied vs satisfied customers, by group. Rates are shares (0–1). */
export interface AttritionChartInput {
  groups: readonly {
    name: string;
    attritionAmongDissatisfied: number;
    attritionAmongSatisfied: number;
    riskRatio: number;
    riskRatioCI: readonly [number, number] | readonly number[];
  }[];
}

/** ROI of a customer-listening programme, in euros (the AMARC/Eloquant calculator). */
export interface RoiChartInput {
  /** Acquisition cost saved by keeping dissatisfied customers (kept × acquisition cost). */
  acquisitionSavings: number;
  /** Annual revenue of the dissatisfied customers kept. */
  revenueKept: number;
  /** Annual cost of the listening programme. */
  processCost: number;
  /** Net annual return: acquisitionSavings + revenueKept − processCost. */
  roi: number;
}
