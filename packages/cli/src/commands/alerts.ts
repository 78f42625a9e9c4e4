import { statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Condition, CustomerValues, Detection } from '@satlab/alerts';
import { buildCallbackQueue, customerValues, describeReason, detectDissatisfied, loadCustomerValues, parseRules, queueRows, writeQueueCsv } from '@satlab/alerts';
import type { Column, CsvCell, Table } from '@satlab/data';
import { getColumn, InputError, numericValues } from '@satlab/data';
import type { Lang } from '@satlab/format';
import { formatCount, formatNumber, formatPercent, textTable } from '@satlab/format';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import { presentAlertsQueue } from '@satlab/present';
import type { Command, CommandContext } from '../command.js';
import { numberOption, positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
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

/** What detection found, before the queue: respondents flagged, the rules table, the rules' hit rates. */
function detectionLines(file: string, rulesFile: string, d: Detection, values: CustomerValues | undefined, unknownValue: number, lang: Lang): string[] {
  const m = (x: Message): string => renderMessage(x, lang);
  const lines = [m(cliMsg.alertsHeading({ file: basename(file), rules: basename(rulesFile) })), m(cliMsg.alertsFlagged({ respondents: d.respondents, flagged: d.flagged, share: d.flaggedShare })), ''];
  const rows = d.rules.map((r) => [r.id, r.label[lang], formatNumber(r.weight, lang, r.weight % 1 === 0 ? 0 : 2), formatCount(r.flagged, lang), formatPercent(d.respondents > 0 ? r.flagged / d.respondents : NaN, lang, 1), formatCount(r.notEvaluable, lang)]);
  lines.push(textTable(rows, { header: m(cliMsg.alertsRuleColumns()).split('|'), align: ['left', 'left', 'right', 'right', 'right', 'right'] }));
  for (const r of d.rules) {
    const h = r.scoreHitRate;
    if (h) lines.push(m(cliMsg.alertsHitRate({ rule: r.id, column: h.column, dRate: h.detractorRate, dHits: h.detractorHits, d: h.detractors, pRate: h.promoterRate, pHits: h.promoterHits, p: h.promoters })));
  }
  const source = values ? `${values.column} (${basename(values.source)})` : null;
  return [...lines, m(cliMsg.alertsValueSource({ source, unknown: unknownValue })), ''];
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
    if (!Number.isInteger(top) || top < 0) throw new UsageError(cliMsg.wholeAtLeast({ option: 'top', min: 0, value: String(top) }));
    const outPath = stringOption(ctx, 'out');
    if (outPath !== undefined && !/\.(csv|txt|xlsx)$/i.test(outPath)) throw new UsageError(cliMsg.outExtension({ option: 'out', allowed: ['.csv', '.xlsx'], value: outPath }));

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
      if (!table.columns.some((c) => c.name === valueColumn)) throw new InputError(cliMsg.noValueColumn({ column: valueColumn }), { file });
      values = valuesFromSurvey(table, idColumn, valueColumn, file, segmentOrder);
    }
    if (values) d.warnings.push(...values.warnings);
    const q = buildCallbackQueue(d, values, { valueWeight });

    let out: { path: string; rows: number } | undefined;
    if (outPath !== undefined) {
      const path = resolve(ctx.cwd, outPath);
      if (/\.xlsx$/i.test(outPath)) {
        const write = await xlsxWriter();
        if (!write) throw new UsageError(cliMsg.xlsxUnavailable());
        // The workbook's dates come from the survey file (not the clock), so the same inputs give the same bytes.
        const created = statSync(resolve(ctx.cwd, file)).mtime;
        const [name, title] = renderMessage(cliMsg.alertsSheet(), ctx.lang).split('|');
        const buf = await write([{ name, title, rows: queueRows(q, ctx.lang) }], { created });
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
    const m = (x: Message): string => renderMessage(x, ctx.lang);
    ctx.stdout.write(detectionLines(file, rulesPath, d, values, q.unknownValue, ctx.lang).join('\n') + '\n');
    const extra: string[] = [];
    if (q.entries.length > top) extra.push(m(cliMsg.alertsMore({ n: q.entries.length - top })));
    if (out) extra.push(m(cliMsg.alertsWritten(out)));
    // The presenter lists the queue's warnings; detection's own follow (each once).
    const inQueue = new Set(q.warnings.map((w) => w.code + w.text));
    extra.push(...warningsBlock(d.warnings.filter((w) => !inQueue.has(w.code + w.text)), ctx.lang));
    printPresentation(ctx, presentAlertsQueue(q, { lang: ctx.lang, limit: top }), extra);
  },
};
export default command;
