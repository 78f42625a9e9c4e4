import type { Message } from '@satlab/messages';
import { InputError } from '@satlab/data';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { DEFAULT_LEXICON } from './defaultLexicon.js';
import { compileEntry } from './internal/lexicon.js';
import { errors as E, msg } from './messages.js';
import type { RulesWhere } from './messages.js';
import type { Bilingual, CompareOp, Condition, Lexicon, Rule, RuleSet } from './types.js';

const OPS: readonly CompareOp[] = ['<', '<=', '>', '>=', '==', '!='];
const OP_TEXT: Record<CompareOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };
const ID = /^[A-Za-z0-9_-]+$/;
const TOP_KEYS = new Set(['id', 'rules', 'lexicons', 'name', 'description', 'version']);
const RULE_KEYS = new Set(['id', 'reason', 'weight']);
const CONDITION_KEYS = new Set(['column', 'op', 'value', 'eq', 'ne', 'in', 'notIn', 'nps', 'max', 'all', 'any', 'verbatim', 'lexicon', 'negation']);

type Plain = Record<string, unknown>;
const isPlain = (x: unknown): x is Plain => typeof x === 'object' && x !== null && !Array.isArray(x);

interface Ctx {
  file: string;
  at: RulesWhere;
  line: number | undefined;
  lexicons: Record<string, Lexicon>;
  warnings: Message[];
}

function fail(ctx: Ctx, message: Message): never {
  throw new InputError(message, { file: ctx.file, ...(ctx.line !== undefined ? { line: ctx.line } : {}) });
}

function scalar(ctx: Ctx, key: string, v: unknown): number | string {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return fail(ctx, E.numberOrText({ at: ctx.at, key, got: v }));
}

function columnName(ctx: Ctx, key: string, v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '') fail(ctx, E.notColumnName({ at: ctx.at, key, got: v }));
  return v.trim();
}

function lexiconOf(ctx: Ctx, spec: unknown): { lexicon: Lexicon; languages: 'fr' | 'en' | 'both' } {
  if (spec === undefined || spec === 'both' || spec === 'fr' || spec === 'en') return { lexicon: DEFAULT_LEXICON, languages: (spec ?? 'both') as 'fr' | 'en' | 'both' };
  if (typeof spec === 'string') {
    const named = ctx.lexicons[spec];
    if (!named) fail(ctx, E.unknownLexicon({ at: ctx.at, name: spec, defined: Object.keys(ctx.lexicons) }));
    return { lexicon: named, languages: 'both' };
  }
  return { lexicon: customLexicon(ctx, spec, 'lexicon'), languages: 'both' };
}

function customLexicon(ctx: Ctx, spec: unknown, what: string): Lexicon {
  if (Array.isArray(spec)) spec = { words: spec };
  if (!isPlain(spec)) fail(ctx, E.badLexicon({ at: ctx.at, what, got: spec }));
  const unknown = Object.keys(spec).filter((k) => !['fr', 'en', 'words', 'extend'].includes(k));
  if (unknown.length > 0) fail(ctx, E.lexiconKeys({ at: ctx.at, what, keys: unknown }));
  const list = (k: string): string[] => {
    const v = spec[k];
    if (v === undefined) return [];
    if (!Array.isArray(v)) fail(ctx, E.lexiconNotList({ at: ctx.at, what: `${what}.${k}` }));
    for (const e of v) {
      const c = compileEntry(e);
      if ('code' in c) fail(ctx, E.lexiconEntry({ at: ctx.at, what: `${what}.${k}`, entry: c }));
    }
    return v.map((e) => String(e));
  };
  const extend = spec.extend ?? false;
  if (extend !== false && extend !== 'fr' && extend !== 'en' && extend !== 'both') fail(ctx, E.badExtend({ at: ctx.at, what, got: extend }));
  const fr = [...(extend === 'fr' || extend === 'both' ? DEFAULT_LEXICON.fr : []), ...list('fr'), ...list('words')];
  const en = [...(extend === 'en' || extend === 'both' ? DEFAULT_LEXICON.en : []), ...list('en')];
  if (fr.length + en.length === 0) fail(ctx, E.emptyLexicon({ at: ctx.at, what }));
  return { fr, en };
}

function condition(ctx: Ctx, spec: unknown, path: string): { condition: Condition; label: Bilingual } {
  if (!isPlain(spec)) fail(ctx, E.conditionNotMapping({ at: ctx.at, path, got: spec }));
  const kinds = ['column', 'nps', 'all', 'any', 'verbatim'].filter((k) => spec[k] !== undefined);
  if (kinds.length !== 1) {
    fail(ctx, E.conditionKind({ at: ctx.at, path, kinds }));
  }
  const unknown = Object.keys(spec).filter((k) => !CONDITION_KEYS.has(k) && !RULE_KEYS.has(k));
  if (unknown.length > 0) ctx.warnings.push(msg.unknownKeys({ where: ctx.file, at: ctx.at, keys: unknown }));
  const kind = kinds[0];
  if (kind === 'all' || kind === 'any') {
    const list = spec[kind];
    if (!Array.isArray(list) || list.length === 0) fail(ctx, E.emptyConditions({ at: ctx.at, kind }));
    const parts = list.map((c, k) => condition(ctx, c, `${kind}[${k}]`));
    const join = kind === 'all' ? { fr: ' et ', en: ' and ' } : { fr: ' ou ', en: ' or ' };
    return {
      condition: { kind, conditions: parts.map((p) => p.condition) },
      label: { fr: parts.map((p) => p.label.fr).join(join.fr), en: parts.map((p) => p.label.en).join(join.en) },
    };
  }
  if (kind === 'nps') {
    const column = columnName(ctx, 'nps', spec.nps);
    const max = spec.max ?? 6;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > 9) fail(ctx, E.badNpsMax({ at: ctx.at, got: max }));
    return {
      condition: { kind: 'nps', column, max },
      label: { fr: `Détracteur NPS (${column} ≤ ${max})`, en: `NPS detractor (${column} ≤ ${max})` },
    };
  }
  if (kind === 'verbatim') {
    const column = columnName(ctx, 'verbatim', spec.verbatim);
    const { lexicon, languages } = lexiconOf(ctx, spec.lexicon);
    const negation = spec.negation ?? true;
    if (typeof negation !== 'boolean') fail(ctx, E.badNegation({ at: ctx.at, got: negation }));
    return {
      condition: { kind: 'lexicon', column, lexicon, languages, negation },
      label: { fr: `Verbatim négatif (${column})`, en: `Negative verbatim (${column})` },
    };
  }
  const column = columnName(ctx, 'column', spec.column);
  const forms = ['op', 'eq', 'ne', 'in', 'notIn'].filter((k) => spec[k] !== undefined);
  if (forms.length !== 1) fail(ctx, E.columnTests({ at: ctx.at, column, got: forms }));
  const form = forms[0];
  if (form === 'in' || form === 'notIn') {
    const list = spec[form];
    if (!Array.isArray(list) || list.length === 0) fail(ctx, E.emptyValues({ at: ctx.at, form }));
    const values = list.map((v) => scalar(ctx, form, v));
    const set = values.join(', ');
    const negate = form === 'notIn';
    return { condition: { kind: 'in', column, values, negate }, label: { fr: `${column} ${negate ? '∉' : '∈'} {${set}}`, en: `${column} ${negate ? '∉' : '∈'} {${set}}` } };
  }
  let op: CompareOp;
  let value: number | string;
  if (form === 'op') {
    if (!OPS.includes(spec.op as CompareOp)) fail(ctx, E.badOp({ at: ctx.at, ops: OPS, got: spec.op }));
    op = spec.op as CompareOp;
    if (spec.value === undefined) fail(ctx, E.opNeedsValue({ at: ctx.at, op }));
    value = scalar(ctx, 'value', spec.value);
    if (typeof value === 'string' && op !== '==' && op !== '!=') fail(ctx, E.opTextValue({ at: ctx.at, op, value }));
  } else {
    op = form === 'eq' ? '==' : '!=';
    value = scalar(ctx, form, spec[form]);
  }
  const text = `${column} ${OP_TEXT[op]} ${value}`;
  return { condition: { kind: 'compare', column, op, value }, label: { fr: text, en: text } };
}

function reasonOf(ctx: Ctx, spec: unknown, fallback: Bilingual): Bilingual {
  if (spec === undefined) return fallback;
  if (typeof spec === 'string' && spec.trim() !== '') return { fr: spec.trim(), en: spec.trim() };
  if (isPlain(spec)) {
    const fr = spec.fr, en = spec.en;
    if ((fr === undefined || typeof fr === 'string') && (en === undefined || typeof en === 'string') && (fr ?? en) !== undefined) {
      return { fr: String(fr ?? en).trim(), en: String(en ?? fr).trim() };
    }
  }
  return fail(ctx, E.badReason({ at: ctx.at, got: spec }));
}

/**
 * Reads and validates a rules file (YAML or JSON text, or the object it holds) for
 * `detectDissatisfied`. Schema:
 *
 * ```yaml
 * id: customer_id            # survey column identifying the customer (default customer_id)
 * lexicons:                  # optional named lexicons, used as `lexicon: <name>`
 *   assurance: { fr: ["franchise*", "vétusté"], extend: both }
 * rules:                     # at least one; ids unique (letters, digits, - and _)
 *   - id: low-overall
 *     column: overall        # a column test: op (<, <=, >, >=, ==, !=) + value,
 *     op: "<="               #   or eq / ne (one value), or in / notIn (a list)
 *     value: 2
 *     weight: 2              # severity weight, > 0 (default 1)
 *     reason: { fr: "Satisfaction globale ≤ 2", en: "Overall satisfaction ≤ 2" }   # default: the test written out
 *   - { id: detractor, nps: nps }             # NPS detractor: integer answer 0–10 ≤ max (default 6)
 *   - { id: effort, column: ces, op: ">=", value: 5 }
 *   - id: unresolved                          # all: every condition true; any: at least one
 *     all: [{ column: complained, eq: oui }, { column: resolved, eq: non }]
 *   - id: negative-verbatim
 *     verbatim: verbatim
 *     lexicon: both          # fr | en | both (DEFAULT_LEXICON) | a name under lexicons |
 *                            #   { fr: [...], en: [...], words: [...], extend: fr|en|both|false }
 *     negation: true         # default true (see matchLexicon)
 * ```
 * Conditions nest (`all`/`any` hold column tests, `nps`, `verbatim` or other `all`/`any`).
 * Numbers compare with the column's numbers (ordinal: the codes); texts compare with the
 * category or text as written, ignoring case, accents and surrounding spaces. Columns are checked
 * against the survey by `detectDissatisfied`.
 *
 * @param source the file's text (YAML 1.2, so JSON too) or an already parsed object.
 * @param file name used in error messages. Default `<rules>`.
 * @throws {InputError} YAML syntax; a missing or empty `rules`; a rule without a valid unique id,
 *   with no or several tests, an unknown op, a text value with `<`, a bad weight, reason or
 *   lexicon — the message names the file, the line of the rule (YAML/JSON text) and the rule.
 * @example
 * parseRules('rules:\n  - { id: low, column: overall, op: "<=", value: 2 }\n', 'rules.yaml');
 * //=> { file: 'rules.yaml', idColumn: 'customer_id', rules: [{ id: 'low', label: { fr: 'overall ≤ 2', en: 'overall ≤ 2' },
 * //     weight: 1, condition: { kind: 'compare', column: 'overall', op: '<=', value: 2 }, line: 2 }], warnings: [] }
 * parseRules('rules:\n  - { id: low, column: overall, op: "<<", value: 2 }\n', 'rules.yaml'); //=> throws InputError
 */
export function parseRules(source: string | object, file = '<rules>'): RuleSet {
  let data: unknown = source;
  const ruleLines: (number | undefined)[] = [];
  if (typeof source === 'string') {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      throw new InputError(E.notYaml({ detail: e.message.split('\n')[0] }), { file, line: lineCounter.linePos(e.pos[0]).line });
    }
    data = doc.toJS();
    const rulesNode = isMap(doc.contents) ? doc.contents.get('rules', true) : undefined;
    if (isSeq(rulesNode)) {
      for (const item of rulesNode.items) {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        ruleLines.push(range ? lineCounter.linePos(range[0]).line : undefined);
      }
    }
  } else if (typeof source !== 'object' || source === null) {
    throw new TypeError(`parseRules: source must be the text of a rules file or its object, got ${String(source)}`);
  }
  const base: Ctx = { file, at: { kind: 'file' }, line: undefined, lexicons: {}, warnings: [] };
  if (!isPlain(data)) fail(base, E.rulesNotMapping({ at: base.at }));
  const unknown = Object.keys(data).filter((k) => !TOP_KEYS.has(k));
  if (unknown.length > 0) base.warnings.push(msg.unknownKeys({ where: file, keys: unknown }));
  const idColumn = data.id === undefined ? 'customer_id' : columnName(base, 'id', data.id);
  if (data.lexicons !== undefined) {
    if (!isPlain(data.lexicons)) fail(base, E.lexiconsNotMapping({ at: base.at }));
    for (const [name, spec] of Object.entries(data.lexicons)) {
      if (['fr', 'en', 'both'].includes(name)) fail(base, E.reservedLexicon({ at: base.at, name }));
      base.lexicons[name] = customLexicon({ ...base, at: { kind: 'lexicon', name } }, spec, `lexicons.${name}`);
    }
  }
  if (!Array.isArray(data.rules) || data.rules.length === 0) fail(base, E.noRules({ at: base.at }));
  const rules: Rule[] = [];
  const seen = new Set<string>();
  data.rules.forEach((spec: unknown, k: number) => {
    const line = ruleLines[k];
    const ctx: Ctx = { ...base, at: { kind: 'rule', index: k }, line };
    if (!isPlain(spec)) fail(ctx, E.ruleNotMapping({ at: ctx.at, got: spec }));
    if (typeof spec.id !== 'string' || !ID.test(spec.id)) fail(ctx, E.badId({ at: ctx.at, got: spec.id }));
    ctx.at = { kind: 'rule', index: k, id: spec.id };
    if (seen.has(spec.id)) fail(ctx, E.duplicateId({ at: ctx.at, id: spec.id }));
    seen.add(spec.id);
    const weight = spec.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) fail(ctx, E.badWeight({ at: ctx.at, got: weight }));
    const { condition: cond, label } = condition(ctx, spec, '');
    rules.push({ id: spec.id, label: reasonOf(ctx, spec.reason, label), weight, condition: cond, ...(line !== undefined ? { line } : {}) });
  });
  return { file, idColumn, rules, warnings: base.warnings };
}
