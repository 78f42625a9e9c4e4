import { rng } from '@satlab/stats';
import type { Rng } from '@satlab/stats';
import type { AttributeKey, Contract } from './barometerModel.js';
import { barometerModel as M } from './barometerModel.js';
import type { Codebook, CodebookColumn, CodebookColumnTranslation, CodebookTranslation } from './codebook.js';
import { addMonths, dayOfWeek, formatDay, pad, parseIsoDay } from './dates.js';
import { phi } from './normal.js';
import { THEME_OF, VERBATIMS } from './verbatims.js';

/** Options of `generateBarometer`. */
export interface BarometerOptions {
  /** Seed of the random stream (any finite number). Required. */
  seed: number;
  /** Number of waves, 1–12. Default 3. */
  waves?: number;
  /** Respondents in each wave, 1–200 000. Default 1500. */
  respondentsPerWave?: number;
  /** Start of wave 1 fieldwork, ISO `YYYY-MM-DD`. Default `'2024-01-15'`. */
  firstWaveDate?: string;
  /** Months between the starts of two waves. Default 9 (the barometer's "tous les 9 mois"). */
  monthsBetweenWaves?: number;
  /**
   * Size of the customer base respondents are drawn from (`C000001` …), at least waves × respondentsPerWave:
   * customers are drawn without replacement over all waves (nobody is interviewed twice). Default 6000
   * (the customers of datasets/transactions), or 4/3 × waves × respondentsPerWave when larger.
   */
  customers?: number;
}

type SatColumns = { [K in AttributeKey as `sat_${K}`]: number };
type ImpColumns = { [K in AttributeKey as `imp_${K}`]: number };

/** One respondent. Numbers are the codes written in the file; `''` is an empty cell. */
export type BarometerRow = {
  respondent_id: string;
  customer_id: string;
  wave: number;
  interview_date: string;
  contract: Contract;
  region: string;
  /** `''` when refused. */
  age_band: string;
} & SatColumns &
  ImpColumns & {
    /** 1–4. */
    overall: number;
    /** 0–10, or 99 = no answer. */
    nps: number;
    /** 1–7, 1 = very low effort. */
    ces: number;
    complained: 'oui' | 'non';
    /** `''` when complained = non. */
    resolved: 'oui' | 'non' | '';
    left_within_year: 'oui' | 'non';
    /** `''` when the respondent left no comment. */
    verbatim: string;
  };

export interface Barometer {
  /** Column names in file order. */
  columns: string[];
  /** `waves[w - 1]` holds wave w's respondents, in interview order. */
  waves: BarometerRow[][];
  /** The codebook of every barometer file (wave files and the stacked file). */
  codebook: Codebook;
  /** Wave start dates (ISO), `waveDates[w - 1]`. */
  waveDates: string[];
  /**
   * Calibrated latent intercepts: `satIntercepts[w - 1][k]` is m(k, wave) and `impIntercepts[k]` is
   * n(k) of the model (attribute order of `barometerModel.attributes`).
   */
  satIntercepts: number[][];
  impIntercepts: number[];
}

const SAT_LABELS = { 1: 'Pas du tout satisfait', 2: 'Plutôt pas satisfait', 3: 'Plutôt satisfait', 4: 'Tout à fait satisfait' };
const IMP_LABELS = { 1: 'Pas du tout important', 2: 'Peu important', 3: 'Important', 4: 'Très important' };
const CUTS = [1.5, 2.5, 3.5];

function pick(r: Rng, shares: readonly number[]): number {
  const u = r.next();
  let acc = 0;
  for (let i = 0; i < shares.length - 1; i++) {
    acc += shares[i];
    if (u < acc) return i;
  }
  return shares.length - 1;
}

function clampRound(x: number, lo: number, hi: number): number {
  const v = Math.round(x);
  return v < lo ? lo : v > hi ? hi : v;
}

/** E[clamp(round(X), 1, 4)] for X a mixture of normals (means mu + shift_j, sds sd_j, weights w_j). */
function expectedRating(mu: number, mix: readonly { w: number; shift: number; sd: number }[]): number {
  let e = 0;
  for (const c of mix) {
    let s = 1;
    for (const t of CUTS) s += phi((mu + c.shift - t) / c.sd);
    e += c.w * s;
  }
  return e;
}

/** The intercept giving the target expected rating (bisection; rounded to 1e-6 for portability). */
function calibrate(target: number, mix: readonly { w: number; shift: number; sd: number }[]): number {
  let lo = -6;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (expectedRating(mid, mix) < target) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 1e6) / 1e6;
}

function checkInt(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) {
    throw new RangeError(`generateBarometer: ${name} must be an integer in [${lo}, ${hi}], got ${String(v)}`);
  }
}

const SAT_LABELS_EN = { 1: 'Not at all satisfied', 2: 'Rather dissatisfied', 3: 'Rather satisfied', 4: 'Very satisfied' };
const IMP_LABELS_EN = { 1: 'Not at all important', 2: 'Of little importance', 3: 'Important', 4: 'Very important' };

/** Maps the French texts of `fr` to the English texts of `en` with the same keys. */
function textPairs(fr: Record<string | number, string>, en: Record<string | number, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fr).map(([k, v]) => [v, en[k]]));
}

/** The barometer codebook's English labels (`translations.en`), column for column. */
function englishLabels(waves: number): CodebookTranslation {
  const waveLevels: Record<string, string> = {};
  for (let w = 1; w <= waves; w++) waveLevels[`Vague ${w}`] = `Wave ${w}`;
  const cols: Record<string, CodebookColumnTranslation> = {
    respondent_id: { label: 'Respondent id (R<wave>-<number>)' },
    customer_id: { label: 'Customer id (link to the transactions file)' },
    wave: { label: 'Barometer wave', levels: waveLevels },
    interview_date: { label: 'Interview date' },
    contract: { label: 'Contract type', levels: Object.fromEntries(M.contracts.map((c) => [c.name, c.nameEn])) },
    region: { label: 'Region' },
    age_band: { label: 'Age band' },
  };
  const sat = textPairs(SAT_LABELS, SAT_LABELS_EN);
  const imp = textPairs(IMP_LABELS, IMP_LABELS_EN);
  for (const a of M.attributes) cols[`sat_${a.key}`] = { label: `Satisfaction — ${a.labelEn}`, levels: sat };
  for (const a of M.attributes) cols[`imp_${a.key}`] = { label: `Importance — ${a.labelEn}`, levels: imp };
  Object.assign(cols, {
    overall: { label: 'Overall satisfaction', levels: sat },
    nps: { label: 'Likelihood to recommend 0-10 (NPS)' },
    ces: { label: 'Customer effort (CES) 1-7' },
    complained: { label: 'Complained during the year' },
    resolved: { label: 'Complaint resolved (empty when no complaint)' },
    left_within_year: { label: 'Left within a year of the interview' },
    verbatim: { label: 'Free comment' },
  } satisfies Record<string, CodebookColumnTranslation>);
  return { columns: cols, values: { oui: 'yes', non: 'no' } };
}

/** The barometer codebook (French labels, English ones in `translations.en`). */
function barometerCodebook(waves: number): Codebook {
  const waveLabels: Record<string, string> = {};
  for (let w = 1; w <= waves; w++) waveLabels[w] = `Vague ${w}`;
  const cols: Record<string, CodebookColumn> = {
    respondent_id: { type: 'id', label: 'Identifiant du répondant (R<vague>-<numéro>)' },
    customer_id: { type: 'id', label: 'Identifiant client (lien avec le fichier de transactions)' },
    wave: { type: 'ordinal', label: 'Vague du baromètre', scale: [1, waves], labels: waveLabels },
    interview_date: { type: 'date', label: 'Date de l’entretien' },
    contract: { type: 'categorical', label: 'Type de contrat', levels: M.contracts.map((c) => c.name) },
    region: { type: 'categorical', label: 'Région', levels: M.regions.map((r) => r.name) },
    age_band: { type: 'ordinal', label: 'Tranche d’âge', levels: M.ageBands.map((a) => a.band) },
  };
  for (const a of M.attributes) {
    cols[`sat_${a.key}`] = { type: 'ordinal', label: `Satisfaction — ${a.label}`, scale: [1, 4], missing: [9], labels: SAT_LABELS };
  }
  for (const a of M.attributes) {
    cols[`imp_${a.key}`] = { type: 'ordinal', label: `Importance — ${a.label}`, scale: [1, 4], missing: [9], labels: IMP_LABELS };
  }
  Object.assign(cols, {
    overall: { type: 'ordinal', label: 'Satisfaction globale', scale: [1, 4], labels: SAT_LABELS },
    nps: { type: 'numeric', label: 'Recommandation 0-10 (NPS)', scale: [0, 10], missing: [99], labels: { 0: 'Pas du tout probable', 10: 'Très probable' } },
    ces: { type: 'numeric', label: 'Effort client (CES) 1-7', scale: [1, 7], labels: { 1: 'Très faible effort', 7: 'Très fort effort' } },
    complained: { type: 'categorical', label: 'A fait une réclamation dans l’année', levels: ['non', 'oui'] },
    resolved: { type: 'categorical', label: 'Réclamation résolue (vide si pas de réclamation)', levels: ['non', 'oui'] },
    left_within_year: { type: 'categorical', label: 'A résilié dans l’année suivant l’entretien', levels: ['non', 'oui'] },
    verbatim: { type: 'text', label: 'Commentaire libre' },
  } satisfies Record<string, CodebookColumn>);
  return { name: 'Baromètre de satisfaction assurance (synthétique)', lang: 'fr', columns: cols, translations: { en: englishLabels(waves) } };
}

/**
 * Generates a synthetic insurance satisfaction barometer anchored on the BTS MUC 2007 case
 * (subject n° 11, annexes 1 and 3): `waves` cross-sectional waves `monthsBetweenWaves` apart,
 * contract type, region, age band, satisfaction and importance (1–4, 9 = NSP) of the ten
 * annex-1 attributes, overall satisfaction, NPS (99 = no answer), CES, complaint, resolution,
 * attrition within a year and a French verbatim.
 *
 * Model (all parameters in `barometerModel`): a latent satisfaction L ~ N(μ_contract + δ_age, σ²_contract)
 * per respondent; sat*_k = m(k, wave) + 0.55·L + N(0, 0.6²), rating = clamp(round(sat*), 1, 4) with m
 * calibrated so that E[sat_k] = annex-1 mean + trend_k·(wave − 1) (kept within [1.05, 3.95] beyond wave 3);
 * importance likewise around the annex-1 importances, through an independent latent; overall* = 2.80 +
 * Σ w_k (sat_k − annex_k) + N(0, 0.40²), overall = clamp(round(overall*), 1, 4), weights 0.40
 * rapport_couv_cot, 0.35 qualite_indemn, 0.30 delai_indemn, 0.15 competence_perso, 0.05 contact, delai_rep,
 * demarches, 0 the others; NPS and CES linear in overall*; complaint by overall level; attrition 0.16 vs 0.08
 * (dissatisfied vs satisfied) × 0.5 if the complaint was resolved, × 1.5 if not. Missing codes are
 * MCAR at the stated rates. The same options give the same rows on every platform (no clock, no
 * locale; only `rng(seed)` from @satlab/stats).
 *
 * @param opts see `BarometerOptions` (seed required).
 * @returns rows per wave, column names, the codebook, wave dates and calibrated intercepts.
 * @throws {TypeError} when seed is not a finite number.
 * @throws {RangeError} when a size, date or count is out of range.
 * @example
 * const b = generateBarometer({ seed: 2007 });
 * b.waves.length; //=> 3
 * b.waves[0].length; //=> 1500
 * b.waves[0][0].respondent_id; //=> 'R1-00001'
 */
export function generateBarometer(opts: BarometerOptions): Barometer {
  const { seed, waves = 3, respondentsPerWave = 1500, firstWaveDate = '2024-01-15', monthsBetweenWaves = 9 } = opts;
  const customers = opts.customers ?? Math.max(6000, Math.ceil((4 * waves * respondentsPerWave) / 3));
  const r = rng(seed);
  checkInt('waves', waves, 1, 12);
  checkInt('respondentsPerWave', respondentsPerWave, 1, 200_000);
  checkInt('monthsBetweenWaves', monthsBetweenWaves, 1, 120);
  checkInt('customers', customers, waves * respondentsPerWave, 999_999);
  const day0 = parseIsoDay(firstWaveDate);
  if (day0 === undefined) throw new RangeError(`generateBarometer: firstWaveDate must be an ISO date YYYY-MM-DD, got "${firstWaveDate}"`);

  const A = M.attributes;
  const K = A.length;
  const { satLoading: beta, satNoiseSd: sigE, impLoading: gamma, impNoiseSd: sigU } = M.latent;
  const contractShares = M.contracts.map((c) => c.share);
  const ageShares = M.ageBands.map((a) => a.share);
  const regionShares = M.regions.map((x) => x.share);

  // Calibration: mixture over contract × age of the latent's contribution to sat*.
  const satMix: { w: number; shift: number; sd: number }[] = [];
  for (const c of M.contracts) {
    for (const a of M.ageBands) {
      satMix.push({ w: c.share * a.share, shift: beta * (c.latentMean + a.latentShift), sd: Math.sqrt(beta * beta * c.latentSd * c.latentSd + sigE * sigE) });
    }
  }
  const impMix = [{ w: 1, shift: 0, sd: Math.sqrt(gamma * gamma + sigU * sigU) }];
  const satIntercepts: number[][] = [];
  for (let w = 1; w <= waves; w++) {
    satIntercepts.push(A.map((a) => calibrate(Math.min(3.95, Math.max(1.05, a.satisfactionWave1 + a.trendPerWave * (w - 1))), satMix)));
  }
  const impIntercepts = A.map((a) => calibrate(a.importance, impMix));
  const overallIntercept = M.overall.centre - A.reduce((s, a) => s + a.overallWeight * a.satisfactionWave1, 0);
  const kDemarches = A.findIndex((a) => a.key === 'demarches');

  const satCols = A.map((a) => `sat_${a.key}`);
  const impCols = A.map((a) => `imp_${a.key}`);
  const columns = ['respondent_id', 'customer_id', 'wave', 'interview_date', 'contract', 'region', 'age_band', ...satCols, ...impCols, 'overall', 'nps', 'ces', 'complained', 'resolved', 'left_within_year', 'verbatim'];

  const pool = new Int32Array(customers);
  for (let i = 0; i < customers; i++) pool[i] = i + 1;
  const sat = new Int32Array(K);
  const out: BarometerRow[][] = [];
  const waveDates: string[] = [];
  for (let w = 1; w <= waves; w++) {
    const start = addMonths(day0, monthsBetweenWaves * (w - 1));
    waveDates.push(formatDay(start));
    // Fieldwork days (Sundays excluded), interview days sorted, customers without replacement.
    const fieldDays: number[] = [];
    for (let d = 0; d < M.fieldworkDays; d++) if (dayOfWeek(start + d) !== 6) fieldDays.push(start + d);
    const days = new Int32Array(respondentsPerWave);
    for (let i = 0; i < respondentsPerWave; i++) days[i] = fieldDays[r.int(fieldDays.length)];
    days.sort();
    // Customers drawn without replacement over all waves: nobody is interviewed twice.
    const offset = (w - 1) * respondentsPerWave;
    for (let i = offset; i < offset + respondentsPerWave; i++) {
      const j = i + r.int(customers - i);
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    const m = satIntercepts[w - 1];
    const rows: BarometerRow[] = [];
    for (let i = 0; i < respondentsPerWave; i++) {
      const ci = pick(r, contractShares);
      const contract = M.contracts[ci];
      const region = M.regions[pick(r, regionShares)].name;
      const ai = pick(r, ageShares);
      const ageMissing = r.next() < M.ageMissingRate;
      const L = contract.latentMean + M.ageBands[ai].latentShift + contract.latentSd * r.normal();
      const inv = r.normal();
      let oStar = overallIntercept;
      for (let k = 0; k < K; k++) {
        sat[k] = clampRound(m[k] + beta * L + sigE * r.normal(), 1, 4);
        oStar += A[k].overallWeight * sat[k];
      }
      const imp = A.map((_, k) => clampRound(impIntercepts[k] + gamma * inv + sigU * r.normal(), 1, 4));
      oStar += M.overall.noiseSd * r.normal();
      const overall = clampRound(oStar, 1, 4);
      const dev = oStar - M.overall.centre;
      let nps = clampRound(M.nps.centre + M.nps.slope * dev + M.nps.noiseSd * r.normal(), 0, 10);
      const ces = clampRound(M.ces.centre + M.ces.overallSlope * dev + M.ces.demarchesSlope * (sat[kDemarches] - A[kDemarches].satisfactionWave1) + M.ces.noiseSd * r.normal(), 1, 7);
      const complained = r.next() < M.complaintByOverall[overall - 1];
      const resolved = complained && r.next() < M.resolvedRate;
      const base = overall <= 2 ? M.attrition.dissatisfied : M.attrition.satisfied;
      const factor = !complained ? 1 : resolved ? M.attrition.resolvedFactor : M.attrition.unresolvedFactor;
      const left = r.next() < base * factor;
      // Verbatim: tone from overall, theme from the lowest (negative) or highest (positive) rated attribute.
      const V = M.verbatim;
      const pVerb = V.base + (complained ? V.ifComplained : 0) + (overall === 1 ? V.ifVeryDissatisfied : 0) + (overall === 4 ? V.ifVerySatisfied : 0);
      let verbatim = '';
      if (r.next() < pVerb) {
        const positive = overall === 4 || (overall === 3 && r.next() < V.positiveShareWhenOverall3);
        let best = positive ? -1 : 5;
        for (let k = 0; k < K; k++) if (positive ? sat[k] > best : sat[k] < best) best = sat[k];
        const tied: number[] = [];
        for (let k = 0; k < K; k++) if (sat[k] === best) tied.push(k);
        const theme = THEME_OF[A[tied[r.int(tied.length)]].key];
        const list = positive ? VERBATIMS[theme].positive : VERBATIMS[theme].negative;
        verbatim = list[r.int(list.length)];
      }
      // Missing codes, MCAR.
      const row: Record<string, string | number> = {
        respondent_id: `R${w}-${pad(i + 1, 5)}`,
        customer_id: `C${pad(pool[offset + i], 6)}`,
        wave: w,
        interview_date: formatDay(days[i]),
        contract: contract.name,
        region,
        age_band: ageMissing ? '' : M.ageBands[ai].band,
      };
      for (let k = 0; k < K; k++) row[satCols[k]] = r.next() < A[k].satisfactionNspRate ? 9 : sat[k];
      for (let k = 0; k < K; k++) row[impCols[k]] = r.next() < A[k].importanceNspRate ? 9 : imp[k];
      if (r.next() < M.nps.missingRate) nps = M.nps.missingCode;
      row.overall = overall;
      row.nps = nps;
      row.ces = ces;
      row.complained = complained ? 'oui' : 'non';
      row.resolved = complained ? (resolved ? 'oui' : 'non') : '';
      row.left_within_year = left ? 'oui' : 'non';
      row.verbatim = verbatim;
      rows.push(row as BarometerRow);
    }
    out.push(rows);
  }
  return { columns, waves: out, codebook: barometerCodebook(waves), waveDates, satIntercepts, impIntercepts };
}
