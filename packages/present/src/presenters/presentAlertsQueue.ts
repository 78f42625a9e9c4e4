import { formatCount, formatEuro, formatNumber, formatPercent } from '@satlab/format';
import type { CallbackQueue, QueueEntry } from '@satlab/alerts';
import { col, renderWarnings, text } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell } from '../types.js';

/** Options of {@link presentAlertsQueue}. */
export interface AlertsQueuePresentOptions extends PresentOptions {
  /** Entries shown (the queue is sorted by priority). Default 20. */
  limit?: number;
}

const W = {
  en: {
    title: 'Callback queue of dissatisfied customers',
    sub: (n: string, shown: string): string => `${n} customers to call back (the first ${shown} shown)`,
    cols: { priority: 'priority', id: 'customer', score: 'score', severity: 'severity', value: 'value', reasons: 'reasons' },
    unknown: 'unknown',
    pct: (p: string): string => `percentile ${p}`,
    reading: (first: string, reasons: string): string => `Call first: ${first} (${reasons}).`,
    empty: 'No dissatisfied customer to call back.',
    formula: (w: string): string => `Priority: score = severity × (1 + ${w} × value percentile), severity = sum of the weights of the rules that fired; then severity, value, customer id.`,
    unknownValue: (n: string, one: boolean): string => (one ? `${n} customer has no known value: queued by severity alone.` : `${n} customers have no known value: they are queued by severity alone.`),
    missingId: (n: string, one: boolean): string => (one ? `${n} flagged respondent has no customer id and cannot be called back.` : `${n} flagged respondents have no customer id and cannot be called back.`),
  },
  fr: {
    title: 'File de rappel des clients insatisfaits',
    sub: (n: string, shown: string): string => `${n} clients à rappeler (les ${shown} premiers affichés)`,
    cols: { priority: 'priorité', id: 'client', score: 'score', severity: 'gravité', value: 'valeur', reasons: 'motifs' },
    unknown: 'inconnue',
    pct: (p: string): string => `centile ${p}`,
    reading: (first: string, reasons: string): string => `À rappeler d’abord : ${first} (${reasons}).`,
    empty: 'Aucun client insatisfait à rappeler.',
    formula: (w: string): string => `Priorité : score = gravité × (1 + ${w} × centile de valeur), gravité = somme des poids des règles déclenchées ; puis gravité, valeur, identifiant client.`,
    unknownValue: (n: string, one: boolean): string => (one ? `${n} client n’a pas de valeur connue : il est classé sur la seule gravité.` : `${n} clients n’ont pas de valeur connue : ils sont classés sur la seule gravité.`),
    missingId: (n: string, one: boolean): string => (one ? `${n} répondant signalé n’a pas d’identifiant client et ne peut pas être rappelé.` : `${n} répondants signalés n’ont pas d’identifiant client et ne peuvent pas être rappelés.`),
  },
};

/**
 * A callback queue for people: the customers to call back by priority, with their score, the
 * severity of what they said, their value (amount or segment, and percentile) and the reasons in
 * the reader's language, the formula, and the customers that could not be valued or identified.
 *
 * @example
 * const q = { method: 'm', formula: 'priority = severity × (1 + value percentile)', valueWeight: 1, valueBasis: 'amount', customers: 1, unknownValue: 0, unknownValueIds: [], missingId: 0, warnings: [],
 *   entries: [{ priority: 1, id: 'C-17', score: 1.8, severity: 1, reasons: [{ rule: 'nps', label: { en: 'detractor', fr: 'détracteur' }, weight: 1, values: { nps: 2 } }], value: { segment: null, amount: 1200, percentile: 0.8 }, rows: [4] }] };
 * presentAlertsQueue(q as never, { lang: 'fr' }).tables[0].rows[0].map((c) => c.t);
 * //=> ['1', 'C-17', '1,80', '1,00', '1 200,00 € (centile 80 %)', 'détracteur']
 */
export function presentAlertsQueue(q: CallbackQueue, opts: AlertsQueuePresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  const limit = opts.limit ?? 20;
  const shown = q.entries.slice(0, limit);
  const valueText = (e: QueueEntry): PresentedCell => {
    if (e.value === 'unknown') return text(w.unknown);
    const what = [e.value.segment, e.value.amount !== null ? formatEuro(e.value.amount, lang) : null].filter((x) => x !== null && x !== '').join(' · ');
    return { v: e.value.percentile, t: `${what} (${w.pct(formatPercent(e.value.percentile, lang, 0))})` };
  };
  const reasons = (e: QueueEntry): string => e.reasons.map((r) => r.label[lang] + (r.matched?.length ? ` (${r.matched.join(', ')})` : '')).join(lang === 'fr' ? ' ; ' : '; ');
  const first = shown[0];
  return {
    kind: 'alertsQueue',
    lang,
    title: opts.labels?.title ?? w.title,
    subtitle: w.sub(formatCount(q.entries.length, lang), formatCount(shown.length, lang)),
    tables: [
      {
        id: 'queue',
        title: '',
        columns: [col('priority', w.cols.priority, 'count'), col('id', w.cols.id, 'label'), col('score', w.cols.score, 'mean'), col('severity', w.cols.severity, 'mean'), col('value', w.cols.value, 'text'), col('reasons', w.cols.reasons, 'text')],
        rows: shown.map((e) => [{ v: e.priority, t: formatCount(e.priority, lang) }, text(e.id), { v: e.score, t: formatNumber(e.score, lang, 2, 2) }, { v: e.severity, t: formatNumber(e.severity, lang, 2, 2) }, valueText(e), text(reasons(e))]),
      },
    ],
    reading: first ? [w.reading(first.id, reasons(first))] : [w.empty],
    footnotes: [w.formula(formatNumber(q.valueWeight, lang, 2)), ...(q.unknownValue ? [w.unknownValue(formatCount(q.unknownValue, lang), q.unknownValue === 1)] : []), ...(q.missingId ? [w.missingId(formatCount(q.missingId, lang), q.missingId === 1)] : [])],
    warnings: renderWarnings(q.warnings, lang),
  };
}
