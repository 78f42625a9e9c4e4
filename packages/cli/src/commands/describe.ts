import type { ColumnSummary, CsvFormat, LoadReport, LoadTableOptions } from '@satlab/data';
import { describeTable } from '@satlab/data';
import { formatCount, formatNumber, textTable } from '@satlab/format';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import { reasonLabel } from '@satlab/present';
import type { Command, CommandContext, Lang } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import { INPUT_OPTIONS, loadSurveyFile } from './_survey.js';

const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

function summaryText(c: ColumnSummary, lang: Lang): string {
  const num = (x: number | string | null | undefined): string => (typeof x === 'number' ? formatNumber(x, lang, 2, 0) : x === null || x === undefined ? '—' : x);
  const mean = renderMessage(cliMsg.meanAbbrev(), lang);
  switch (c.type) {
    case 'numeric':
      return c.n === 0 ? '—' : `min ${num(c.min)} · max ${num(c.max)} · ${mean} ${formatNumber(c.mean as number, lang, 2)}`;
    case 'date':
      return c.n === 0 ? '—' : `${c.min} → ${c.max}`;
    case 'categorical':
    case 'ordinal': {
      const parts = (c.levels ?? []).map((l, k) => `${l} ${formatCount((c.counts ?? [])[k], lang)}`);
      let s = '';
      for (let k = 0; k < parts.length; k++) {
        const next = s === '' ? parts[k] : `${s} · ${parts[k]}`;
        if (next.length > 60) {
          s += ` · … (+${parts.length - k})`;
          break;
        }
        s = next;
      }
      if (c.type === 'ordinal' && typeof c.mean === 'number') s += ` · ${mean} ${formatNumber(c.mean, lang, 2)}`;
      return s;
    }
    default:
      return renderMessage(cliMsg.distinctValues({ n: c.distinct ?? 0 }), lang);
  }
}

function human(ctx: CommandContext, file: string, format: CsvFormat, rows: number, columns: ColumnSummary[], report: LoadReport): string {
  const lang = ctx.lang;
  const m = (x: Message): string => renderMessage(x, lang);
  const source = report.source ?? 'csv';
  const out = [
    source !== 'csv'
      ? m(cliMsg.describeSource({ file, source, ...(report.sheet !== undefined ? { sheet: report.sheet } : {}) }))
      : m(cliMsg.describeCsv({ file, encoding: ENCODING_NAMES[format.encoding] ?? format.encoding, bom: format.bom, separator: format.separator, decimal: format.decimal })),
    m(cliMsg.describeRows({ read: report.rowsRead, kept: rows, excluded: report.rowsExcluded.length })),
    '',
  ];
  const body = columns.map((c) => [c.name, m(cliMsg.columnType({ type: c.type, inferred: c.inferred })), formatCount(c.n, lang), formatCount(c.missing, lang), summaryText(c, lang)]);
  out.push(textTable(body, { header: m(cliMsg.describeColumns()).split('|'), align: ['left', 'left', 'right', 'right', 'left'] }));
  const missing = columns.filter((c) => c.missing > 0);
  if (missing.length > 0) {
    out.push('', m(cliMsg.describeMissingHeading()));
    for (const c of missing) out.push(m(cliMsg.item({ name: c.name, text: Object.entries(c.missingByReason).map(([r, k]) => `${reasonLabel(r, lang)} × ${formatCount(k, lang)}`).join(', ') })));
  }
  if (report.rowsExcluded.length > 0) {
    out.push('', m(cliMsg.describeExcludedHeading()));
    const shown = report.rowsExcluded.slice(0, 20);
    for (const r of shown) out.push(m(cliMsg.describeExcludedLine({ line: r.line, reason: reasonLabel(r.reason, lang) })));
    if (report.rowsExcluded.length > shown.length) out.push(`  … (+${report.rowsExcluded.length - shown.length})`);
  }
  if ((report.renamed ?? []).length > 0) {
    out.push('', m(cliMsg.describeRenamedHeading()));
    for (const r of report.renamed ?? []) out.push(m(cliMsg.describeRenamed({ column: r.column, from: r.from, to: r.to, empty: r.reason === 'empty' })));
  }
  if (report.inferred.length > 0) {
    out.push('', m(cliMsg.describeInferredHeading()));
    for (const inf of report.inferred) out.push(m(cliMsg.item({ name: inf.column, text: `${m(cliMsg.columnType({ type: inf.type, inferred: false }))} — ${m(inf.reason)}` })));
  }
  if (report.warnings.length > 0) out.push('', m(cliMsg.warningsHeading()), ...report.warnings.map((w) => `  ${m(w)}`));
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'describe',
  summary: { en: 'read a survey file: column types, counts, missing values, load report', fr: 'lire un fichier d’enquête : types des colonnes, effectifs, valeurs manquantes, rapport de lecture' },
  usage: ['describe <file> [--codebook <file>] [--json] [--lang fr|en]'],
  options: {
    codebook: { type: 'string', arg: '<file>', description: { en: 'codebook (YAML or JSON) declaring the columns; without it types are inferred', fr: 'codebook (YAML ou JSON) qui déclare les colonnes ; sans lui les types sont déduits' } },
    separator: { type: 'string', arg: '";"|","|tab', description: { en: 'field separator (default: detected)', fr: 'séparateur de champs (défaut : détecté)' } },
    decimal: { type: 'string', arg: '"."|","', description: { en: 'decimal mark (default: detected)', fr: 'marque décimale (défaut : détectée)' } },
    encoding: { type: 'string', arg: 'utf-8|windows-1252', description: { en: 'text encoding (default: detected)', fr: 'encodage du texte (défaut : détecté)' } },
    strict: { type: 'boolean', description: { en: 'values outside a declared scale are errors, not missing', fr: 'valeurs hors de l’échelle déclarée : erreur au lieu de manquant' } },
    'unknown-levels': { type: 'string', arg: 'error|missing', description: { en: 'undeclared category values: error (default) or missing', fr: 'modalités non déclarées : erreur (défaut) ou manquant' } },
    ...INPUT_OPTIONS,
  },
  details: {
    en: [
      'The file is read with its encoding (UTF-8 with or without BOM, Windows-1252), separator (, ; tab) and',
      'decimal mark detected. Without a codebook each type is inferred and the reason is given.',
      '',
      'JSON (--json): { file, format: { encoding, bom, separator, decimal }, rows, columns: [{ name, type,',
      '  inferred, label?, n, missing, missingByReason, levels?, counts?, min?, max?, mean? }], report }',
      '',
      'Examples:',
      '  satlab describe enquete.csv --codebook enquete.yaml',
      '  satlab describe enquete.csv --json',
    ].join('\n'),
    fr: [
      'Le fichier est lu avec son encodage (UTF-8 avec ou sans BOM, Windows-1252), son séparateur (, ; tabulation)',
      'et sa marque décimale détectés. Sans codebook, chaque type est déduit et la raison est donnée.',
      '',
      'JSON (--json) : { file, format: { encoding, bom, separator, decimal }, rows, columns: [{ name, type,',
      '  inferred, label?, n, missing, missingByReason, levels?, counts?, min?, max?, mean? }], report }',
      '',
      'Exemples :',
      '  satlab describe enquete.csv --codebook enquete.yaml',
      '  satlab describe enquete.csv --json --lang fr',
    ].join('\n'),
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    if (ctx.positionals.length > 1) throw new UsageError(cliMsg.unexpectedArgument({ value: ctx.positionals[1], command: 'describe' }));
    const opts: LoadTableOptions = {};
    const sep = stringOption(ctx, 'separator');
    if (sep !== undefined) {
      const s = sep === 'tab' || sep === '\\t' ? '\t' : sep;
      if (s !== ',' && s !== ';' && s !== '\t') throw new UsageError(cliMsg.oneOf({ option: 'separator', allowed: ['";"', '","', 'tab'], value: sep }));
      opts.separator = s;
    }
    const dec = stringOption(ctx, 'decimal');
    if (dec !== undefined) {
      if (dec !== '.' && dec !== ',') throw new UsageError(cliMsg.oneOf({ option: 'decimal', allowed: ['"."', '","'], value: dec }));
      opts.decimal = dec;
    }
    const enc = stringOption(ctx, 'encoding');
    if (enc !== undefined) {
      const e = enc.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^(cp1252|latin-?1|iso-8859-1)$/, 'windows-1252');
      if (e !== 'utf-8' && e !== 'windows-1252') throw new UsageError(cliMsg.oneOf({ option: 'encoding', allowed: ['utf-8', 'windows-1252'], value: enc }));
      opts.encoding = e;
    }
    if (ctx.values.strict === true) opts.strict = true;
    const ul = stringOption(ctx, 'unknown-levels');
    if (ul !== undefined) {
      if (ul !== 'error' && ul !== 'missing') throw new UsageError(cliMsg.oneOf({ option: 'unknown-levels', allowed: ['error', 'missing'], value: ul }));
      opts.unknownLevels = ul;
    }

    const { table, report } = loadSurveyFile(ctx, file, opts);
    const format: CsvFormat = { encoding: report.encoding, bom: report.bom, separator: report.separator, decimal: report.decimal };
    const columns = describeTable(table);
    if (ctx.json) return printJson(ctx, { file, format, rows: table.nRows, columns, report });
    ctx.stdout.write(human(ctx, file, format, table.nRows, columns, report));
  },
};
export default command;
