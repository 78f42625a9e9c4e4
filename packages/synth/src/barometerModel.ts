/**
 * The true model behind `generateBarometer`: every share, effect, weight, trend and missing rate,
 * in one frozen object so that documentation, tests and analyses can quote it.
 *
 * Source of the anchors: BTS Management des Unités Commerciales, épreuve E5, session 2007,
 * sujet n° 11 « Satisfaction et fidélité » (annex 1: mean satisfaction and importance of ten
 * attributes on a 1–4 scale; annex 3: overall satisfaction by contract type, n = 582).
 */

/** Short keys of the ten attributes of annex 1, in the annex order. */
export type AttributeKey =
  | 'contact'
  | 'delai_rep'
  | 'personnalisation'
  | 'comprehension'
  | 'informations'
  | 'demarches'
  | 'qualite_indemn'
  | 'delai_indemn'
  | 'competence_perso'
  | 'rapport_couv_cot';

/** The five contract types of annex 3, in the annex order. */
export type Contract = 'Auto/Moto' | 'Habitation' | 'Prév. Retraite' | 'Resp. civile' | 'Santé';

export interface AttributeModel {
  key: AttributeKey;
  /** Label as printed in annex 1. */
  label: string;
  /** The label in English (the codebook's `translations.en`). */
  labelEn: string;
  /** Annex 1 mean satisfaction (1–4): the expected mean of `sat_<key>` in wave 1. */
  satisfactionWave1: number;
  /** Annex 1 mean importance (1–4): the expected mean of `imp_<key>` in every wave. */
  importance: number;
  /** Change of the expected satisfaction mean per wave: E[sat | wave w] = wave-1 mean + trend·(w − 1). */
  trendPerWave: number;
  /** Weight of the attribute's 1–4 rating in the overall-satisfaction equation. */
  overallWeight: number;
  /** Share of `sat_<key>` answers replaced by the missing code 9 (NSP), at random. */
  satisfactionNspRate: number;
  /** Share of `imp_<key>` answers replaced by the missing code 9 (NSP), at random. */
  importanceNspRate: number;
}

export interface BarometerModel {
  attributes: readonly AttributeModel[];
  /** Contract shares (annex 3 row totals / 582) and the contract's latent satisfaction N(mean, sd²). */
  contracts: readonly { name: Contract; nameEn: string; annexCount: number; share: number; latentMean: number; latentSd: number }[];
  /** Age bands, their shares and their shift of the latent satisfaction. */
  ageBands: readonly { band: string; share: number; latentShift: number }[];
  /** Share of age_band left empty (refused). */
  ageMissingRate: number;
  /** Regions and their shares (region has NO effect on any answer). */
  regions: readonly { name: string; share: number }[];
  /**
   * Attribute ratings: sat* = m(k, wave) + satLoading·L + N(0, satNoiseSd²), rating = clamp(round(sat*), 1, 4),
   * m(k, wave) calibrated so that E[rating] = satisfactionWave1 + trendPerWave·(wave − 1).
   * Importance: imp* = n(k) + impLoading·M + N(0, impNoiseSd²), M ~ N(0, 1) independent of L,
   * n(k) calibrated so that E[rating] = importance.
   */
  latent: { satLoading: number; satNoiseSd: number; impLoading: number; impNoiseSd: number };
  /**
   * Overall satisfaction: o* = intercept + Σ w_k·sat_k + N(0, noiseSd²) with sat_k the 1–4 ratings
   * before NSP masking; overall = clamp(round(o*), 1, 4). intercept = centre − Σ w_k·satisfactionWave1_k.
   */
  overall: { centre: number; noiseSd: number };
  /** nps = clamp(round(centre + slope·(o* − overall.centre) + N(0, noiseSd²)), 0, 10); code 99 at random. */
  nps: { centre: number; slope: number; noiseSd: number; missingCode: number; missingRate: number };
  /**
   * ces = clamp(round(centre + overallSlope·(o* − overall.centre) + demarchesSlope·(sat_demarches − 2.06)
   * + N(0, noiseSd²)), 1, 7); 1 = very low effort.
   */
  ces: { centre: number; overallSlope: number; demarchesSlope: number; noiseSd: number };
  /** P(complained = oui | overall = 1, 2, 3, 4). */
  complaintByOverall: readonly [number, number, number, number];
  /** P(resolved = oui | complained = oui); resolved is empty when complained = non. */
  resolvedRate: number;
  /**
   * P(left_within_year = oui) = base × factor, base = dissatisfied (overall 1–2) or satisfied (3–4),
   * factor = 1 (no complaint), resolvedFactor or unresolvedFactor. With resolvedRate = 0.5 the factors
   * average to 1, so the marginal rates by satisfaction group are the bases (ratio 2).
   */
  attrition: { dissatisfied: number; satisfied: number; resolvedFactor: number; unresolvedFactor: number };
  /** P(verbatim not empty) = base + complained·ifComplained + [overall = 1]·ifVeryDissatisfied + [overall = 4]·ifVerySatisfied. */
  verbatim: { base: number; ifComplained: number; ifVeryDissatisfied: number; ifVerySatisfied: number; positiveShareWhenOverall3: number };
  /** Fieldwork: interviews spread over this many calendar days from the wave date, Sundays excluded. */
  fieldworkDays: number;
}

const ATTRIBUTE_ROWS: [AttributeKey, string, string, number, number, number, number, number][] = [
  // key, label, English label, annex sat, annex imp, trend/wave, overall weight, sat NSP rate
  ['contact', 'Contact', 'Contact', 1.91, 2.17, 0, 0.05, 0.02],
  ['delai_rep', 'Délai Rép.', 'Response time', 2.09, 2.2, 0, 0.05, 0.02],
  ['personnalisation', 'Personnalisation', 'Personalisation', 1.94, 1.71, 0, 0, 0.02],
  ['comprehension', 'Compréhension', 'Understanding', 2.2, 1.94, 0, 0, 0.02],
  ['informations', 'Informations', 'Information', 2.03, 2.03, 0.1, 0, 0.02],
  ['demarches', 'Démarches', 'Paperwork', 2.06, 2.26, 0, 0.05, 0.02],
  ['qualite_indemn', 'Qualité Indemn.', 'Settlement quality', 2.04, 3.66, 0, 0.35, 0.04],
  ['delai_indemn', 'Délai Indemn.', 'Time to settle', 2.4, 3.6, 0.15, 0.3, 0.04],
  ['competence_perso', 'Compétence Perso.', 'Staff competence', 2.2, 3.63, 0, 0.15, 0.02],
  ['rapport_couv_cot', 'Rapport Couv/Cot', 'Cover for the price', 1.88, 3.83, -0.1125, 0.4, 0.03],
];

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** The true model of the synthetic barometer (see `BarometerModel` for each equation). */
export const barometerModel: BarometerModel = deepFreeze({
  attributes: ATTRIBUTE_ROWS.map(([key, label, labelEn, s, i, trend, w, nsp]) => ({
    key,
    label,
    labelEn,
    satisfactionWave1: s,
    importance: i,
    trendPerWave: trend,
    overallWeight: w,
    satisfactionNspRate: nsp,
    importanceNspRate: 0.02,
  })),
  contracts: [
    { name: 'Auto/Moto', nameEn: 'Car/motorbike', annexCount: 198, share: 198 / 582, latentMean: -0.45, latentSd: 1 },
    { name: 'Habitation', nameEn: 'Home', annexCount: 162, share: 162 / 582, latentMean: 0.25, latentSd: 1 },
    { name: 'Prév. Retraite', nameEn: 'Pension plan', annexCount: 30, share: 30 / 582, latentMean: 0.35, latentSd: 2.2 },
    { name: 'Resp. civile', nameEn: 'Liability', annexCount: 66, share: 66 / 582, latentMean: 0.15, latentSd: 1 },
    { name: 'Santé', nameEn: 'Health', annexCount: 126, share: 126 / 582, latentMean: 0.1, latentSd: 1 },
  ],
  ageBands: [
    { band: '18-29', share: 0.15, latentShift: -0.2 },
    { band: '30-44', share: 0.28, latentShift: -0.1 },
    { band: '45-59', share: 0.3, latentShift: 0 },
    { band: '60+', share: 0.27, latentShift: 0.25 },
  ],
  ageMissingRate: 0.01,
  regions: [
    { name: 'Île-de-France', share: 0.3 },
    { name: 'Auvergne-Rhône-Alpes', share: 0.2 },
    { name: 'Hauts-de-France', share: 0.17 },
    { name: 'Nouvelle-Aquitaine', share: 0.17 },
    { name: 'Provence-Alpes-Côte d’Azur', share: 0.16 },
  ],
  latent: { satLoading: 0.55, satNoiseSd: 0.6, impLoading: 0.35, impNoiseSd: 0.55 },
  overall: { centre: 2.8, noiseSd: 0.4 },
  nps: { centre: 7, slope: 2.2, noiseSd: 1.5, missingCode: 99, missingRate: 0.02 },
  ces: { centre: 3.5, overallSlope: -0.8, demarchesSlope: -0.5, noiseSd: 1.1 },
  complaintByOverall: [0.45, 0.25, 0.1, 0.05],
  resolvedRate: 0.5,
  attrition: { dissatisfied: 0.16, satisfied: 0.08, resolvedFactor: 0.5, unresolvedFactor: 1.5 },
  verbatim: { base: 0.2, ifComplained: 0.4, ifVeryDissatisfied: 0.15, ifVerySatisfied: 0.1, positiveShareWhenOverall3: 0.5 },
  fieldworkDays: 21,
} satisfies BarometerModel);
