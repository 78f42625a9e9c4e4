import type { Message } from '@satlab/messages';
/**
 * Internal: quadrant classification, cutoffs and the priority rule shared by `ipaMatrix` and
 * `ipaFromRatings` (not exported from the package).
 */
import { msg } from './messages.js';
import { mean, median, sampleSd } from './util.js';

/**
 * IPA quadrant (Martilla & James 1977): `concentrate` = high importance, low satisfaction
 * ("concentrate here"); `keep-up` = high importance, high satisfaction ("keep up the good work");
 * `low-priority` = low importance, low satisfaction; `overkill` = low importance, high
 * satisfaction ("possible overkill").
 */
export type IpaQuadrant = 'concentrate' | 'keep-up' | 'low-priority' | 'overkill';

/** Quadrants in the order of the priority rule (most urgent first). */
export const QUADRANT_ORDER: readonly IpaQuadrant[] = ['concentrate', 'keep-up', 'low-priority', 'overkill'];

/** How the crosshair is placed: a rule, or the values (satisfaction, importance). */
export type IpaCutoff = 'mean' | 'midpoint' | 'median' | { satisfaction: number; importance: number };

/**
 * Units of the priority score: `raw` — deviations from the cutoffs in the units of the scales
 * (both axes on the same rating scale); `standardised` — each deviation divided by the standard
 * deviation (n − 1) of the attribute values on its axis (importance on another scale: derived
 * correlations, Shapley shares).
 */
export type IpaPriorityUnits = 'raw' | 'standardised';

export const PRIORITY_RULE =
  'Priorities, most urgent first: quadrants in the order concentrate, keep-up, low-priority, overkill (Martilla & James 1977, A to D); ' +
  'within a quadrant, by the priority score (importance - importanceCutoff) - (satisfaction - satisfactionCutoff), largest first, ' +
  'i.e. (up to a factor 1/sqrt(2)) the signed distance above the iso-priority diagonal through the crosshair (Bacon 2003): the further towards high importance ' +
  'and low satisfaction, the more urgent. With priorityUnits "standardised" (importance not on the satisfaction scale), each ' +
  'deviation is first divided by the standard deviation (n - 1) of the attribute values on its axis. Ties by name.';

export interface CorePoint {
  name: string;
  satisfaction: number;
  importance: number;
}

export interface CoreClassified {
  name: string;
  satisfaction: number;
  importance: number;
  quadrant: IpaQuadrant;
  priorityScore: number;
  priorityRank: number;
}

export function quadrantOf(satisfaction: number, importance: number, cs: number, ci: number): IpaQuadrant {
  const highImp = importance >= ci;
  const highSat = satisfaction >= cs;
  if (highImp) return highSat ? 'keep-up' : 'concentrate';
  return highSat ? 'overkill' : 'low-priority';
}

export function resolveCutoffs(
  fn: string,
  points: readonly CorePoint[],
  cutoff: IpaCutoff,
  satScale: readonly [number, number] | undefined,
  impScale: readonly [number, number] | undefined,
  warnings: Message[],
): { satisfactionCutoff: number; importanceCutoff: number; rule: string } {
  const sats = points.map((p) => p.satisfaction);
  const imps = points.map((p) => p.importance);
  if (cutoff === 'mean') return { satisfactionCutoff: mean(sats), importanceCutoff: mean(imps), rule: 'mean of the attribute means' };
  if (cutoff === 'median') return { satisfactionCutoff: median(sats), importanceCutoff: median(imps), rule: 'median of the attribute means' };
  if (cutoff === 'midpoint') {
    if (!satScale) throw new RangeError(`${fn}: cutoff "midpoint" needs options.scale ([min, max] of the rating scale)`);
    const cs = (satScale[0] + satScale[1]) / 2;
    if (impScale) return { satisfactionCutoff: cs, importanceCutoff: (impScale[0] + impScale[1]) / 2, rule: 'midpoint of the rating scale' };
    warnings.push(msg.ipaMidpointDerived());
    return { satisfactionCutoff: cs, importanceCutoff: mean(imps), rule: 'midpoint of the rating scale (satisfaction), mean of the importance values' };
  }
  if (typeof cutoff === 'object' && cutoff !== null && Number.isFinite(cutoff.satisfaction) && Number.isFinite(cutoff.importance)) {
    return { satisfactionCutoff: cutoff.satisfaction, importanceCutoff: cutoff.importance, rule: 'given values' };
  }
  throw new RangeError(`${fn}: options.cutoff must be "mean", "midpoint", "median" or { satisfaction, importance } with finite numbers, got ${JSON.stringify(cutoff)}`);
}

/** Classifies points, scores them and ranks them by the priority rule ({@link PRIORITY_RULE}). */
export function classify(points: readonly CorePoint[], cs: number, ci: number, units: IpaPriorityUnits, warnings: Message[]): { attributes: CoreClassified[]; priorities: string[] } {
  let sdS = units === 'raw' ? 1 : sampleSd(points.map((p) => p.satisfaction));
  let sdI = units === 'raw' ? 1 : sampleSd(points.map((p) => p.importance));
  if (!(sdS > 0)) {
    if (points.length > 1) warnings.push(msg.ipaZeroSpread({ axis: 'satisfaction' }));
    sdS = 1;
  }
  if (!(sdI > 0)) {
    if (points.length > 1) warnings.push(msg.ipaZeroSpread({ axis: 'importance' }));
    sdI = 1;
  }
  const attributes: CoreClassified[] = points.map((p) => {
    if (p.satisfaction === cs) warnings.push(msg.ipaTie({ name: p.name, axis: 'satisfaction' }));
    if (p.importance === ci) warnings.push(msg.ipaTie({ name: p.name, axis: 'importance' }));
    return {
      name: p.name,
      satisfaction: p.satisfaction,
      importance: p.importance,
      quadrant: quadrantOf(p.satisfaction, p.importance, cs, ci),
      priorityScore: (p.importance - ci) / sdI - (p.satisfaction - cs) / sdS,
      priorityRank: 0,
    };
  });
  const order = attributes
    .map((a, i) => i)
    .sort((i, j) => {
      const a = attributes[i], b = attributes[j];
      const dq = QUADRANT_ORDER.indexOf(a.quadrant) - QUADRANT_ORDER.indexOf(b.quadrant);
      if (dq !== 0) return dq;
      if (b.priorityScore !== a.priorityScore) return b.priorityScore - a.priorityScore;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  order.forEach((i, r) => (attributes[i].priorityRank = r + 1));
  return { attributes, priorities: order.map((i) => attributes[i].name) };
}

/**
 * The fields every IPA result holds after `method`, in this order: the cutoffs and how they were
 * set, the attributes (input order), the priorities and their rule, and the names per quadrant
 * (most urgent first).
 */
export function ipaSummary<T extends CoreClassified>(
  cut: { rule: string; satisfactionCutoff: number; importanceCutoff: number },
  attributes: T[],
  priorities: string[],
  units: IpaPriorityUnits,
): { cutoffRule: string; satisfactionCutoff: number; importanceCutoff: number; attributes: T[]; priorities: string[]; priorityRule: string; priorityUnits: IpaPriorityUnits; quadrants: Record<IpaQuadrant, string[]> } {
  const ranked = [...attributes].sort((a, b) => a.priorityRank - b.priorityRank);
  return {
    cutoffRule: cut.rule,
    satisfactionCutoff: cut.satisfactionCutoff,
    importanceCutoff: cut.importanceCutoff,
    attributes,
    priorities,
    priorityRule: PRIORITY_RULE,
    priorityUnits: units,
    quadrants: quadrantLists(ranked),
  };
}

export function quadrantLists<T extends { name: string; quadrant: IpaQuadrant }>(attributes: readonly T[]): Record<IpaQuadrant, string[]> {
  const q: Record<IpaQuadrant, string[]> = { concentrate: [], 'keep-up': [], 'low-priority': [], overkill: [] };
  for (const a of attributes) q[a.quadrant].push(a.name);
  return q;
}
