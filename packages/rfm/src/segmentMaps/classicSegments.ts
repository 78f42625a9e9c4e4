import type { SegmentMap } from './segmentMap.js';
import { buildTable } from './segmentMap.js';

const names = ['Champions', 'Loyal customers', 'Potential loyalists', 'New customers', 'Promising', 'Need attention', 'About to sleep', 'At risk', "Can't lose them", 'Hibernating', 'Lost'] as const;

/**
 * The common English RFM segment map (11 segments). The names and their meaning are those of
 * Putler's RFM guide ("RFM Analysis For Successful Customer Segmentation": Champions bought
 * recently, buy often and spend the most; Can't lose them made big purchases often but long
 * ago; …); the cells are the widely used recency × frequency grid of RFM tutorials (Champions =
 * R 5 × F 4–5, Loyal = R 3–4 × F 4–5, Potential loyalists = R 4–5 × F 2–3, New = R 5 × F 1,
 * Promising = R 4 × F 1, Need attention = R 3 × F 3, About to sleep = R 3 × F 1–2, At risk =
 * R 1–2 × F 3–4, Can't lose them = R 1–2 × F 5, Hibernating = R 1–2 × F 1–2), with two changes
 * made here: the column is FM = round-half-up((F + M) / 2) so that spending counts, and Lost is
 * the corner R = 1, FM = 1 taken out of Hibernating. Every one of the 125 (R, F, M) combinations
 * falls in exactly one segment.
 */
export const classicSegments: SegmentMap = {
  id: 'classic',
  names,
  labels: [
    { en: 'Champions', fr: 'Champions' },
    { en: 'Loyal customers', fr: 'Clients fidèles' },
    { en: 'Potential loyalists', fr: 'Fidèles potentiels' },
    { en: 'New customers', fr: 'Nouveaux clients' },
    { en: 'Promising', fr: 'Prometteurs' },
    { en: 'Need attention', fr: 'À surveiller' },
    { en: 'About to sleep', fr: 'En voie d’endormissement' },
    { en: 'At risk', fr: 'À risque' },
    { en: "Can't lose them", fr: 'À ne pas perdre' },
    { en: 'Hibernating', fr: 'En hibernation' },
    { en: 'Lost', fr: 'Perdus' },
  ],
  reference: "Putler, 'RFM Analysis For Successful Customer Segmentation' (segment names); the usual R × F grid of RFM tutorials, on R × FM",
  rules: [
    { en: 'R = 5 and FM ≥ 4', fr: 'R = 5 et FM ≥ 4' },
    { en: 'R 3–4 and FM ≥ 4', fr: 'R 3–4 et FM ≥ 4' },
    { en: 'R ≥ 4 and FM 2–3', fr: 'R ≥ 4 et FM 2–3' },
    { en: 'R = 5 and FM = 1', fr: 'R = 5 et FM = 1' },
    { en: 'R = 4 and FM = 1', fr: 'R = 4 et FM = 1' },
    { en: 'R = 3 and FM = 3', fr: 'R = 3 et FM = 3' },
    { en: 'R = 3 and FM ≤ 2', fr: 'R = 3 et FM ≤ 2' },
    { en: 'R ≤ 2 and FM 3–4', fr: 'R ≤ 2 et FM 3–4' },
    { en: 'R ≤ 2 and FM = 5', fr: 'R ≤ 2 et FM = 5' },
    { en: 'R ≤ 2 and FM ≤ 2, except R = 1 and FM = 1', fr: 'R ≤ 2 et FM ≤ 2, sauf R = 1 et FM = 1' },
    { en: 'R = 1 and FM = 1', fr: 'R = 1 et FM = 1' },
  ],
  table: buildTable('classic', (r, fm) => {
    if (r === 5) return fm >= 4 ? 0 : fm >= 2 ? 2 : 3;
    if (r === 4) return fm >= 4 ? 1 : fm >= 2 ? 2 : 4;
    if (r === 3) return fm >= 4 ? 1 : fm === 3 ? 5 : 6;
    if (fm === 5) return 8;
    if (fm >= 3) return 7;
    return r === 1 && fm === 1 ? 10 : 9;
  }),
};
