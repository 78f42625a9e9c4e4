import type { Message } from '@satlab/messages';
import { SatlabError } from '@satlab/messages';
import type { PAdjustMethod } from '@satlab/stats';
import { pAdjust, twoProportionTest } from '@satlab/stats';
import { msg } from './messages.js';
import type { CompiledThemes, ThemeDictionary } from './themes.js';
import { compileThemes, defaultThemes, themesOf } from './themes.js';
import type { Token } from './tokenize.js';
import { NEGATED, tokenizeComment } from './tokenize.js';
import { weightedLogOdds } from './weightedLogOdds.js';

/** The columns {@link analyzeVerbatims} reads, one entry per respondent. */
export interface VerbatimsInput {
  /** The comments (null or blank: counted in `empty`). */
  text: readonly (string | null)[];
  /** The scores (NaN or null: missing). */
  score: ArrayLike<number | null>;
  /** Segment of each respondent (null: none). */
  by?: readonly (string | null)[];
  /** Wave of each respondent (null: none). */
  wave?: readonly (string | null)[];
}

/** Where the columns come from, for error messages naming file, line and column. */
export interface VerbatimsSource {
  file?: string;
  /** File line of each row (1-based), as the loader reports them. */
  lines?: ArrayLike<number>;
  textColumn?: string;
  textColumnNumber?: number;
  scoreColumn?: string;
  scoreColumnNumber?: number;
  byColumn?: string;
  waveColumn?: string;
}

/** Options of {@link analyzeVerbatims}; every default stated. */
export interface VerbatimsOptions {
  /** Score scale [min, max]. Default [0, 10] (NPS). A score outside it is an error. */
  scale?: readonly [number, number];
  /** Scores ≤ low are the low group (detractors). Default 6. */
  low?: number;
  /** Scores ≥ high are the high group (promoters). Default 9. */
  high?: number;
  /** Theme dictionary. Default the starter retail/insurance one ({@link defaultThemes}). */
  themes?: ThemeDictionary;
  /** Terms listed per side. Default 15. */
  top?: number;
  /** A term is ranked only when seen in at least this many comments. Default 5. */
  minCount?: number;
  /** Also count pairs of adjacent content words (`carte fidel`). Default false. */
  bigrams?: boolean;
  /** Language of the comments, or 'auto' per comment. Default 'auto' (French when unsure). */
  lang?: 'fr' | 'en' | 'auto';
  /** Multiplicity control of the theme tests (per family: overall, segments, waves). Default 'holm'. */
  adjust?: PAdjustMethod;
  /** Level of the ▲/▼ marks (on adjusted p-values). Default 0.05. */
  alpha?: number;
  /** Representative comments per theme. Default 3. */
  examples?: number;
  /** Order of the segments (others follow, sorted). */
  segmentOrder?: readonly string[];
  /** Order of the waves (others follow, sorted). */
  waveOrder?: readonly string[];
  source?: VerbatimsSource;
}

/** A term that separates the low from the high group. */
export interface TermStat {
  /** The counted form: Snowball stem, `¬stem` when negated, `#price`, `#number`, `a b` for a bigram. */
  term: string;
  /** The most frequent written form (`attente`, `¬ rappelé`, `12 €`). */
  label: string;
  /** Comments (any score) that contain it. */
  n: number;
  /** Low-group (detractor) comments that contain it. */
  detractors: number;
  /** High-group (promoter) comments that contain it. */
  promoters: number;
  /** detractors / low-group comments. */
  shareDetractors: number;
  /** promoters / high-group comments. */
  sharePromoters: number;
  /** Weighted log-odds ratio δ̂ (detractors vs promoters; > 0 leans to detractors). */
  logOdds: number;
  /** δ̂ / σ̂ (Monroe et al.'s z): ranks the terms. */
  z: number;
}

/** A representative comment. */
export interface VerbatimExample {
  /** 0-based row in the input. */
  row: number;
  text: string;
  score: number | null;
}

/** One theme over all comments. */
export interface ThemeStat {
  theme: string;
  label: { fr: string; en: string };
  /** Comments that mention it. */
  n: number;
  /** n / comments analysed. */
  share: number;
  shareDetractors: number;
  sharePromoters: number;
  /** Two-proportion test (R prop.test, no continuity correction) detractors vs promoters. */
  pValue: number;
  /** pValue adjusted over the themes (`adjust` method). */
  pAdjusted: number;
  /** '▲' more frequent among detractors, '▼' among promoters (adjusted p < alpha), '' otherwise. */
  mark: string;
  /** Mean score of the comments that mention it (NaN when none has a score). */
  meanScore: number;
  examples: VerbatimExample[];
}

/** One theme in one segment or wave. */
export interface ThemeCell {
  theme: string;
  n: number;
  share: number;
  /** The share it is compared with: the other segments, or the previous wave (NaN for the first). */
  shareCompared: number;
  pValue: number;
  pAdjusted: number;
  /** '▲' significantly higher, '▼' lower, '' otherwise. */
  mark: string;
  meanScore: number;
}

/** One segment (or wave). */
export interface VerbatimsGroup {
  name: string;
  /** Comments analysed (non-blank). */
  n: number;
  empty: number;
  detractors: number;
  promoters: number;
  /** Only for segments. */
  detractorTerms?: TermStat[];
  promoterTerms?: TermStat[];
  themes: ThemeCell[];
}

/** Result of {@link analyzeVerbatims} (plain, JSON-safe). */
export interface VerbatimsResult {
  method: string;
  /** Comments analysed: non-blank. */
  n: number;
  /** Blank comments (counted, not analysed). */
  empty: number;
  /** Analysed comments without a score. */
  missingScore: number;
  detractors: number;
  passives: number;
  promoters: number;
  scale: [number, number];
  low: number;
  high: number;
  /** Analysed comments per detected language. */
  languages: { fr: number; en: number };
  detractorTerms: TermStat[];
  promoterTerms: TermStat[];
  themes: ThemeStat[];
  /** Comments that mention no theme. */
  uncovered: number;
  themeDictionary: string;
  segments?: { column: string; groups: VerbatimsGroup[] };
  waves?: { column: string; groups: VerbatimsGroup[] };
  options: { top: number; minCount: number; bigrams: boolean; adjust: PAdjustMethod; alpha: number; prior: string; examplesRule: string };
  warnings: Message[];
}

interface Doc {
  row: number;
  text: string;
  words: number;
  score: number;
  /** 0 low, 1 middle, 2 high, -1 no score */
  group: number;
  terms: string[];
  themes: number[];
}

const EXAMPLES_RULE = 'shortest comments of 4 to 40 words that mention the theme and no other (then any that mention it), one per distinct text';
const NUMERIC = /^\s*[-+]?(?:\d+(?:[.,]\d+)?|\d{1,4}[-/]\d{1,2}[-/]\d{1,4})\s*$/;
const BLANK = /^\s*$/;

function termsOf(tokens: readonly Token[], bigrams: boolean, surfaces: Map<string, Map<string, number>>): string[] {
  const out = new Set<string>();
  let prev: Token | undefined;
  for (const t of tokens) {
    if (t.term === '') continue;
    out.add(t.term);
    let s = surfaces.get(t.term);
    if (!s) surfaces.set(t.term, (s = new Map()));
    const surf = t.negated ? `${NEGATED} ${t.surface}` : t.surface;
    s.set(surf, (s.get(surf) ?? 0) + 1);
    if (bigrams && prev && prev.clause === t.clause && !t.term.startsWith('#') && !prev.term.startsWith('#')) out.add(`${prev.term} ${t.term}`);
    prev = t;
  }
  return [...out];
}

function label(term: string, surfaces: Map<string, Map<string, number>>): string {
  if (term.includes(' ')) return term.split(' ').map((t) => label(t, surfaces)).join(' ');
  const s = surfaces.get(term);
  if (!s) return term;
  let best = term;
  let n = -1;
  for (const [k, c] of s) if (c > n || (c === n && k < best)) [best, n] = [k, c];
  return best;
}

/** The separating terms of a set of documents (low vs high group, prior = all documents). */
function separatingTerms(docs: readonly Doc[], top: number, minCount: number, surfaces: Map<string, Map<string, number>>): { det: TermStat[]; pro: TermStat[]; rare: number } {
  const index = new Map<string, number>();
  const all: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  let nLow = 0;
  let nHigh = 0;
  for (const d of docs) {
    if (d.group === 0) nLow++;
    else if (d.group === 2) nHigh++;
    for (const t of d.terms) {
      let k = index.get(t);
      if (k === undefined) {
        k = all.length;
        index.set(t, k);
        all.push(0);
        low.push(0);
        high.push(0);
      }
      all[k]++;
      if (d.group === 0) low[k]++;
      else if (d.group === 2) high[k]++;
    }
  }
  const terms = [...index.keys()];
  const r = weightedLogOdds(low, high, { prior: all });
  const stats: TermStat[] = [];
  let rare = 0;
  terms.forEach((term, k) => {
    if (all[k] < minCount) {
      rare++;
      return;
    }
    if (!Number.isFinite(r.z[k])) return;
    stats.push({
      term,
      label: label(term, surfaces),
      n: all[k],
      detractors: low[k],
      promoters: high[k],
      shareDetractors: nLow > 0 ? low[k] / nLow : NaN,
      sharePromoters: nHigh > 0 ? high[k] / nHigh : NaN,
      logOdds: r.logOdds[k],
      z: r.z[k],
    });
  });
  const byTerm = (a: TermStat, b: TermStat): number => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
  const det = stats.filter((s) => s.z > 0).sort((a, b) => b.z - a.z || byTerm(a, b)).slice(0, top);
  const pro = stats.filter((s) => s.z < 0).sort((a, b) => a.z - b.z || byTerm(a, b)).slice(0, top);
  return { det, pro, rare };
}

function mean(xs: readonly number[]): number {
  let s = 0;
  let n = 0;
  for (const x of xs) {
    if (Number.isNaN(x)) continue;
    s += x;
    n++;
  }
  return n > 0 ? s / n : NaN;
}

function ordered(values: Iterable<string>, order: readonly string[] | undefined): string[] {
  const set = new Set(values);
  const first = (order ?? []).filter((v) => set.has(v));
  const rest = [...set].filter((v) => !first.includes(v)).sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
  return [...first, ...rest];
}

function test(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return NaN;
  return twoProportionTest(x1, n1, x2, n2).pValue;
}

function marks(p: number[], d: number[], method: PAdjustMethod, alpha: number): { adj: number[]; marks: string[] } {
  const adj = pAdjust(p, method);
  return { adj, marks: adj.map((a, i) => (a < alpha ? (d[i] > 0 ? '▲' : d[i] < 0 ? '▼' : '') : '')) };
}

/**
 * What customers write, tied to their scores: the terms that separate detractors from promoters,
 * the themes of a dictionary with their shares, tests and examples, by segment and by wave.
 *
 * 1. Each comment is tokenised ({@link tokenize}: folding, elision, negation marker `¬`, prices)
 *    and reduced to its set of terms (a term counts once per comment).
 * 2. Terms: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
 *    eq. 16–22; {@link weightedLogOdds}) of the low group (score ≤ `low`, detractors 0–6 by
 *    default) against the high group (≥ `high`, promoters 9–10), the prior being each term's
 *    count in every analysed comment (passives and missing scores included). Ranked by z; terms
 *    seen in fewer than `minCount` comments are not ranked.
 * 3. Themes: share of comments mentioning each theme; share among detractors vs promoters with a
 *    two-proportion z test (R `prop.test(correct = FALSE)`), p-values adjusted over the themes;
 *    mean score of the comments mentioning it; examples = the shortest comments of 4–40 words
 *    mentioning that theme and no other (then any mentioning it), distinct texts, row order on ties.
 * 4. By segment: each segment's theme share against the other segments' comments; by wave: each
 *    wave against the previous one; two-proportion tests adjusted within each family (segments,
 *    waves), ▲/▼ when the adjusted p < alpha.
 * Blank comments are counted (`empty`), never dropped silently; comments without a score count
 * in the theme shares but in neither group.
 *
 * @throws {SatlabError} `text.noComments` (every comment blank), `text.notText` (the column holds
 *   numbers or codes), `text.scoreOutOfScale` (with file, line and column when `source` says them),
 *   `text.badGroups`, `text.lengthMismatch`.
 * @example
 * const r = analyzeVerbatims({ text: ['Trop cher', "Trop d'attente", 'Beaucoup trop cher', 'Conseillère aimable', ''], score: [2, 3, 1, 10, 9] }, { minCount: 2 });
 * r.n; //=> 4
 * r.empty; //=> 1
 * r.detractorTerms.map((t) => t.label); //=> ["cher"]
 * r.themes.find((t) => t.theme === 'price'); //=> { n: 2, share: 0.5, shareDetractors: 0.6666…, sharePromoters: 0, meanScore: 1.5, … }
 */
export function analyzeVerbatims(input: VerbatimsInput, options: VerbatimsOptions = {}): VerbatimsResult {
  const src = options.source ?? {};
  const texts = input.text;
  const N = texts.length;
  const check = (what: string, arr: { length: number } | undefined): void => {
    if (arr && arr.length !== N) throw new SatlabError(msg.lengthMismatch({ what, n: arr.length, expected: N }));
  };
  check('score', input.score);
  check('by', input.by);
  check('wave', input.wave);
  const scale: [number, number] = [options.scale?.[0] ?? 0, options.scale?.[1] ?? 10];
  const low = options.low ?? (scale[0] === 0 && scale[1] === 10 ? 6 : scale[0]);
  const high = options.high ?? (scale[0] === 0 && scale[1] === 10 ? 9 : scale[1]);
  if (!(scale[0] < scale[1]) || !(low >= scale[0]) || !(high <= scale[1]) || !(low < high)) throw new SatlabError(msg.badGroups({ low, high, min: scale[0], max: scale[1] }));
  const top = options.top ?? 15;
  const minCount = options.minCount ?? 5;
  const bigrams = options.bigrams ?? false;
  const adjust = options.adjust ?? 'holm';
  const alpha = options.alpha ?? 0.05;
  const nExamples = options.examples ?? 3;
  const dictionary = options.themes ?? defaultThemes();
  const compiled: CompiledThemes = compileThemes(dictionary);
  const warnings: Message[] = [];
  const line = (i: number): number | null => src.lines?.[i] ?? null;
  const textWhere = (i: number) => ({ file: src.file ?? null, line: line(i), column: src.textColumnNumber ?? null, columnName: src.textColumn ?? null });

  // Phase 1: the text column must hold comments.
  let filled = 0;
  let numeric = 0;
  let firstNumeric = -1;
  for (let i = 0; i < N; i++) {
    const t = texts[i];
    if (t !== null && t !== undefined && typeof t !== 'string') throw new TypeError(`analyzeVerbatims: input.text[${i}] must be a string or null, got ${typeof t}`);
    if (t === null || t === undefined || BLANK.test(t)) continue;
    filled++;
    if (NUMERIC.test(t)) {
      numeric++;
      if (firstNumeric < 0) firstNumeric = i;
    }
  }
  if (filled === 0) throw new SatlabError(msg.noComments({ ...textWhere(0), line: null, rows: N }));
  if (numeric / filled >= 0.9) throw new SatlabError(msg.notText({ ...textWhere(firstNumeric), value: String(texts[firstNumeric]).trim(), numeric, filled }));

  // Phase 2: scores inside the scale.
  const scores = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const s = input.score[i];
    const x = s === null || s === undefined ? NaN : Number(s);
    if (!Number.isNaN(x) && (x < scale[0] || x > scale[1] || !Number.isFinite(x))) {
      throw new SatlabError(msg.scoreOutOfScale({ file: src.file ?? null, line: line(i), column: src.scoreColumnNumber ?? null, columnName: src.scoreColumn ?? null, value: x, min: scale[0], max: scale[1] }));
    }
    scores[i] = x;
  }

  // Phase 3: tokenise, terms and themes per comment.
  const surfaces = new Map<string, Map<string, number>>();
  const docs: Doc[] = [];
  const docOfRow = new Int32Array(N).fill(-1);
  const languages = { fr: 0, en: 0 };
  let empty = 0;
  for (let i = 0; i < N; i++) {
    const t = texts[i];
    if (t === null || t === undefined || BLANK.test(t)) {
      empty++;
      continue;
    }
    const { lang, tokens } = tokenizeComment(t, { lang: options.lang ?? 'auto' });
    languages[lang]++;
    const x = scores[i];
    const group = Number.isNaN(x) ? -1 : x <= low ? 0 : x >= high ? 2 : 1;
    docOfRow[i] = docs.length;
    let words = 0;
    for (const tk of tokens) if (tk.kind !== 'negation' || tk.word !== 'n') words++;
    docs.push({ row: i, text: t.trim(), words, score: x, group, terms: termsOf(tokens, bigrams, surfaces), themes: themesOf(tokens, lang, compiled) });
  }
  const n = docs.length;
  const count = (ds: readonly Doc[], g: number): number => ds.reduce((s, d) => s + (d.group === g ? 1 : 0), 0);
  const nLow = count(docs, 0);
  const nHigh = count(docs, 2);
  const missingScore = count(docs, -1);
  if (empty > 0) warnings.push(msg.emptyComments({ n: empty, total: N }));
  if (missingScore > 0) warnings.push(msg.missingScore({ n: missingScore }));
  const MIN_GROUP = 30;
  if (Math.min(nLow, nHigh) < MIN_GROUP) warnings.push(msg.fewInGroup({ group: '', n: Math.min(nLow, nHigh), min: MIN_GROUP }));

  // Phase 4: separating terms.
  const overall = separatingTerms(docs, top, minCount, surfaces);
  if (overall.rare > 0) warnings.push(msg.rareTerms({ n: overall.rare, min: minCount }));

  // Phase 5: themes overall.
  const K = dictionary.themes.length;
  const themeDocs: Doc[][] = Array.from({ length: K }, () => []);
  let uncovered = 0;
  for (const d of docs) {
    if (d.themes.length === 0) uncovered++;
    for (const k of d.themes) themeDocs[k].push(d);
  }
  const pOverall: number[] = [];
  const dOverall: number[] = [];
  const themes: ThemeStat[] = dictionary.themes.map((th, k) => {
    const ds = themeDocs[k];
    const xl = count(ds, 0);
    const xh = count(ds, 2);
    const p = test(xl, nLow, xh, nHigh);
    pOverall.push(p);
    dOverall.push(xl / nLow - xh / nHigh);
    return {
      theme: th.id,
      label: { fr: th.label.fr, en: th.label.en },
      n: ds.length,
      share: ds.length / n,
      shareDetractors: nLow > 0 ? xl / nLow : NaN,
      sharePromoters: nHigh > 0 ? xh / nHigh : NaN,
      pValue: p,
      pAdjusted: NaN,
      mark: '',
      meanScore: mean(ds.map((d) => d.score)),
      examples: examplesOf(ds, nExamples),
    };
  });
  const om = marks(pOverall, dOverall, adjust, alpha);
  themes.forEach((t, k) => {
    t.pAdjusted = om.adj[k];
    t.mark = om.marks[k];
  });
  if (uncovered > 0) warnings.push(msg.uncovered({ n: uncovered, share: uncovered / n }));
  const unused = themes.filter((t) => t.n === 0).map((t) => t.theme);
  if (unused.length > 0) warnings.push(msg.unusedThemes({ themes: unused }));

  const result: VerbatimsResult = {
    method: "Weighted log-odds with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); themes: two-proportion z tests with multiplicity control",
    n,
    empty,
    missingScore,
    detractors: nLow,
    passives: count(docs, 1),
    promoters: nHigh,
    scale,
    low,
    high,
    languages,
    detractorTerms: overall.det,
    promoterTerms: overall.pro,
    themes: themes.sort((a, b) => b.n - a.n || (a.theme < b.theme ? -1 : 1)),
    uncovered,
    themeDictionary: dictionary.name,
    options: { top, minCount, bigrams, adjust, alpha, prior: 'counts of each term in every analysed comment', examplesRule: EXAMPLES_RULE },
    warnings,
  };
  const themeOrder = result.themes.map((t) => dictionary.themes.findIndex((x) => x.id === t.theme));

  // Phase 6: segments (each against the others) and waves (each against the previous one).
  const grouping = (values: readonly (string | null)[], column: string, order: readonly string[] | undefined, kind: 'segment' | 'wave') => {
    const names = ordered(values.filter((v): v is string => v !== null && v !== undefined && String(v).trim() !== '').map((v) => String(v).trim()), order);
    const members = new Map<string, Doc[]>(names.map((nm) => [nm, []]));
    const emptyBy = new Map<string, number>(names.map((nm) => [nm, 0]));
    let none = 0;
    for (let i = 0; i < N; i++) {
      const v = values[i];
      const nm = v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim();
      const di = docOfRow[i];
      if (nm === null) {
        if (di >= 0) none++;
        continue;
      }
      if (di < 0) emptyBy.set(nm, (emptyBy.get(nm) ?? 0) + 1);
      else members.get(nm)!.push(docs[di]);
    }
    if (none > 0) warnings.push(msg.missingSegment({ n: none, column }));
    const p: number[] = [];
    const dd: number[] = [];
    // Comments mentioning each theme, per group, and over all grouped comments.
    const hits = names.map(() => new Int32Array(K));
    const scoreSum = names.map(() => new Float64Array(K));
    const scored = names.map(() => new Int32Array(K));
    names.forEach((nm, gi) => {
      for (const d of members.get(nm)!) {
        for (const k of d.themes) {
          hits[gi][k]++;
          if (!Number.isNaN(d.score)) {
            scoreSum[gi][k] += d.score;
            scored[gi][k]++;
          }
        }
      }
    });
    const total = new Int32Array(K);
    let nGrouped = 0;
    names.forEach((nm, gi) => {
      nGrouped += members.get(nm)!.length;
      for (let k = 0; k < K; k++) total[k] += hits[gi][k];
    });
    const groups: VerbatimsGroup[] = names.map((nm, gi) => {
      const ds = members.get(nm)!;
      const g: VerbatimsGroup = { name: nm, n: ds.length, empty: emptyBy.get(nm) ?? 0, detractors: count(ds, 0), promoters: count(ds, 2), themes: [] };
      if (kind === 'segment') {
        const st = separatingTerms(ds, top, minCount, surfaces);
        g.detractorTerms = st.det;
        g.promoterTerms = st.pro;
        if (Math.min(g.detractors, g.promoters) < MIN_GROUP) warnings.push(msg.fewInGroup({ group: nm, n: Math.min(g.detractors, g.promoters), min: MIN_GROUP }));
      }
      for (const k of themeOrder) {
        const x = hits[gi][k];
        let x2 = NaN;
        let n2 = 0;
        if (kind === 'segment') {
          x2 = total[k] - x;
          n2 = nGrouped - ds.length;
        } else if (gi > 0) {
          x2 = hits[gi - 1][k];
          n2 = members.get(names[gi - 1])!.length;
        }
        const pv = Number.isNaN(x2) ? NaN : test(x, ds.length, x2, n2);
        const share = ds.length > 0 ? x / ds.length : NaN;
        const shareCompared = n2 > 0 ? x2 / n2 : NaN;
        p.push(pv);
        dd.push(share - shareCompared);
        g.themes.push({ theme: dictionary.themes[k].id, n: x, share, shareCompared, pValue: pv, pAdjusted: NaN, mark: '', meanScore: scored[gi][k] > 0 ? scoreSum[gi][k] / scored[gi][k] : NaN });
      }
      return g;
    });
    const m = marks(p, dd, adjust, alpha);
    let j = 0;
    for (const g of groups) {
      for (const c of g.themes) {
        c.pAdjusted = m.adj[j];
        c.mark = m.marks[j];
        j++;
      }
    }
    return { column, groups };
  };
  if (input.by) result.segments = grouping(input.by, src.byColumn ?? 'by', options.segmentOrder, 'segment');
  if (input.wave) result.waves = grouping(input.wave, src.waveColumn ?? 'wave', options.waveOrder, 'wave');
  return result;
}

function examplesOf(ds: readonly Doc[], k: number): VerbatimExample[] {
  const fit = (d: Doc): boolean => d.words >= 4 && d.words <= 40;
  // Rank: clear (4–40 words) and about this theme only, then clear, then the rest; shorter first; row order on ties.
  const rank = (d: Doc): number => (fit(d) ? (d.themes.length === 1 ? 0 : 1) : 2);
  const before = (a: Doc, b: Doc): boolean => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < rb;
    if (a.text.length !== b.text.length) return a.text.length < b.text.length;
    return a.row < b.row;
  };
  // Keep the best few candidates (more than k, for distinct texts) in one pass.
  const keep = Math.max(k * 4, 8);
  const best: Doc[] = [];
  for (const d of ds) {
    if (best.length === keep && !before(d, best[keep - 1])) continue;
    let i = best.length;
    while (i > 0 && before(d, best[i - 1])) i--;
    best.splice(i, 0, d);
    if (best.length > keep) best.pop();
  }
  const out: VerbatimExample[] = [];
  const seen = new Set<string>();
  for (const d of best) {
    if (out.length >= k) break;
    const key = d.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ row: d.row, text: d.text, score: Number.isNaN(d.score) ? null : d.score });
  }
  return out;
}
