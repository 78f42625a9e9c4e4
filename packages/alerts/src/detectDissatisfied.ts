import type { Table } from '@satlab/data';
import { InputError } from '@satlab/data';
import { cellReader, type CellReader, textKey } from './internal/cells.js';
import { compiledLexicon, scanText } from './internal/lexicon.js';
import type { Message } from '@satlab/messages';
import { errors as E, msg } from './messages.js';
import type { Condition, Detection, Flag, Reason, Rule, RuleSet, RuleTally } from './types.js';

/** Options of {@link detectDissatisfied}. */
export interface DetectOptions {
  /** Survey column identifying the customer. Default: the rules file's `id` (itself default `customer_id`). */
  idColumn?: string;
}

/** Three-valued result of a condition: 1 true, 0 false, -1 not evaluable (a needed value is missing). */
type Truth = 1 | 0 | -1;

interface Trace {
  values: Record<string, number | string>;
  matched: string[];
  /** NPS answers outside 0–10 met, per column. */
  npsOut: Record<string, number>;
}

type Evaluator = (i: number, trace: Trace) => Truth;

const OPS = {
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
  '==': (a: number, b: number) => a === b,
  '!=': (a: number, b: number) => a !== b,
};

function asNumber(v: number | string): number {
  if (typeof v === 'number') return v;
  const s = v.trim().replace(',', '.');
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : NaN;
}

function compile(cond: Condition, rule: Rule, rules: RuleSet, table: Table, readers: Map<string, CellReader>): Evaluator {
  const fail = (message: Message): never => {
    throw new InputError(message, { file: rules.file, ...(rule.line !== undefined ? { line: rule.line } : {}) });
  };
  const reader = (name: string): CellReader => {
    let r = readers.get(name);
    if (!r) {
      const col = table.columns.find((c) => c.name === name);
      if (!col) fail(E.ruleNoColumn({ rule: rule.id, column: name, columns: table.columns.map((c) => c.name) }));
      r = cellReader(col!);
      readers.set(name, r);
    }
    return r;
  };
  switch (cond.kind) {
    case 'all':
    case 'any': {
      const parts = cond.conditions.map((c) => compile(c, rule, rules, table, readers));
      const all = cond.kind === 'all';
      // Kleene logic: all = false if one is false, else unknown if one is unknown; any = true if one is true.
      return (i, trace) => {
        let unknown = false;
        for (const p of parts) {
          const t = p(i, trace);
          if (t === -1) unknown = true;
          else if (all && t === 0) return 0;
          else if (!all && t === 1) return 1;
        }
        return unknown ? -1 : all ? 1 : 0;
      };
    }
    case 'nps': {
      const r = reader(cond.column);
      if (!r.numeric) fail(E.ruleNpsType({ rule: rule.id, column: cond.column, type: r.type }));
      return (i, trace) => {
        const x = r.number(i);
        if (Number.isNaN(x)) return -1;
        if (!Number.isInteger(x) || x < 0 || x > 10) {
          trace.npsOut[cond.column] = (trace.npsOut[cond.column] ?? 0) + 1;
          return -1;
        }
        trace.values[cond.column] = x;
        return x <= cond.max ? 1 : 0;
      };
    }
    case 'lexicon': {
      const r = reader(cond.column);
      if (r.type === 'numeric' || r.type === 'date') fail(E.ruleVerbatimType({ rule: rule.id, column: cond.column, type: r.type }));
      const lex = compiledLexicon('detectDissatisfied', cond.lexicon, cond.languages);
      return (i, trace) => {
        const s = r.text(i);
        if (s === null || s.trim() === '') return -1;
        const m = scanText(s, lex, cond.negation);
        if (m.matched.length === 0) return 0;
        trace.matched.push(...m.matched);
        return 1;
      };
    }
    case 'compare':
    case 'in': {
      const r = reader(cond.column);
      const targets = cond.kind === 'compare' ? [cond.value] : cond.values;
      const op = cond.kind === 'compare' ? cond.op : '==';
      const negate = cond.kind === 'in' && cond.negate;
      const ordering = op !== '==' && op !== '!=';
      const numericTargets = targets.every((v) => !Number.isNaN(asNumber(v)));
      if (ordering && !r.numeric) fail(E.ruleOrderType({ rule: rule.id, column: cond.column, type: r.type, op }));
      // Numeric and date columns compare numbers; ordinal ones numbers when the rule gives numbers
      // (or orders), else their labels; categorical, id and text columns compare texts.
      const useNumbers = r.type === 'numeric' || r.type === 'date' || (r.type === 'ordinal' && (ordering || targets.every((v) => typeof v === 'number')));
      if (useNumbers) {
        if (!numericTargets) fail(E.ruleNumbersVsText({ rule: rule.id, column: cond.column, value: String(targets.find((v) => Number.isNaN(asNumber(v)))) }));
        const nums = targets.map(asNumber);
        const test = OPS[op];
        return (i, trace) => {
          const x = r.number(i);
          if (Number.isNaN(x)) return -1;
          trace.values[cond.column] = x;
          const hit = nums.some((b) => test(x, b));
          return (negate ? !hit : hit) ? 1 : 0;
        };
      }
      // Texts: categories, ordinal labels (or their codes written as text), ids, free text.
      const keys = new Set(targets.map((v) => textKey(String(v))));
      const equal = op === '==';
      return (i, trace) => {
        const s = r.text(i);
        if (s === null) return -1;
        trace.values[cond.column] = s;
        const score = r.numeric ? r.number(i) : NaN;
        const hit = keys.has(textKey(s)) || (!Number.isNaN(score) && keys.has(String(score)));
        return (equal !== negate ? hit : !hit) ? 1 : 0;
      };
    }
  }
}

/** The column of the first NPS condition of a rule, if any. */
function firstNps(c: Condition): string | undefined {
  if (c.kind === 'nps') return c.column;
  if (c.kind === 'all' || c.kind === 'any') for (const x of c.conditions) {
    const f = firstNps(x);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** Whether a rule reads a verbatim. */
function readsLexicon(c: Condition): boolean {
  if (c.kind === 'lexicon') return true;
  return (c.kind === 'all' || c.kind === 'any') && c.conditions.some(readsLexicon);
}

/**
 * Detects dissatisfied respondents of a survey wave by the analyst's rules (Bathelot, « Management de l’insatisfaction client »: the first
 * step of dissatisfaction management, "détecter"): each rule is evaluated on every row, and a
 * respondent flagged by at least one rule is listed with the reasons (rule, its label, the values
 * it read, the words found in the verbatim) and a severity = Σ weights of the rules that fired.
 *
 * Missing values never flag: a rule whose needed value is missing is "not evaluable" for that
 * respondent, counted per rule (`notEvaluable`) and reported in a warning. `all`/`any` follow
 * three-valued (Kleene) logic: `all` is false as soon as one condition is false (so `complained =
 * oui and resolved = non` is simply false for someone who did not complain, even though
 * `resolved` is empty), unknown if one is unknown; `any` is true as soon as one is true. An NPS
 * rule ignores answers that are not integers 0–10 (an undeclared missing code such as 99) and
 * says so. A verbatim rule is not evaluable on an empty comment. When the rules also read an NPS
 * column, each verbatim rule reports its hit rate among detractors (0–6) and promoters (9–10)
 * (`rules[k].scoreHitRate`): how well its lexicon finds the dissatisfied in these comments.
 *
 * @param table the survey (from `loadTable`; use its codebook so that missing codes are missing).
 * @param rules from `parseRules` / `loadRules`.
 * @param options the id column (default: the rules file's).
 * @throws {InputError} a column named by a rule or the id column absent from the survey; a rule
 *   that compares a categorical column with `<`, or a numeric column with a text (the message
 *   names the rules file, the rule's line and id).
 * @example
 * import { loadTable } from '@satlab/data';
 * const { table } = loadTable('datasets/barometer/wave-3.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const d = detectDissatisfied(table, loadRules('packages/alerts/examples/barometer-rules.yaml'));
 * d.respondents; //=> 1500
 * d.byReason; //=> { 'low-overall': 583, detractor: 650, effort: 391, unresolved: 133, 'negative-verbatim': 277 }
 * d.flags[0];
 * //=> { row: 1, id: 'C000563', severity: 2, reasons: [{ rule: 'detractor', values: { nps: 5 }, … },
 * //     { rule: 'negative-verbatim', values: {}, matched: ['compliquées'], … }] }
 */
export function detectDissatisfied(table: Table, rules: RuleSet, options: DetectOptions = {}): Detection {
  const fn = 'detectDissatisfied';
  if (typeof table !== 'object' || table === null || !Array.isArray(table.columns)) throw new TypeError(`${fn}: table must be a Table (from loadTable), got ${String(table)}`);
  if (typeof rules !== 'object' || rules === null || !Array.isArray(rules.rules)) throw new TypeError(`${fn}: rules must be a RuleSet (from parseRules or loadRules), got ${String(rules)}`);
  const idColumn = options.idColumn ?? rules.idColumn;
  const idCol = table.columns.find((c) => c.name === idColumn);
  if (!idCol) {
    throw new InputError(E.noIdColumn({ column: idColumn, columns: table.columns.map((c) => c.name) }), { file: rules.file });
  }
  const ids = cellReader(idCol);
  const readers = new Map<string, CellReader>();
  const compiled = rules.rules.map((rule) => compile(rule.condition, rule, rules, table, readers));
  const n = table.nRows;
  const tallies: RuleTally[] = rules.rules.map((r) => ({ id: r.id, label: r.label, weight: r.weight, flagged: 0, notEvaluable: 0, evaluated: 0 }));
  const npsOut = rules.rules.map(() => new Map<string, number>());
  // Hit rate of the verbatim rules among detractors and promoters, when an NPS column is read.
  const npsColumn = rules.rules.map((r) => firstNps(r.condition)).find((c) => c !== undefined);
  const npsReader = npsColumn !== undefined ? readers.get(npsColumn) : undefined;
  const lexical = rules.rules.map((r) => readsLexicon(r.condition));
  const hit = rules.rules.map(() => [0, 0, 0, 0]); // detractors, their hits, promoters, their hits
  const flags: Flag[] = [];
  for (let i = 0; i < n; i++) {
    let reasons: Reason[] | undefined;
    let severity = 0;
    for (let k = 0; k < compiled.length; k++) {
      const trace: Trace = { values: {}, matched: [], npsOut: {} };
      const t = compiled[k](i, trace);
      for (const [c, m] of Object.entries(trace.npsOut)) npsOut[k].set(c, (npsOut[k].get(c) ?? 0) + m);
      if (t === -1) {
        tallies[k].notEvaluable++;
        continue;
      }
      tallies[k].evaluated++;
      if (lexical[k] && npsReader) {
        const x = npsReader.number(i);
        const g = Number.isInteger(x) && x >= 0 && x <= 6 ? 0 : Number.isInteger(x) && x >= 9 && x <= 10 ? 2 : -1;
        if (g >= 0) {
          hit[k][g]++;
          if (t === 1) hit[k][g + 1]++;
        }
      }
      if (t === 0) continue;
      tallies[k].flagged++;
      const rule = rules.rules[k];
      const reason: Reason = { rule: rule.id, label: rule.label, weight: rule.weight, values: trace.values };
      if (trace.matched.length > 0) reason.matched = [...new Set(trace.matched)];
      (reasons ??= []).push(reason);
      severity += rule.weight;
    }
    if (reasons) flags.push({ row: i, id: ids.text(i)?.trim() ?? null, reasons, severity });
  }
  tallies.forEach((t, k) => {
    if (!lexical[k] || npsColumn === undefined || !npsReader) return;
    const [d, dh, p, ph] = hit[k];
    t.scoreHitRate = { column: npsColumn, detractors: d, detractorHits: dh, detractorRate: d > 0 ? dh / d : NaN, promoters: p, promoterHits: ph, promoterRate: p > 0 ? ph / p : NaN };
  });
  const warnings = [...rules.warnings];
  tallies.forEach((t, k) => {
    for (const [c, m] of npsOut[k]) warnings.push(msg.npsOutOfRange({ rule: t.id, column: c, n: m }));
    if (t.notEvaluable > 0) warnings.push(msg.notEvaluable({ rule: t.id, n: t.notEvaluable, total: n }));
  });
  const missingIds = flags.filter((f) => f.id === null).length;
  if (missingIds > 0) warnings.push(msg.missingIds({ n: missingIds, column: idColumn }));
  return {
    method: 'rule-based detection; missing values never flag (three-valued logic, counted as not evaluable)',
    rulesFile: rules.file,
    idColumn,
    respondents: n,
    flagged: flags.length,
    flaggedShare: n > 0 ? flags.length / n : NaN,
    byReason: Object.fromEntries(tallies.map((t) => [t.id, t.flagged])),
    notEvaluable: Object.fromEntries(tallies.map((t) => [t.id, t.notEvaluable])),
    rules: tallies,
    flags,
    warnings,
  };
}
