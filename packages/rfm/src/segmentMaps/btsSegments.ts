import type { SegmentMap } from './segmentMap.js';
import { buildTable } from './segmentMap.js';

/**
 * The BTS map (French), after the BTS MUC 2007 case "Satisfaction et fidélité" (E5, sujet 11):
 * an insurance agency runs three mailing-plus-phone operations for three segments, « les
 * Vedettes, les Fidèles Endormis et les Timides ». The case names them without scores; their
 * definitions are derived from the names and the course text (the loyal customer « fait des
 * achats plus souvent » and « achète pour un montant plus élevé »; RFM « donne le signal de
 * départ » of a customer who stops buying), with two segments added so that every customer gets
 * one. On R and FM = round-half-up((F + M) / 2):
 *
 * - Vedettes (stars): R ≥ 4 and FM ≥ 4 — recent, frequent, big spenders: the « clients avocats »
 *   to keep and reward.
 * - Fidèles endormis (sleeping loyal customers): R ≤ 2 and FM ≥ 4 — bought often and much, but
 *   not lately: wake them up before they leave.
 * - Timides (shy customers): R ≥ 4 and FM ≤ 2 — recent but few and small purchases: to develop.
 * - Perdus (lost): R ≤ 2 and FM ≤ 2 — old, rare, small: win back only if profitable.
 * - Occasionnels (occasional): everything else, i.e. R = 3 or FM = 3 — middling customers.
 *
 * En français : sur les scores R et FM = arrondi de (F + M) / 2 (de 1 à 5, 5 = le meilleur),
 * - Vedettes : R ≥ 4 et FM ≥ 4 — clients récents, fréquents et à gros montants (les « clients
 *   avocats » à fidéliser et récompenser) ;
 * - Fidèles endormis : R ≤ 2 et FM ≥ 4 — ils achetaient souvent et beaucoup mais plus depuis
 *   longtemps : à réveiller (relance) avant qu'ils ne partent ;
 * - Timides : R ≥ 4 et FM ≤ 2 — clients récents mais qui achètent peu : à développer ;
 * - Perdus : R ≤ 2 et FM ≤ 2 — anciens, rares, petits montants : reconquête seulement s'ils
 *   sont rentables ;
 * - Occasionnels : tous les autres (R = 3 ou FM = 3), clients moyens.
 * Chaque combinaison (R, F, M) tombe dans exactement un segment.
 */
export const btsSegments: SegmentMap = {
  id: 'bts',
  names: ['Vedettes', 'Fidèles endormis', 'Timides', 'Occasionnels', 'Perdus'],
  labels: [
    { en: 'Stars', fr: 'Vedettes' },
    { en: 'Sleeping loyal customers', fr: 'Fidèles endormis' },
    { en: 'Shy customers', fr: 'Timides' },
    { en: 'Occasional customers', fr: 'Occasionnels' },
    { en: 'Lost', fr: 'Perdus' },
  ],
  reference: 'BTS MUC 2007, E5 sujet 11 « Satisfaction et fidélité » (segments named in question 2); rules derived here',
  rules: [
    { en: 'R ≥ 4 and FM ≥ 4: recent, frequent, big spenders', fr: 'R ≥ 4 et FM ≥ 4 : récents, fréquents, gros montants' },
    { en: 'R ≤ 2 and FM ≥ 4: frequent big spenders who stopped buying', fr: 'R ≤ 2 et FM ≥ 4 : gros clients fidèles qui n’achètent plus' },
    { en: 'R ≥ 4 and FM ≤ 2: recent but few, small purchases', fr: 'R ≥ 4 et FM ≤ 2 : récents mais achats rares et faibles' },
    { en: 'R = 3 or FM = 3: middling customers', fr: 'R = 3 ou FM = 3 : clients moyens' },
    { en: 'R ≤ 2 and FM ≤ 2: old, rare, small', fr: 'R ≤ 2 et FM ≤ 2 : anciens, rares, petits montants' },
  ],
  table: buildTable('bts', (r, fm) => {
    if (r >= 4 && fm >= 4) return 0;
    if (r <= 2 && fm >= 4) return 1;
    if (r >= 4 && fm <= 2) return 2;
    if (r <= 2 && fm <= 2) return 4;
    return 3;
  }),
};
