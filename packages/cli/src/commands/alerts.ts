import { statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CallbackQueue, Condition, CustomerValues, Detection, QueueEntry } from '@satlab/alerts';
import { buildCallbackQueue, customerValues, describeReason, detectDissatisfied, loadCustomerValues, parseRules, queueRows, writeQueueCsv } from '@satlab/alerts';
import type { Column, CsvCell, Table } from '@satlab/data';
import { getColumn, InputError, numericValues } from '@satlab/data';
import type { Lang } from '@satlab/format';
import { formatCount, formatEuro, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Command, CommandContext } from '../command.js';
import { numberOption, positional, printJson, stringOption, UsageError } from '../command.js';
import { CODEBOOK_OPTION, listOption, loadSurveyFile, readInput, warningsBlock } from './_survey.js';

/** Columns a condition reads. */
function columnsOf(c: Condition, out: Set<string>): Set<string> {
  if (c.kind === 'all' || c.kind === 'any') for (const x of c.conditions) columnsOf(x, out);
  else out.add(c.column);
  return out;
}

/** The survey, typed by the codebook when given; columns no rule reads are kept as text (no inference). */
function openSurvey(ctx: CommandContext, file: string, used: Set<string>): Table {
  return loadSurveyFile(ctx, file, { inferColumns: [...used] }).table;
}

/** Values from the survey's own column (no --customers). */
function valuesFromSurvey(table: Table, idColumn: string, valueColumn: string, file: string, segmentOrder: string[] | undefined): CustomerValues {
  const col = getColumn(table, valueColumn);
  const idCol = getColumn(table, idColumn);
  const text = (c: Column, i: number): string | null => {
    switch (c.type) {
      case 'id':
      case 'text':
        return c.values[i];
      case 'categorical':
      case 'ordinal':
        return c.codes[i] < 0 ? null : c.levels[c.codes[i]];
      default:
        return Number.isNaN(c.values[i]) ? null : String(c.values[i]);
    }
  };
  const ids = Array.from({ length: table.nRows }, (_, i) => text(idCol, i));
  if (col.type === 'numeric') return customerValues({ ids, amounts: numericValues(table, valueColumn) }, { source: file, column: valueColumn });
  return customerValues({ ids, segments: Array.from({ length: table.nRows }, (_, i) => text(col, i)) }, { source: file, column: valueColumn, ...(segmentOrder ? { segmentOrder } : {}) });
}

interface XlsxTable {
  name: string;
  title: string;
  rows: CsvCell[][];
}
type TablesToXlsx = (tables: XlsxTable[], opts: { created: Date; title?: string }) => Promise<Buffer>;

/** The report helper's XLSX writer, when @satlab/report exports it (exceljs lives there). */
async function xlsxWriter(): Promise<TablesToXlsx | undefined> {
  try {
    const mod = (await import('@satlab/report')) as unknown as Record<string, unknown>;
    return typeof mod.tablesToXlsx === 'function' ? (mod.tablesToXlsx as TablesToXlsx) : undefined;
  } catch {
    return undefined;
  }
}

function valueText(v: QueueEntry['value'], basis: CallbackQueue['valueBasis'], lang: Lang): [string, string] {
  if (v === 'unknown') return ['', lang === 'fr' ? 'inconnue' : 'unknown'];
  const amount = v.amount === null ? '' : basis === 'amount' ? formatEuro(v.amount, lang, 0) : formatNumber(v.amount, lang, 2);
  return [v.segment ?? '', amount === '' ? `p${Math.round(v.percentile * 100)}` : `${amount} (p${Math.round(v.percentile * 100)})`];
}

/** Rule ids, with the verbatim words found (the full reasons are in --out and --json). */
function shortReasons(e: QueueEntry, lang: Lang): string {
  const q = (m: string): string => (lang === 'fr' ? `« ${m} »` : `"${m}"`);
  return e.reasons.map((r) => (r.matched ? `${r.rule} ${r.matched.map(q).join(', ')}` : r.rule)).join(', ');
}

function human(file: string, rulesFile: string, d: Detection, q: CallbackQueue, values: CustomerValues | undefined, top: number, out: { path: string; rows: number } | undefined, lang: Lang): string {
  const fr = lang === 'fr';
  const lines: string[] = [];
  lines.push(fr ? `Détection de l’insatisfaction — ${basename(file)} (règles : ${basename(rulesFile)})` : `Dissatisfaction detection — ${basename(file)} (rules: ${basename(rulesFile)})`);
  lines.push(
    fr
      ? `Répondants : ${formatCount(d.respondents, lang)} · signalés : ${formatCount(d.flagged, lang)} (${formatPercent(d.flaggedShare, lang, 1)})`
      : `Respondents: ${formatCount(d.respondents, lang)} · flagged: ${formatCount(d.flagged, lang)} (${formatPercent(d.flaggedShare, lang, 1)})`,
  );
  lines.push('');
  lines.push(
    textTable(
      d.rules.map((r) => [r.id, r.label[lang], formatNumber(r.weight, lang, r.weight % 1 === 0 ? 0 : 2), formatCount(r.flagged, lang), formatPercent(d.respondents > 0 ? r.flagged / d.respondents : NaN, lang, 1), formatCount(r.notEvaluable, lang)]),
      { header: fr ? ['règle', 'motif', 'poids', 'signalés', '% répondants', 'non évaluables'] : ['rule', 'reason', 'weight', 'flagged', '% respondents', 'not evaluable'], align: ['left', 'left', 'right', 'right', 'right', 'right'] },
    ),
  );
  for (const r of d.rules) {
    const h = r.scoreHitRate;
    if (!h) continue;
    const pct = (x: number): string => formatPercent(x, lang, 1);
    lines.push(
      fr
        ? `Règle « ${r.id} » : signale ${pct(h.detractorRate)} des détracteurs (${formatCount(h.detractorHits, lang)}/${formatCount(h.detractors, lang)}) et ${pct(h.promoterRate)} des promoteurs (${formatCount(h.promoterHits, lang)}/${formatCount(h.promoters, lang)}) dont elle a lu le commentaire (« ${h.column} »)`
        : `Rule "${r.id}": flags ${pct(h.detractorRate)} of detractors (${formatCount(h.detractorHits, lang)}/${formatCount(h.detractors, lang)}) and ${pct(h.promoterRate)} of promoters (${formatCount(h.promoterHits, lang)}/${formatCount(h.promoters, lang)}) whose comment it read ("${h.column}")`,
    );
  }
  lines.push('');
  const src = values ? `${values.column} (${basename(values.source)})` : fr ? 'aucune' : 'none';
  lines.push(
    fr
      ? `File des rappels : ${formatCount(q.customers, lang)} clients · valeur : ${src} · valeur inconnue : ${formatCount(q.unknownValue, lang)}`
      : `Callback queue: ${formatCount(q.customers, lang)} customers · value: ${src} · unknown value: ${formatCount(q.unknownValue, lang)}`,
  );
  lines.push(fr ? `Priorité : score = gravité × (1 + ${formatNumber(q.valueWeight, lang, 2)} × percentile de valeur), puis gravité, valeur, identifiant` : `Priority: score = severity × (1 + ${formatNumber(q.valueWeight, lang, 2)} × value percentile), then severity, value, id`);
  const shown = q.entries.slice(0, top);
  if (shown.length > 0) {
    lines.push('');
    lines.push(
      textTable(
        shown.map((e) => {
          const [seg, val] = valueText(e.value, q.valueBasis, lang);
          return [String(e.priority), e.id, formatNumber(e.score, lang, 2), formatNumber(e.severity, lang, e.severity % 1 === 0 ? 0 : 2), seg, val, shortReasons(e, lang)];
        }),
        { header: fr ? ['rang', 'client', 'score', 'gravité', 'segment', 'valeur', 'règles'] : ['rank', 'customer', 'score', 'severity', 'segment', 'value', 'rules'], align: ['right', 'left', 'right', 'right', 'left', 'right', 'left'] },
      ),
    );
    if (q.entries.length > top) lines.push(fr ? `… ${formatCount(q.entries.length - top, lang)} clients de plus (--out pour la liste complète)` : `… ${formatCount(q.entries.length - top, lang)} more customers (--out for the full list)`);
  }
  if (out) lines.push('', fr ? `Liste écrite : ${out.path} (${formatCount(out.rows, lang)} clients ; colonnes treated et outcome à remplir pour « satlab feedback »)` : `List written: ${out.path} (${formatCount(out.rows, lang)} customers; fill in the treated and outcome columns for "satlab feedback")`);
  lines.push(...warningsBlock([...d.warnings, ...q.warnings], lang));
  return lines.join('\n') + '\n';
}

const command: Command = {
  name: 'alerts',
  summary: { en: 'detect dissatisfied respondents by rules and build the callback queue', fr: 'détecter les insatisfaits par règles et construire la file des rappels' },
  usage: ['alerts <survey> --rules <rules.yaml> [--codebook <file>] [--customers <rfm.csv>] [--value-column <col>] [--out <file.csv|.xlsx>] [--json]'],
  options: {
    rules: { type: 'string', arg: '<file>', description: { en: 'detection rules (YAML or JSON, schema below)', fr: 'règles de détection (YAML ou JSON, schéma ci-dessous)' } },
    ...CODEBOOK_OPTION,
    customers: { type: 'string', arg: '<file>', description: { en: 'customer values, e.g. the file of satlab rfm --out (customer,…,monetary,…,segment)', fr: 'valeur des clients, p. ex. le fichier de satlab rfm --out (customer,…,monetary,…,segment)' } },
    'value-column': { type: 'string', arg: '<col>', description: { en: 'value column (of --customers, else of the survey): numbers rank by amount, words by segment order (default monetary, else segment)', fr: 'colonne de valeur (de --customers, sinon de l’enquête) : nombres = montant, mots = ordre des segments (défaut monetary, sinon segment)' } },
    'segment-order': { type: 'string', arg: '<list>', description: { en: 'segments from most to least valuable, comma-separated (default: the BTS or classic RFM order)', fr: 'segments du plus au moins précieux, séparés par des virgules (défaut : ordre RFM BTS ou classique)' } },
    'customers-id': { type: 'string', arg: '<col>', description: { en: 'id column of --customers (default customer, else customer_id)', fr: 'colonne identifiant de --customers (défaut customer, sinon customer_id)' } },
    id: { type: 'string', arg: '<col>', description: { en: 'customer id column of the survey (default: the rules file’s id, else customer_id)', fr: 'colonne identifiant client de l’enquête (défaut : id du fichier de règles, sinon customer_id)' } },
    'value-weight': { type: 'string', arg: '<w>', description: { en: 'weight of the value in the priority score (default 1; 0 = severity only)', fr: 'poids de la valeur dans le score de priorité (défaut 1 ; 0 = gravité seule)' } },
    out: { type: 'string', arg: '<file>', description: { en: 'write the callback list (.csv; .xlsx when the report package provides its writer)', fr: 'écrire la liste des rappels (.csv ; .xlsx si le paquet report fournit son écriture)' } },
    top: { type: 'string', arg: '<n>', description: { en: 'customers shown in the human output (default 10)', fr: 'clients affichés dans la sortie texte (défaut 10)' } },
  },
  details: {
    en: [
      'Rules file: id: <customer id column>; rules: a list of { id, weight (default 1), reason: { fr, en }, and one test }:',
      '  { column: overall, op: "<=", value: 2 }   (op: < <= > >= == !=; or eq: x, ne: x, in: [..], notIn: [..])',
      '  { nps: nps }                                NPS detractor (0-6; max: 6)',
      '  { all: [{ column: complained, eq: oui }, { column: resolved, eq: non }] }   (any: [...] too)',
      '  { verbatim: verbatim, lexicon: fr|en|both|{ fr: [...], en: [...], extend: both } }   accent/case-insensitive, "*" = stem, negation-aware',
      'Missing values never flag (counted as "not evaluable"). Priority: score = severity × (1 + w × value percentile).',
      'The CSV is formula-injection safe (; and decimal comma with --lang fr). JSON keys: respondents, flagged, flaggedShare, byReason, notEvaluable,',
      'rules, queue [{ id, priority, score, severity, reasons [{ rule, text, weight, values, matched }], value }], customers, unknownValue, formula, out, warnings.',
    ].join('\n'),
    fr: [
      'Fichier de règles : id: <colonne identifiant client> ; rules: liste de { id, weight (défaut 1), reason: { fr, en }, et un test } :',
      '  { column: overall, op: "<=", value: 2 }   (op : < <= > >= == != ; ou eq: x, ne: x, in: [..], notIn: [..])',
      '  { nps: nps }                                détracteur NPS (0 à 6 ; max: 6)',
      '  { all: [{ column: complained, eq: oui }, { column: resolved, eq: non }] }   (any: [...] aussi)',
      '  { verbatim: verbatim, lexicon: fr|en|both|{ fr: [...], en: [...], extend: both } }   sans accents ni casse, « * » = radical, négation gérée',
      'Une valeur manquante ne déclenche jamais une règle (comptée « non évaluable »). Priorité : score = gravité × (1 + w × percentile de valeur).',
      'Le CSV est protégé contre l’injection de formules (; et virgule décimale avec --lang fr). Clés JSON : respondents, flagged, flaggedShare, byReason,',
      'notEvaluable, rules, queue [{ id, priority, score, severity, reasons [{ rule, text, weight, values, matched }], value }], customers, unknownValue, formula, out, warnings.',
    ].join('\n'),
  },
  async run(ctx) {
    const file = positional(ctx, 0, 'survey');
    const rulesPath = stringOption(ctx, 'rules', true);
    const rules = parseRules(readInput(ctx, rulesPath).toString('utf8').replace(/^\uFEFF/, ''), rulesPath);
    const idColumn = stringOption(ctx, 'id') ?? rules.idColumn;
    const valueColumn = stringOption(ctx, 'value-column');
    const customersPath = stringOption(ctx, 'customers');
    const used = new Set<string>([idColumn]);
    for (const r of rules.rules) columnsOf(r.condition, used);
    if (valueColumn !== undefined && customersPath === undefined) used.add(valueColumn);
    const table = openSurvey(ctx, file, used);
    const valueWeight = numberOption(ctx, 'value-weight', 1);
    const top = numberOption(ctx, 'top', 10);
    if (!Number.isInteger(top) || top < 0) throw new UsageError(`--top must be a whole number ≥ 0, got ${top}`);
    const outPath = stringOption(ctx, 'out');
    if (outPath !== undefined && !/\.(csv|txt|xlsx)$/i.test(outPath)) throw new UsageError(`--out must end in .csv or .xlsx, got "${outPath}"`);

    const d = detectDissatisfied(table, rules, { idColumn });
    const segmentOrder = listOption(ctx, 'segment-order');
    let values: CustomerValues | undefined;
    if (customersPath !== undefined) {
      const customersId = stringOption(ctx, 'customers-id');
      values = loadCustomerValues(
        { name: customersPath, bytes: readInput(ctx, customersPath) },
        { ...(valueColumn ? { valueColumn } : {}), ...(customersId ? { idColumn: customersId } : {}), ...(segmentOrder ? { segmentOrder } : {}) },
      );
    } else if (valueColumn !== undefined) {
      if (!table.columns.some((c) => c.name === valueColumn)) throw new InputError(`no value column "${valueColumn}" in the survey (give --customers for a separate value file)`, { file });
      values = valuesFromSurvey(table, idColumn, valueColumn, file, segmentOrder);
    }
    if (values) d.warnings.push(...values.warnings);
    const q = buildCallbackQueue(d, values, { valueWeight });

    let out: { path: string; rows: number } | undefined;
    if (outPath !== undefined) {
      const path = resolve(ctx.cwd, outPath);
      if (/\.xlsx$/i.test(outPath)) {
        const write = await xlsxWriter();
        if (!write) throw new UsageError('XLSX output needs the XLSX writer of @satlab/report (tablesToXlsx), not available in this build: use --out <file>.csv');
        // The workbook's dates come from the survey file (not the clock), so the same inputs give the same bytes.
        const created = statSync(resolve(ctx.cwd, file)).mtime;
        const buf = await write([{ name: ctx.lang === 'fr' ? 'rappels' : 'callbacks', title: ctx.lang === 'fr' ? 'File des rappels' : 'Callback queue', rows: queueRows(q, ctx.lang) }], { created });
        writeFileSync(path, buf);
      } else {
        writeQueueCsv(path, q, { lang: ctx.lang });
      }
      out = { path: outPath, rows: q.entries.length };
    }

    if (ctx.json) {
      return printJson(ctx, {
        survey: file,
        rulesFile: rulesPath,
        respondents: d.respondents,
        flagged: d.flagged,
        flaggedShare: d.flaggedShare,
        byReason: d.byReason,
        notEvaluable: d.notEvaluable,
        rules: d.rules.map((r) => ({ id: r.id, reason: r.label[ctx.lang], weight: r.weight, flagged: r.flagged, notEvaluable: r.notEvaluable, evaluated: r.evaluated, ...(r.scoreHitRate ? { scoreHitRate: r.scoreHitRate } : {}) })),
        customers: q.customers,
        valueBasis: q.valueBasis,
        valueColumn: values?.column ?? null,
        unknownValue: q.unknownValue,
        missingId: q.missingId,
        formula: q.formula,
        queue: q.entries.map((e) => ({
          id: e.id,
          priority: e.priority,
          score: e.score,
          severity: e.severity,
          reasons: e.reasons.map((r) => ({ rule: r.rule, text: describeReason(r, ctx.lang), weight: r.weight, values: r.values, ...(r.matched ? { matched: r.matched } : {}) })),
          value: e.value,
        })),
        out: out?.path ?? null,
        warnings: [...new Map([...d.warnings, ...q.warnings].map((w) => [w.text, w])).values()],
      });
    }
    ctx.stdout.write(human(file, rulesPath, d, q, values, top, out, ctx.lang));
  },
};
export default command;
