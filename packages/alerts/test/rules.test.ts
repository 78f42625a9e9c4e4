import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '@satlab/data';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, detectDissatisfied, loadCustomerValues, loadOutcomes, loadRules, parseRules } from '@satlab/alerts';
import { loadTable } from '@satlab/data';
import { renderMessage } from '@satlab/messages';

/** The English texts of structured warnings. */
const texts = (ws: readonly { text: string }[]): string[] => ws.map((w) => w.text);

const fixture = (f: string): string => fileURLToPath(new URL(`./fixtures/${f}`, import.meta.url));

function error(text: string): InputError {
  try {
    parseRules(text, 'r.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseRules / loadRules', () => {
  it('reads the documented schema: column tests, nps, all, verbatim, weights and bilingual reasons', () => {
    const r = loadRules(fixture('small-rules.yaml'));
    expect(r.idColumn).toBe('customer_id');
    expect(r.rules.map((x) => [x.id, x.weight, x.line])).toEqual([
      ['low-overall', 2, 4],
      ['detractor', 1, 10],
      ['effort', 1, 11],
      ['unresolved', 3, 12],
      ['negative-verbatim', 1, 16],
    ]);
    expect(r.rules[0].condition).toEqual({ kind: 'compare', column: 'overall', op: '<=', value: 2 });
    expect(r.rules[0].label).toEqual({ fr: 'Satisfaction globale ≤ 2', en: 'Overall satisfaction ≤ 2' });
    expect(r.rules[1].condition).toEqual({ kind: 'nps', column: 'nps', max: 6 });
    expect(r.rules[1].label.en).toBe('NPS detractor (nps ≤ 6)');
    expect(r.rules[2].label).toEqual({ fr: 'ces ≥ 5', en: 'ces ≥ 5' });
    expect(r.rules[3].condition).toEqual({ kind: 'all', conditions: [{ kind: 'compare', column: 'complained', op: '==', value: 'oui' }, { kind: 'compare', column: 'resolved', op: '==', value: 'non' }] });
    expect(r.rules[4].condition).toMatchObject({ kind: 'lexicon', column: 'verbatim', languages: 'both', negation: true });
    expect(texts(r.warnings)).toEqual([]);
  });

  it('reads JSON and objects too; custom lexicons extend or replace the default one', () => {
    const json = JSON.stringify({ id: 'client', lexicons: { assur: { fr: ['vétusté'], extend: 'fr' } }, rules: [{ id: 'v', verbatim: 'txt', lexicon: 'assur' }, { id: 'w', verbatim: 'txt', lexicon: { words: ['franchise'] } }] });
    const r = parseRules(json, 'r.json');
    expect(r.idColumn).toBe('client');
    const c0 = r.rules[0].condition as { lexicon: { fr: readonly string[]; en: readonly string[] } };
    expect(c0.lexicon.fr).toEqual([...DEFAULT_LEXICON.fr, 'vétusté']);
    expect(c0.lexicon.en).toEqual([]);
    const c1 = r.rules[1].condition as { lexicon: { fr: readonly string[] } };
    expect(c1.lexicon.fr).toEqual(['franchise']);
    expect(parseRules({ rules: [{ id: 'x', column: 'a', in: ['u', 'v'] }] }).rules[0].condition).toEqual({ kind: 'in', column: 'a', values: ['u', 'v'], negate: false });
  });

  it('validation errors are InputErrors naming the file, the rule line and the rule', () => {
    const e = error('rules:\n  - id: ok\n    column: a\n    eq: 1\n  - id: bad-op\n    column: overall\n    op: "=<"\n    value: 2\n');
    expect(e.message).toBe('r.yaml:5: rule "bad-op" (rules[1]): op must be one of "<", "<=", ">", ">=", "==", "!=", got "=<"');
    expect(e.location).toMatchObject({ file: 'r.yaml', line: 5 });
    expect(error('rules:\n  - { id: a, column: x, op: "<", value: oui }\n').message).toMatch(/r\.yaml:2: rule "a" .*op "<" compares numbers, but value is the text "oui"/);
    expect(error('rules:\n  - { id: a, column: x }\n').message).toMatch(/rule "a".*needs one test: op \+ value, eq, ne, in or notIn/);
    expect(error('rules:\n  - { id: a, nps: n, column: x, eq: 1 }\n').message).toMatch(/has "column" and "nps": give only one/);
    expect(error('rules:\n  - { id: a, column: x, eq: 1 }\n  - { id: a, column: y, eq: 1 }\n').message).toMatch(/r\.yaml:3: rule "a" \(rules\[1\]\): id "a" is used twice/);
    expect(error('rules:\n  - { column: x, eq: 1 }\n').message).toMatch(/r\.yaml:2: rules\[0\]: "id" must be a name/);
    expect(error('rules:\n  - { id: a, column: x, eq: 1, weight: 0 }\n').message).toMatch(/"weight" must be a number > 0/);
    expect(error('rules:\n  - { id: a, verbatim: v, lexicon: medical }\n').message).toMatch(/lexicon "medical" is neither fr, en, both nor a lexicon defined/);
    expect(error('rules:\n  - { id: a, verbatim: v, lexicon: { fr: ["ok", "x*"] } }\n').message).toMatch(/lexicon\.fr: "x\*": a stem needs at least 3 letters/);
    expect(error('rules: []\n').message).toMatch(/^r\.yaml: rules file: "rules" must be a non-empty list/);
    expect(error('rules:\n  - id: [a\n').message).toMatch(/^r\.yaml:\d+: not valid YAML\/JSON/);
  });

  it('unknown keys are warnings, not errors', () => {
    const r = parseRules('title: x\nrules:\n  - { id: a, column: x, eq: 1, colour: red }\n', 'r.yaml');
    expect(texts(r.warnings)).toEqual(['r.yaml: unknown key "title" ignored', 'r.yaml: rule "a" (rules[0]): unknown key "colour" ignored']);
    expect(r.warnings.map((w) => w.code)).toEqual(['alerts.unknownKeys', 'alerts.unknownKeys']);
    expect(renderMessage(r.warnings[0], 'fr')).toBe('r.yaml : clé inconnue «\u00a0title\u00a0» ignorée');
  });

  it('a missing rules file is an InputError naming it', () => {
    expect(() => loadRules('/nonexistent/rules.yaml')).toThrow(/\/nonexistent\/rules\.yaml: rules file not found/);
  });

  it('the example rules of the barometer parse without warnings', () => {
    const p = fileURLToPath(new URL('../examples/barometer-rules.yaml', import.meta.url));
    const r = parseRules(readFileSync(p, 'utf8'), p);
    expect(r.rules.map((x) => x.id)).toEqual(['low-overall', 'detractor', 'effort', 'unresolved', 'negative-verbatim']);
    expect(texts(r.warnings)).toEqual([]);
  });
});

describe('input errors are coded messages with English and French texts', () => {
  /** The InputError a call throws (fails the test when it throws nothing or something else). */
  const thrown = (f: () => unknown): InputError => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return e as InputError;
    }
    return expect.unreachable('no error thrown');
  };
  const parse = (text: string) => () => parseRules(text, 'r.yaml');

  it('rules-file errors carry an alerts.* code and read in French, the place in the file included', () => {
    const op = thrown(parse('rules:\n  - id: bad-op\n    column: overall\n    op: "=<"\n    value: 2\n'));
    expect(op.code).toBe('alerts.badOp');
    expect(op.render('fr')).toBe('r.yaml:2\u00a0: règle «\u00a0bad-op\u00a0» (rules[0]) : op doit valoir «\u00a0<\u00a0», «\u00a0<=\u00a0», «\u00a0>\u00a0», «\u00a0>=\u00a0», «\u00a0==\u00a0», «\u00a0!=\u00a0», reçu "=<"');
    const cases: [string, string, RegExp][] = [
      ['rules: []\n', 'alerts.noRules', /^r\.yaml\s: fichier de règles : « rules » doit être une liste de règles non vide$/],
      ['rules:\n  - { id: a, column: x }\n', 'alerts.columnTests', /la colonne «\s?x\s?» demande un test et un seul/],
      ['rules:\n  - { id: a, nps: n, column: x, eq: 1 }\n', 'alerts.conditionKind', /la règle a «\s?column\s?» et «\s?nps\s?» : n’en donnez qu’une/],
      ['rules:\n  - { id: a, column: x, eq: 1 }\n  - { id: a, column: y, eq: 1 }\n', 'alerts.duplicateId', /r\.yaml:3\s: règle «\s?a\s?» \(rules\[1\]\) : l’id «\s?a\s?» est utilisé deux fois/],
      ['rules:\n  - { column: x, eq: 1 }\n', 'alerts.badId', /r\.yaml:2\s: rules\[0\] : « id » doit être un nom/],
      ['rules:\n  - { id: a, column: x, eq: 1, weight: 0 }\n', 'alerts.badWeight', /« weight » doit être un nombre > 0, reçu 0/],
      ['rules:\n  - { id: a, verbatim: v, lexicon: medical }\n', 'alerts.unknownLexicon', /le lexique «\s?medical\s?» n’est ni fr, ni en, ni both.*\(aucun défini\)/],
      ['rules:\n  - { id: a, verbatim: v, lexicon: { fr: ["ok", "x*"] } }\n', 'alerts.lexiconEntry', /lexicon\.fr : «\s?x\*\s?» : une racine demande au moins 3 lettres avant « \* »/],
      ['rules:\n  - { id: a, nps: n, max: 12 }\n', 'alerts.badNpsMax', /« max » \(plus haute note de détracteur\) doit être un entier de 0 à 9, reçu 12/],
      ['rules:\n  - { id: a, column: x, op: "<", value: oui }\n', 'alerts.opTextValue', /op «\s?<\s?» compare des nombres, mais value est le texte «\s?oui\s?»/],
      ['lexicons: { fr: { fr: [a] } }\nrules:\n  - { id: a, column: x, eq: 1 }\n', 'alerts.reservedLexicon', /le nom de lexique «\s?fr\s?» est réservé/],
      ['rules:\n  - id: [a\n', 'alerts.notYaml', /^r\.yaml:\d+\s: YAML\/JSON invalide : /],
    ];
    for (const [text, code, fr] of cases) {
      const e = thrown(parse(text));
      expect(e.code, text).toBe(code);
      expect(e.render('fr'), text).toMatch(fr);
      // The English text is the message, with no French word in it.
      expect(e.message, text).not.toMatch(/règle|doit|reçu|fichier/);
    }
  });

  it('file errors and survey errors are coded too: rules file not found, a rule’s column missing from the survey', () => {
    const nf = thrown(() => loadRules('/nonexistent/rules.yaml'));
    expect([nf.code, nf.message, nf.render('fr')]).toEqual(['alerts.rulesNotFound', '/nonexistent/rules.yaml: rules file not found', '/nonexistent/rules.yaml\u00a0: fichier de règles introuvable']);
    const survey = loadTable(fixture('small-survey.csv'), { codebook: fixture('small-codebook.yaml') }).table;
    const col = thrown(() => detectDissatisfied(survey, parseRules('rules:\n  - { id: q, column: sat_q9, op: "<=", value: 2 }\n', 'my-rules.yaml')));
    expect(col.code).toBe('alerts.ruleNoColumn');
    expect(col.render('fr')).toMatch(/^my-rules\.yaml:2\s: règle «\s?q\s?» : pas de colonne «\s?sat_q9\s?» dans l’enquête \(les colonnes sont : /);
    const id = thrown(() => detectDissatisfied(survey, parseRules({ id: 'client', rules: [{ id: 'n', nps: 'nps' }] }, 'r.yaml')));
    expect(id.code).toBe('alerts.noIdColumn');
    expect(id.render('fr')).toMatch(/pas de colonne d’identifiant client «\s?client\s?» dans l’enquête .* ; indiquez « id: » dans le fichier de règles/);
    const out = thrown(() => loadOutcomes({ name: 'o.csv', bytes: 'customer_id,treated,outcome\nC1,oui,kept\nC2,peut-être,left\n' }));
    expect(out.code).toBe('alerts.badOutcomeValue');
    expect(out.render('fr')).toMatch(/^o\.csv:3:2 .*«\s?peut-être\s?» n’est pas une valeur valide de treated \(acceptées : oui\/non, yes\/no, 1\/0\)/);
    expect(thrown(() => loadOutcomes({ name: 'o.csv', bytes: 'id,treated\nC1,oui\n' })).render('fr')).toMatch(/^o\.csv:1\s: pas de colonne «\s?outcome\s?» \(les colonnes sont : /);
    const values = thrown(() => loadCustomerValues({ name: 'v.csv', bytes: 'customer,ca\nC1,10\n' }, { valueColumn: 'monetary' }));
    expect(values.code).toBe('alerts.noNamedColumn');
    expect(values.render('fr')).toMatch(/^v\.csv:1\s: pas de colonne de valeur «\s?monetary\s?»/);
    expect(thrown(() => loadCustomerValues({ name: 'v.csv', bytes: 'client,ca\nC1,10\n' })).code).toBe('alerts.noDefaultColumn');
    expect(thrown(() => loadCustomerValues('/nonexistent/values.csv')).render('fr')).toBe('/nonexistent/values.csv\u00a0: fichier introuvable');
  });
});
