import { fileURLToPath } from 'node:url';
import { loadTable, tableFromColumns } from '@satlab/data';
import { describe, expect, it } from 'vitest';
import { detectDissatisfied, loadRules, parseRules } from '@satlab/alerts';
import { renderMessage } from '@satlab/messages';

/** The English texts of structured warnings. */
const texts = (ws: readonly { text: string }[]): string[] => ws.map((w) => w.text);

const fixture = (f: string): string => fileURLToPath(new URL(`./fixtures/${f}`, import.meta.url));
const survey = () => loadTable(fixture('small-survey.csv'), { codebook: fixture('small-codebook.yaml') }).table;

// Expected flags of small-survey.csv under small-rules.yaml, worked out by hand:
// row  id   overall nps ces compl/res verbatim                          → rules (weights)                      severity
// 0    A01  1       3   6   oui/non   "Trop cher, jamais de réponse !"  → low 2, detr 1, effort 1, unres 3, verb 1    8
// 1    A02  4       10  1   non/      "…pas déçu du tout." (negated)    → none
// 2    A03  2       7   4   oui/oui   (empty: verbatim not evaluable)   → low 2                                    2
// 3    A04  3       99  5   non/      "Not too expensive, no problem."  → effort 1 (nps 99 missing; both negated)  1
// 4    A05  3       6   2   oui/(empty) "Je vais résilier…"              → detr 1, verb 1 (unresolved not evaluable) 2
// 5    A06  (empty) 8   3   non/      (empty)                            → none (overall not evaluable)
// 6    A07  4       9   7   non/      "Disappointed: never answered…"    → effort 1, verb 1                          2
// 7    A08  2       5   5   oui/non   "Pas content du tout"              → low 2, detr 1, effort 1, unres 3, verb 1   8
// 8    (no id) 1    0   7   oui/non   "Scandaleux"                       → all five                                  8
// 9    A02  2       6   3   non/      (empty)                            → low 2, detr 1                             3
describe('detectDissatisfied on a hand-checked file', () => {
  const d = detectDissatisfied(survey(), loadRules(fixture('small-rules.yaml')));

  it('flags exactly the hand-checked rows with their severities', () => {
    expect(d.respondents).toBe(10);
    expect(d.flagged).toBe(8);
    expect(d.flaggedShare).toBe(0.8);
    expect(d.flags.map((f) => [f.row, f.id, f.severity, f.reasons.map((r) => r.rule)])).toEqual([
      [0, 'A01', 8, ['low-overall', 'detractor', 'effort', 'unresolved', 'negative-verbatim']],
      [2, 'A03', 2, ['low-overall']],
      [3, 'A04', 1, ['effort']],
      [4, 'A05', 2, ['detractor', 'negative-verbatim']],
      [6, 'A07', 2, ['effort', 'negative-verbatim']],
      [7, 'A08', 8, ['low-overall', 'detractor', 'effort', 'unresolved', 'negative-verbatim']],
      [8, null, 8, ['low-overall', 'detractor', 'effort', 'unresolved', 'negative-verbatim']],
      [9, 'A02', 3, ['low-overall', 'detractor']],
    ]);
  });

  it('the verbatim rule reports its hit rate among detractors and promoters (hand count: 4 of 4, 1 of 2)', () => {
    const v = d.rules.find((r) => r.id === 'negative-verbatim')!;
    // Comments judged: rows 0 (nps 3), 4 (6), 7 (5), 8 (0) detractors, all flagged; rows 1 (10) and 6 (9) promoters, row 6 flagged; row 3 (nps 99) in neither group.
    expect(v.scoreHitRate).toEqual({ column: 'nps', detractors: 4, detractorHits: 4, detractorRate: 1, promoters: 2, promoterHits: 1, promoterRate: 0.5 });
    expect(d.rules.find((r) => r.id === 'detractor')!.scoreHitRate).toBeUndefined();
  });

  it('counts by reason and never flags on a missing value (counted as not evaluable)', () => {
    expect(d.byReason).toEqual({ 'low-overall': 5, detractor: 5, effort: 5, unresolved: 3, 'negative-verbatim': 5 });
    expect(d.notEvaluable).toEqual({ 'low-overall': 1, detractor: 1, effort: 0, unresolved: 1, 'negative-verbatim': 3 });
    for (const t of d.rules) expect(t.flagged + (t.evaluated - t.flagged) + t.notEvaluable).toBe(10);
    expect(texts(d.warnings)).toContain('rule "unresolved": 1 respondent of 10 could not be judged (a value it needs is missing) and were not flagged');
    expect(texts(d.warnings)).toContain('1 flagged respondent without a customer id in "customer_id": listed in the detection but left out of the callback queue');
    const notEval = d.warnings.find((w) => w.code === 'alerts.notEvaluable' && w.params.rule === 'unresolved')!;
    expect(renderMessage(notEval, 'fr')).toBe('règle «\u00a0unresolved\u00a0» : 1 répondant(s) sur 10 n’ont pas pu être jugés (une valeur nécessaire manque) et n’ont pas été signalés');
  });

  it('gives each reason its values and the verbatim words found', () => {
    const a01 = d.flags[0].reasons;
    expect(a01[0]).toEqual({ rule: 'low-overall', label: { fr: 'Satisfaction globale ≤ 2', en: 'Overall satisfaction ≤ 2' }, weight: 2, values: { overall: 1 } });
    expect(a01[3].values).toEqual({ complained: 'oui', resolved: 'non' });
    expect(a01[4].matched).toEqual(['Trop cher', 'jamais de réponse']);
    expect(d.flags[3].reasons[1].matched).toEqual(['résilier']);
    expect(d.flags[4].reasons[1].matched).toEqual(['Disappointed', 'never answered']);
  });

  it('without a codebook, an NPS code 99 is not a detractor: treated as missing and reported', () => {
    const raw = loadTable(fixture('small-survey.csv')).table;
    const r = detectDissatisfied(raw, parseRules({ rules: [{ id: 'detractor', nps: 'nps' }] }));
    expect(r.byReason.detractor).toBe(5);
    expect(r.notEvaluable.detractor).toBe(1);
    expect(r.warnings[0]?.text).toBe('rule "detractor": 1 value of "nps" not an integer 0-10 (e.g. an undeclared missing code such as 99) treated as missing');
  });

  it('any / in / ne / ordinal labels follow three-valued logic', () => {
    const t = survey();
    const rules = parseRules({
      rules: [
        { id: 'any', any: [{ column: 'resolved', eq: 'non' }, { column: 'ces', op: '>=', value: 7 }] },
        { id: 'label', column: 'overall', eq: 'pas du tout satisfait' },
        { id: 'in', column: 'nps', in: [0, 10] },
        { id: 'ne', column: 'complained', ne: 'OUI' },
      ],
    });
    const r = detectDissatisfied(t, rules);
    // any: resolved = non on rows 0, 7, 8; ces 7 on rows 6, 8; unknown where resolved is empty and ces < 7.
    expect(r.byReason).toEqual({ any: 4, label: 2, in: 2, ne: 5 });
    expect(r.notEvaluable).toEqual({ any: 5, label: 1, in: 1, ne: 0 });
  });

  it('a rule on an absent column or a misuse of a column type is an InputError naming the rules file and rule', () => {
    const t = survey();
    expect(() => detectDissatisfied(t, parseRules('rules:\n  - { id: q, column: sat_q9, op: "<=", value: 2 }\n', 'my-rules.yaml'))).toThrow(
      /^my-rules\.yaml:2: rule "q": no column "sat_q9" in the survey \(the columns are: "customer_id", "overall"/,
    );
    expect(() => detectDissatisfied(t, parseRules({ rules: [{ id: 'c', column: 'complained', op: '<', value: 2 }] }, 'r.yaml'))).toThrow(/r\.yaml: rule "c": column "complained" is categorical: "<" needs numbers/);
    expect(() => detectDissatisfied(t, parseRules({ rules: [{ id: 'n', column: 'ces', eq: 'high' }] }, 'r.yaml'))).toThrow(/column "ces" holds numbers, but the rule compares it with "high"/);
    expect(() => detectDissatisfied(t, parseRules({ id: 'client', rules: [{ id: 'n', nps: 'nps' }] }, 'r.yaml'))).toThrow(/no customer id column "client"/);
  });

  it('works on a table built in memory', () => {
    const t = tableFromColumns({ id: ['x', 'y'], score: [1, NaN] }, { columns: { id: { type: 'id' } } });
    const r = detectDissatisfied(t, parseRules({ id: 'id', rules: [{ id: 'low', column: 'score', op: '<', value: 2 }] }));
    expect(r.flags).toEqual([{ row: 0, id: 'x', severity: 1, reasons: [{ rule: 'low', label: { fr: 'score < 2', en: 'score < 2' }, weight: 1, values: { score: 1 } }] }]);
    expect(r.notEvaluable.low).toBe(1);
  });
});
