/**
 * Every warning @satlab/rfm puts in `result.warnings` (`rfm.*` codes), English and French side by
 * side; render with `renderMessage(m, lang)`.
 */
import type { MessageFormat } from '@satlab/messages';
import { defineMessages } from '@satlab/messages';

const s = (n: number): string => (n === 1 ? '' : 's');
const dimFr: Record<string, string> = { recency: 'la récence', frequency: 'la fréquence', monetary: 'le montant', r: 'R', f: 'F', m: 'M' };
const dim = (d: string, f: MessageFormat): string => (f.lang === 'fr' ? (dimFr[d] ?? d) : d);

export const msg = defineMessages('rfm', {
  fewDistinct: {
    en: (p: { dim: string; distinct: number }) => `${p.dim} has only ${p.distinct} distinct value${s(p.distinct)}: scores 1–${p.distinct} used`,
    fr: (p: { dim: string; distinct: number }, f) => `${dim(p.dim, f)} n’a que ${p.distinct} valeur${s(p.distinct)} distincte${s(p.distinct)}\u00a0: notes 1–${p.distinct} utilisées`,
  },
  emptyScore: {
    en: (p: { dim: string; scores: readonly number[] }) => `${p.dim}: no customer has score${p.scores.length > 1 ? 's' : ''} ${p.scores.join(', ')} with the thresholds given`,
    fr: (p: { dim: string; scores: readonly number[] }, f) => `${dim(p.dim, f)}\u00a0: aucun client n’a la note ${p.scores.join(', ')} avec les seuils donnés`,
  },
  afterAsOf: {
    en: (p: { n: number; asOf: string }) => `${p.n} transaction${s(p.n)} dated after the analysis date ${p.asOf} excluded`,
    fr: (p: { n: number; asOf: string }, f) => `${f.num(p.n)} transaction${s(p.n)} datée${s(p.n)} après la date d’analyse ${p.asOf} exclue${s(p.n)}`,
  },
  future: {
    en: (p: { n: number; today: string; latest: string; asOf: string }) =>
      `${p.n} transaction${s(p.n)} dated after today (${p.today}; the latest ${p.latest}) excluded: ` +
      (p.asOf
        ? `the analysis date is the day after the latest transaction up to today, ${p.asOf} (give --as-of to choose it)`
        : 'no transaction is dated up to today (give --as-of to choose the analysis date)'),
    fr: (p: { n: number; today: string; latest: string; asOf: string }, f) =>
      `${f.num(p.n)} transaction${s(p.n)} datée${s(p.n)} après aujourd’hui (${p.today}\u00a0; la plus tardive ${p.latest}) exclue${s(p.n)}\u00a0: ` +
      (p.asOf
        ? `la date d’analyse est le lendemain de la dernière transaction jusqu’à aujourd’hui, ${p.asOf} (donnez --as-of pour la choisir)`
        : 'aucune transaction n’est datée d’aujourd’hui ou avant (donnez --as-of pour choisir la date d’analyse)'),
  },
  negativeAmounts: {
    en: (p: { n: number }) => `${p.n} transaction${p.n === 1 ? ' has' : 's have'} a negative amount (returns?): included in monetary`,
    fr: (p: { n: number }, f) => `${f.num(p.n)} transaction${s(p.n)} ${p.n === 1 ? 'a' : 'ont'} un montant négatif (retours\u00a0?)\u00a0: inclus dans le montant`,
  },
  excluded: {
    en: (p: { n: number }) => `${p.n} transaction${s(p.n)} with a missing customer, date or amount excluded`,
    fr: (p: { n: number }, f) => `${f.num(p.n)} transaction${s(p.n)} sans client, date ou montant exclue${s(p.n)}`,
  },
  rescaled: {
    en: (p: { dims: readonly string[] }) => `segments use ${p.dims.join(', ')} scores rescaled to 1–5 (segment maps are defined on 5 levels)`,
    fr: (p: { dims: readonly string[] }) => `les segments utilisent les notes ${p.dims.join(', ')} ramenées à 1–5 (les cartes de segments sont définies sur 5 niveaux)`,
  },
  noCustomers: { en: (_: void) => 'no customer has a valid transaction', fr: (_: void) => 'aucun client n’a de transaction valide' },
  paretoNegative: {
    en: (p: { n: number }) => `${p.n} negative revenue value${s(p.n)} (refunds?) included in the total`,
    fr: (p: { n: number }, f) => `${f.num(p.n)} chiffre${s(p.n)} d’affaires négatif${s(p.n)} (remboursements\u00a0?) inclus dans le total`,
  },
  nonPositiveMonetary: {
    en: (p: { n: number }) => `${p.n} customer${p.n === 1 ? ' has' : 's have'} a total amount ≤ 0`,
    fr: (p: { n: number }, f) => `${f.num(p.n)} client${s(p.n)} ${p.n === 1 ? 'a' : 'ont'} un montant total ≤ 0`,
  },
});
