import type { Message } from '@satlab/messages';
import { meanConfidenceInterval } from '@satlab/stats';
import { InputError } from '@satlab/data';
import { msg } from './messages.js';
import { checkConfidence, sampleSd } from './util.js';

/** One criterion of a mystery-shopping grid (the BTS MUC course « Satisfaction et fidélité »: parking, propreté, accueil, sourire…). */
export interface MysteryCriterion {
  id: string;
  label?: string;
  /** Section of the grid (e.g. "Point de vente", "Approche des collaborateurs", "Rapidité", "Connaissance des produits"). Default "". */
  section?: string;
  /** Weight of the criterion. Default 1. */
  weight?: number;
  /** Maximum points (1 for yes/no, 5 for a 0–5 rating…). Default 1. */
  max?: number;
}

/** One visit: points per criterion id; `null` = not applicable (N/A). */
export interface MysteryVisit {
  id: string;
  site: string;
  scores: Readonly<Record<string, number | null | undefined>>;
  /** 1-based line of the visit in its file, for error messages. */
  line?: number;
}

/** Options of {@link mysteryShoppingScore}. */
export interface MysteryOptions {
  /** Confidence level of the per-site interval of the mean visit score. Default 0.95. */
  confidence?: number;
  /** File name, for error messages. */
  file?: string;
}

export interface MysteryVisitScore {
  id: string;
  site: string;
  /** 100 · Σ w·points / Σ w·max over applicable criteria. */
  score: number;
  weightedPoints: number;
  weightedMax: number;
  applicable: number;
  /** Score per section, same formula within the section. */
  sections: Record<string, number>;
}

export interface MysterySiteScore {
  site: string;
  nVisits: number;
  /** Mean of the visit scores (each visit counts once). */
  mean: number;
  sd: number;
  /** Student t interval of the mean (NaN with one visit). */
  ci: [number, number];
  min: number;
  max: number;
  /** 1 = best site. */
  rank: number;
  /** Mean section score over the visits where the section applied. */
  sections: Record<string, number>;
  /** Achievement per criterion: Σ points / Σ max over the applicable visits, 0–1. */
  criteria: Record<string, number>;
}

export interface MysteryResult {
  method: string;
  confidence: number;
  visits: MysteryVisitScore[];
  /** Sites, best first. */
  sites: MysterySiteScore[];
  /** Network-wide achievement of each criterion (0–1), weakest first: where to act. */
  criteria: { id: string; label: string; section: string; weight: number; max: number; achievement: number; nApplicable: number }[];
  /** Mean visit score over the network. */
  overall: { nVisits: number; mean: number; sd: number };
  warnings: Message[];
}

/**
 * Mystery-shopping grid scoring (the BTS MUC course « Satisfaction et fidélité », "visites mystères": an expert grid of weighted
 * criteria scored during anonymous visits). Score of a visit = 100·Σ w_c·p_c / Σ w_c·max_c over
 * the criteria that applied (N/A criteria leave both sums); per site, the mean of its visit
 * scores with a Student t interval (R `t.test(x)$conf.int`), section scores and criterion
 * achievement; sites ranked best first (ties share the better rank); the network's criteria
 * sorted weakest first.
 *
 * @throws {InputError} points outside [0, max] or not a number, an unknown criterion id in a visit.
 * @throws {RangeError|TypeError} an empty grid, duplicate criterion ids, a weight or max ≤ 0.
 * @example
 * const r = mysteryShoppingScore(
 *   [{ id: 'accueil', weight: 2 }, { id: 'proprete' }],
 *   [{ id: 'v1', site: 'Montauban', scores: { accueil: 1, proprete: 0 } }],
 * );
 * r.visits[0].score; //=> 66.6666…
 */
export function mysteryShoppingScore(grid: readonly MysteryCriterion[], visits: readonly MysteryVisit[], options: MysteryOptions = {}): MysteryResult {
  const fn = 'mysteryShoppingScore';
  if (!Array.isArray(grid) || grid.length === 0) throw new RangeError(`${fn}: grid must be a non-empty array of criteria`);
  if (!Array.isArray(visits)) throw new TypeError(`${fn}: visits must be an array`);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(fn, confidence);
  const crit = grid.map((c, k) => {
    if (typeof c?.id !== 'string' || c.id === '') throw new TypeError(`${fn}: grid[${k}].id must be a non-empty string`);
    const weight = c.weight ?? 1, max = c.max ?? 1;
    if (typeof weight !== 'number' || !(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`${fn}: grid[${k}].weight ("${c.id}") must be a positive number, got ${String(weight)}`);
    if (typeof max !== 'number' || !(max > 0) || !Number.isFinite(max)) throw new RangeError(`${fn}: grid[${k}].max ("${c.id}") must be a positive number, got ${String(max)}`);
    return { id: c.id, label: c.label ?? c.id, section: c.section ?? '', weight, max };
  });
  const ids = new Set<string>();
  for (const c of crit) {
    if (ids.has(c.id)) throw new RangeError(`${fn}: criterion id "${c.id}" appears twice in the grid`);
    ids.add(c.id);
  }
  const sections = [...new Set(crit.map((c) => c.section))];
  const warnings: Message[] = [];
  const where = (v: MysteryVisit, col: string) => ({ ...(options.file !== undefined ? { file: options.file } : {}), ...(v.line !== undefined ? { line: v.line } : {}), columnName: col });

  const visitScores: MysteryVisitScore[] = visits.map((v, k) => {
    if (typeof v?.id !== 'string' || typeof v.site !== 'string' || typeof v.scores !== 'object' || v.scores === null) {
      throw new TypeError(`${fn}: visits[${k}] must be { id, site, scores }`);
    }
    for (const key of Object.keys(v.scores)) {
      if (!ids.has(key)) throw new InputError(`visit "${v.id}": criterion "${key}" is not in the grid`, where(v, key));
    }
    let pts = 0, mx = 0, applicable = 0;
    const secP = new Map<string, [number, number]>();
    const absent: string[] = [];
    for (const c of crit) {
      const p = v.scores[c.id];
      if (p === undefined) {
        absent.push(c.id);
        continue;
      }
      if (p === null) continue;
      if (typeof p !== 'number' || Number.isNaN(p) || p < 0 || p > c.max) {
        throw new InputError(`visit "${v.id}": ${JSON.stringify(p)} is not a score from 0 to ${c.max} for "${c.id}"`, { ...where(v, c.id), value: String(p) });
      }
      pts += c.weight * p;
      mx += c.weight * c.max;
      applicable++;
      const s = secP.get(c.section) ?? [0, 0];
      s[0] += c.weight * p;
      s[1] += c.weight * c.max;
      secP.set(c.section, s);
    }
    if (absent.length > 0) warnings.push(msg.mysteryMissingCriterion({ visit: v.id, ids: absent }));
    if (applicable === 0) warnings.push(msg.mysteryNoApplicable({ visit: v.id }));
    const secScores: Record<string, number> = {};
    for (const s of sections) {
      const e = secP.get(s);
      secScores[s] = e && e[1] > 0 ? (100 * e[0]) / e[1] : NaN;
    }
    return { id: v.id, site: v.site, score: mx > 0 ? (100 * pts) / mx : NaN, weightedPoints: pts, weightedMax: mx, applicable, sections: secScores };
  });

  const siteNames = [...new Set(visits.map((v) => v.site))];
  const sites: MysterySiteScore[] = siteNames.map((site) => {
    const vs = visitScores.filter((v) => v.site === site);
    const raw = visits.filter((v) => v.site === site);
    const xs = vs.map((v) => v.score).filter((x) => !Number.isNaN(x));
    const ci: [number, number] = xs.length >= 2 ? (() => {
      const m = meanConfidenceInterval(xs, { confidence });
      return [m.lower, m.upper] as [number, number];
    })() : [NaN, NaN];
    const secMeans: Record<string, number> = {};
    for (const s of sections) {
      const ys = vs.map((v) => v.sections[s]).filter((x) => !Number.isNaN(x));
      secMeans[s] = ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : NaN;
    }
    const critAch: Record<string, number> = {};
    for (const c of crit) {
      let p = 0, m = 0;
      for (const v of raw) {
        const x = v.scores[c.id];
        if (typeof x === 'number') {
          p += x;
          m += c.max;
        }
      }
      critAch[c.id] = m > 0 ? p / m : NaN;
    }
    return {
      site,
      nVisits: vs.length,
      mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN,
      sd: sampleSd(xs),
      ci,
      min: xs.length ? Math.min(...xs) : NaN,
      max: xs.length ? Math.max(...xs) : NaN,
      rank: 0,
      sections: secMeans,
      criteria: critAch,
    };
  });
  sites.sort((a, b) => (Number.isNaN(a.mean) ? 1 : Number.isNaN(b.mean) ? -1 : b.mean - a.mean));
  sites.forEach((s, k) => (s.rank = k > 0 && s.mean === sites[k - 1].mean ? sites[k - 1].rank : k + 1));

  const criteria = crit
    .map((c) => {
      let p = 0, m = 0, nA = 0;
      for (const v of visits) {
        const x = v.scores[c.id];
        if (typeof x === 'number') {
          p += x;
          m += c.max;
          nA++;
        }
      }
      return { ...c, achievement: m > 0 ? p / m : NaN, nApplicable: nA };
    })
    .sort((a, b) => (Number.isNaN(a.achievement) ? 1 : Number.isNaN(b.achievement) ? -1 : a.achievement - b.achievement));
  const all = visitScores.map((v) => v.score).filter((x) => !Number.isNaN(x));
  return {
    method: 'mystery-shopping grid: weighted points / weighted maximum over applicable criteria, x100; site = mean of its visits, Student t interval',
    confidence,
    visits: visitScores,
    sites,
    criteria,
    overall: { nVisits: all.length, mean: all.length ? all.reduce((a, b) => a + b, 0) / all.length : NaN, sd: sampleSd(all) },
    warnings,
  };
}
