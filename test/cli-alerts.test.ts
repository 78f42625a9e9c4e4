import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDelimited } from '@satlab/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain, requireBuild, root, satlab, scratch } from './helpers/satlab.js';

const fx = (f: string): string => join('packages/alerts/test/fixtures', f);
const small = [fx('small-survey.csv'), '--codebook', fx('small-codebook.yaml'), '--rules', fx('small-rules.yaml')];
const wave3 = ['datasets/barometer/wave-3.csv', '--codebook', 'datasets/barometer/codebook.yaml', '--rules', 'packages/alerts/examples/barometer-rules.yaml'];
const seed = JSON.parse(readFileSync(join(root, fx('seed000-roi.json')), 'utf8'));

beforeAll(() => {
  requireBuild('alerts');
  requireBuild('feedback');
});

describe('satlab alerts', () => {
  it('--json prints respondents, flagged, byReason and the queue [{id, reasons, value, priority}] (hand-checked file)', () => {
    const r = satlab(['alerts', ...small, '--customers', fx('small-values.csv'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.respondents).toBe(10);
    expect(out.flagged).toBe(8);
    expect(out.byReason).toEqual({ 'low-overall': 5, detractor: 5, effort: 5, unresolved: 3, 'negative-verbatim': 5 });
    expect(out.notEvaluable).toEqual({ 'low-overall': 1, detractor: 1, effort: 0, unresolved: 1, 'negative-verbatim': 3 });
    expect(out.queue.map((e: { id: string; priority: number }) => [e.priority, e.id])).toEqual([
      [1, 'A08'], [2, 'A01'], [3, 'A02'], [4, 'A03'], [5, 'A05'], [6, 'A07'], [7, 'A04'],
    ]);
    expect(out.queue[0].value).toEqual({ segment: 'Vedettes', amount: 900, percentile: 5 / 7 });
    expect(out.queue[5].value).toBe('unknown');
    expect(out.queue[1].reasons[4]).toEqual({ rule: 'negative-verbatim', text: 'Negative verbatim (verbatim): "Trop cher", "jamais de réponse"', weight: 1, values: {}, matched: ['Trop cher', 'jamais de réponse'] });
    expect(out.unknownValue).toBe(1);
    expect(out.missingId).toBe(1);
  });

  it('on barometer wave 3 the rule counts equal a direct count of the CSV', () => {
    const r = satlab(['alerts', ...wave3, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const d = readDelimited(join(root, 'datasets/barometer/wave-3.csv'));
    const col = (name: string): string[] => d.rows.map((row) => row[d.header.indexOf(name)]);
    const overall = col('overall').map(Number), nps = col('nps').map(Number), ces = col('ces').map(Number);
    const complained = col('complained'), resolved = col('resolved');
    expect(out.respondents).toBe(1500);
    expect(out.byReason['low-overall']).toBe(overall.filter((x) => x <= 2).length);
    expect(out.byReason.detractor).toBe(nps.filter((x) => x <= 6).length);
    expect(out.notEvaluable.detractor).toBe(nps.filter((x) => x === 99).length);
    expect(out.byReason.effort).toBe(ces.filter((x) => x >= 5).length);
    expect(out.byReason.unresolved).toBe(complained.filter((c, i) => c === 'oui' && resolved[i] === 'non').length);
    expect(out.notEvaluable['negative-verbatim']).toBe(col('verbatim').filter((v) => v.trim() === '').length);
    expect(out.queue).toHaveLength(out.flagged);
  });

  it('--out writes a formula-injection-safe CSV (French format with --lang fr)', () => {
    const survey = scratch('evil.csv', 'customer_id,overall\n=HYPERLINK("http://x"),1\n+33123,2\n-C1,1\n@C2,4\nC3,2\n');
    const rules = scratch('evil-rules.yaml', 'rules:\n  - { id: low, column: overall, op: "<=", value: 2, reason: "=cmd|calc" }\n');
    const out = scratch('evil-out.csv', '');
    const r = satlab(['alerts', survey, '--rules', rules, '--out', out, '--lang', 'fr']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFpriority;customer_id;score;')).toBe(true);
    const rows = readDelimited(out).rows;
    expect(rows.map((x) => x[1]).sort()).toEqual(["'+33123", "'-C1", "'=HYPERLINK(\"http://x\")", 'C3']);
    for (const row of rows) expect(row[4]).toBe(`'=cmd|calc : overall = ${row[1] === 'C3' || row[1] === "'+33123" ? 2 : 1}`);
    expect(text).not.toMatch(/(^|;)"?[=+\-@]/m);
  });

  it('--out .xlsx writes a workbook through the report package', () => {
    const out = scratch('queue.xlsx', '');
    const r = satlab(['alerts', ...small, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints a French summary with the rules table and the top of the queue', () => {
    const r = satlab(['alerts', ...small, '--customers', fx('small-values.csv'), '--lang', 'fr', '--top', '2']);
    expect(r.code).toBe(0);
    const text = plain(r.stdout);
    expect(text).toContain('Répondants : 10 · signalés : 8 (80,0 %)');
    expect(text).toMatch(/low-overall\s+Satisfaction globale ≤ 2\s+2\s+5\s+50,0 %\s+1/);
    expect(text).toMatch(/1\s+A08\s+13,71\s+8,00\s+Vedettes · 900,00 € \(centile 71 %\)/);
    expect(text).toContain('Valeur des clients : monetary (small-values.csv) · valeur inconnue : 1');
    expect(text).toContain('… 5 clients de plus');
    expect(text).toContain('1 client(s) de la file sur 7 absent(s) de');
  });

  it('a bad rules file exits 2 with one line naming the file, line and rule', () => {
    const rules = scratch('bad-rules.yaml', 'rules:\n  - id: ok\n    column: overall\n    eq: 1\n  - id: broken\n    column: overall\n    op: "=<"\n    value: 2\n');
    const r = satlab(['alerts', fx('small-survey.csv'), '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`satlab alerts: ${rules}:5: rule "broken" (rules[1]): op must be one of`);
    const missing = satlab(['alerts', fx('small-survey.csv'), '--rules', scratch('r2.yaml', 'rules:\n  - { id: q9, column: sat_q9, op: "<=", value: 2 }\n')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/r2\.yaml:2: rule "q9": no column "sat_q9" in the survey/);
    expect(satlab(['alerts', fx('small-survey.csv')]).stderr).toMatch(/missing required option --rules/);
  });
});

describe('satlab feedback', () => {
  const outcomes = (k1: number, n1: number, k2: number, n2: number): string => {
    const lines = ['customer_id,treated,outcome'];
    for (let i = 0; i < n1; i++) lines.push(`T${i},oui,${i < k1 ? 'kept' : 'left'}`);
    for (let i = 0; i < n2; i++) lines.push(`U${i},non,${i < k2 ? 'kept' : 'left'}`);
    return lines.join('\n') + '\n';
  };

  it('--json: measured uplift 0.70 reproduces the seed chain (360 / 252 / … / 51 600) beside the assumed one', () => {
    const r = satlab(['feedback', scratch('o70.csv', outcomes(9, 10, 2, 10)), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.uplift).toBe(0.7);
    expect(out.treated).toMatchObject({ n: 10, kept: 9, rate: 0.9 });
    expect(out.preferredTest).toBe('fisher exact test');
    for (const chain of [out.roi.assumed, out.roi.measured]) for (const [k, v] of Object.entries(seed.printed)) expect(chain[k], k).toBe(v);
  });

  it('prints the side-by-side ROI in French, with the measured chain on the real rate', () => {
    const r = satlab(['feedback', scratch('o8.csv', outcomes(276, 300, 252, 300)), '--lang', 'fr']);
    expect(r.code).toBe(0);
    const text = plain(r.stdout);
    expect(text).toMatch(/traités \(rappelés\)\s+300\s+276\s+24\s+92,0 %/);
    expect(text).toContain('traités − non traités = 8,0 points');
    expect(text).toMatch(/Nombre de clients insatisfaits conservés\s+252\s+28,8/);
    expect(text).toMatch(/TOTAL ROI annuel\s+51 600,00 €\s+-15 360,00 €/);
  });

  it('labels simulated outcomes as simulation, and takes the calculator inputs from options', () => {
    const sim = scratch('sim.csv', 'customer_id,treated,outcome,simulated\nA,oui,kept,oui\nB,non,left,oui\nC,oui,kept,oui\nD,non,kept,oui\n');
    const r = satlab(['feedback', sim, '--roi-surveyed', '1000', '--roi-process-cost', '1000', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.simulated).toBe(true);
    expect(out.warnings[0].code).toBe('alerts.simulated');
    expect(out.warnings[0].text).toMatch(/^SIMULATED outcomes/);
    expect(out.roi.assumed.inputs.surveyed).toBe(1000);
    expect(out.roi.measured.dissatisfiedDetected).toBe(30);
    expect(plain(satlab(['feedback', sim, '--lang', 'en']).stdout)).toMatch(/^\*\*\* SIMULATION/);
  });

  it('a bad outcome value exits 2 naming file, line and column', () => {
    const r = satlab(['feedback', scratch('bad-o.csv', 'customer_id,treated,outcome\nA,oui,kept\nB,non,maybe\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-o\.csv:3:3 \(column "outcome"\): "maybe" is not a valid outcome value/);
  });
});
