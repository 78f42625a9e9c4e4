import type { Message } from '@satlab/messages';
import type { Table } from '@satlab/data';
import { isColumnTable, pointsFromTable } from './byName.js';
import type { IpaColumns } from './byName.js';
import type { CoreClassified, IpaCutoff, IpaPriorityUnits, IpaQuadrant } from './ipaCore.js';
import { classify, ipaSummary, resolveCutoffs } from './ipaCore.js';
import { msg } from './messages.js';
import { checkScale } from './util.js';

/** One attribute's aggregate scores (e.g. a row of the BTS 2007 annex 1). */
export interface IpaPoint {
  name: string;
  /** Mean satisfaction. */
  satisfaction: number;
  /** Mean stated importance (or any importance measure). */
  importance: number;
}

/** Options of {@link ipaMatrix}. */
export interface IpaOptions {
  /**
   * Crosshair: `"mean"` (mean of the attribute means, the default — the "data-centred" IPA),
   * `"midpoint"` (middle of the rating scale; needs `scale`), `"median"` (median of the
   * attribute means), or given values `{ satisfaction, importance }`.
   */
  cutoff?: IpaCutoff;
  /** Rating scale [min, max] of satisfaction; values outside it are refused. Default none. */
  scale?: readonly [number, number];
  /** Scale of importance when it differs from `scale`. Default: `scale`. */
  importanceScale?: readonly [number, number];
  /**
   * Units of the priority score: `"raw"` (default; both axes on the same rating scale, as in the
   * BTS annex 1) or `"standardised"` (importance on another scale). See {@link IPA_PRIORITY_RULE}.
   */
  priorityUnits?: IpaPriorityUnits;
}

/** One classified attribute. */
export interface IpaAttribute extends CoreClassified {
  quadrant: IpaQuadrant;
}

export interface IpaResult {
  method: string;
  /** How the cutoffs were set, in words. */
  cutoffRule: string;
  satisfactionCutoff: number;
  importanceCutoff: number;
  /** Attributes in input order, each with its quadrant, priority score and rank. */
  attributes: IpaAttribute[];
  /** Attribute names, most urgent first (see `priorityRule`). */
  priorities: string[];
  /** The priority rule in words. */
  priorityRule: string;
  /** Units of the priority score. */
  priorityUnits: IpaPriorityUnits;
  /** Names per quadrant, most urgent first. */
  quadrants: Record<IpaQuadrant, string[]>;
  warnings: Message[];
}

/**
 * Importance–performance (importance–satisfaction) matrix from aggregate scores
 * (Martilla & James 1977, "Importance-performance analysis", Journal of Marketing 41(1)).
 * Each attribute is a point (satisfaction, importance); a crosshair at the cutoffs splits the
 * plane into four quadrants, keyed `concentrate` (importance ≥ cutoff, satisfaction < cutoff),
 * `keep-up` (both ≥), `low-priority` (both <) and `overkill` (importance <, satisfaction ≥).
 * A point exactly on a cutoff counts as high on that axis (and a warning says so).
 *
 * Priority rule (most urgent first): quadrants in the order concentrate, keep-up,
 * low-priority, overkill (Martilla & James's A–D); within a quadrant by the score
 * (importance − importanceCutoff) − (satisfaction − satisfactionCutoff), largest first — √2 × the
 * signed distance above the iso-priority diagonal through the crosshair (Bacon 2003, "A
 * comparison of approaches to importance-performance analysis", IJMR 45(1)): the further
 * towards high importance and low satisfaction, the more urgent. With
 * `priorityUnits: "standardised"` (importance not on the satisfaction scale) each deviation is
 * first divided by the standard deviation (n − 1) of the attribute values on its axis.
 *
 * On the BTS 2007 annex 1 means (scale 1–4, mean cutoffs 2.075 and 2.703) it gives
 * concentrate = Rapport Couv/Cot, Qualité Indemn. (in that order), and Personnalisation,
 * with the lowest importance, eighth of ten (not a priority, as the case expects).
 *
 * @throws {RangeError} no attribute, a non-finite score, a score outside `scale`, duplicate
 *   names, a bad cutoff.
 * @example
 * const m = ipaMatrix([
 *   { name: 'Price', satisfaction: 1.9, importance: 3.8 },
 *   { name: 'Speed', satisfaction: 2.4, importance: 3.6 },
 *   { name: 'Web', satisfaction: 1.9, importance: 1.7 },
 *   { name: 'Tone', satisfaction: 2.2, importance: 1.9 },
 * ]);
 * m.priorities; //=> ['Price', 'Speed', 'Web', 'Tone'] (concentrate, keep-up, low-priority, overkill)
 * m.attributes.map((a) => a.quadrant); //=> ['concentrate', 'keep-up', 'low-priority', 'overkill']
 * m.satisfactionCutoff; //=> 2.1
 */
export function ipaMatrix(table: Table, columns?: IpaColumns, options?: IpaOptions): IpaResult;
export function ipaMatrix(points: readonly IpaPoint[], options?: IpaOptions): IpaResult;
export function ipaMatrix(a: readonly IpaPoint[] | Table, b?: IpaColumns | IpaOptions, c?: IpaOptions): IpaResult {
  const fn = 'ipaMatrix';
  if (isColumnTable(a)) return ipaMatrix(pointsFromTable(fn, a as Table, b as IpaColumns | undefined), c ?? {});
  const points = a as readonly IpaPoint[];
  const options = (b as IpaOptions | undefined) ?? {};
  if (!Array.isArray(points) || points.length === 0) throw new RangeError(`${fn}: points must be a non-empty array of { name, satisfaction, importance }`);
  if (options.scale !== undefined) checkScale(fn, options.scale);
  const impScale = options.importanceScale ?? options.scale;
  if (options.importanceScale !== undefined) checkScale(fn, options.importanceScale);
  const units = options.priorityUnits ?? 'raw';
  if (units !== 'raw' && units !== 'standardised') throw new RangeError(`${fn}: options.priorityUnits must be "raw" or "standardised", got ${JSON.stringify(units)}`);
  const seen = new Set<string>();
  points.forEach((p, i) => {
    if (typeof p?.name !== 'string' || p.name === '') throw new TypeError(`${fn}: points[${i}].name must be a non-empty string`);
    if (seen.has(p.name)) throw new RangeError(`${fn}: attribute name "${p.name}" appears twice`);
    seen.add(p.name);
    for (const [axis, sc] of [['satisfaction', options.scale], ['importance', impScale]] as const) {
      const x = p[axis];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`${fn}: points[${i}].${axis} ("${p.name}") must be a finite number, got ${String(x)}`);
      if (sc && (x < sc[0] || x > sc[1])) throw new RangeError(`${fn}: points[${i}].${axis} ("${p.name}") = ${x} is outside the scale ${sc[0]}-${sc[1]}`);
    }
  });
  const warnings: Message[] = [];
  if (points.length < 4) warnings.push(msg.ipaFewAttributes({ n: points.length }));
  const cut = resolveCutoffs(fn, points, options.cutoff ?? 'mean', options.scale, impScale, warnings);
  const { attributes, priorities } = classify(points, cut.satisfactionCutoff, cut.importanceCutoff, units, warnings);
  return {
    method: 'importance-performance analysis (Martilla & James 1977) on aggregate scores',
    ...ipaSummary(cut, attributes, priorities, units),
    warnings,
  };
}
