import type { ColumnSummary, CsvFormat, LoadReport, LoadTableOptions } from '@satlab/data';
import { describeTable } from '@satlab/data';
import { formatCount, formatNumber, textTable } from '@satlab/format';
import { renderMessage } from '@satlab/messages';
import { reasonLabel } from '@satlab/present';
import type { Command, CommandContext, Lang } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';
import { INPUT_OPTIONS, loadSurveyFile } from './_survey.js';

const TYPE_NAMES: Record<string, { en: string; fr: string }> = {
  numeric: { en: 'numeric', fr: 'numérique' },
  ordinal: { en: 'ordinal', fr: 'ordinale' },
  categorical: { en: 'categorical', fr: 'catégorielle' },
  date: { en: 'date', fr: 'date' },
  id: { en: 'id', fr: 'identifiant' },
  text: { en: 'text', fr: 'texte' },
};

const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/** Missing reasons and exclusion reasons are English keys in the report; French for people. */
function reasonText(reason: string, lang: Lang): string {
  return reasonLabel(reason, lang);
}

function separatorName(sep: string, lang: Lang): string {
  if (sep === '\t') return lang === 'fr' ? 'tabulation' : 'tab';
  return lang === 'fr' ? `« ${sep} »` : `"${sep}"`;
}

function summaryText(c: ColumnSummary, lang: Lang): string {
  const fr = lang === 'fr';
  const num = (x: number | string | null | undefined): string => (typeof x === 'number' ? formatNumber(x, lang, 2, 0) : x === null || x === undefined ? '—' : x);
  switch (c.type) {
    case 'numeric':
      return c.n === 0 ? '—' : `min ${num(c.min)} · max ${num(c.max)} · ${fr ? 'moy.' : 'mean'} ${formatNumber(c.mean as number, lang, 2)}`;
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
      if (c.type === 'ordinal' && typeof c.mean === 'number') s += ` · ${fr ? 'moy.' : 'mean'} ${formatNumber(c.mean, lang, 2)}`;
      return s;
    }
    default:
      return fr ? `${formatCount(c.distinct ?? 0, lang)} valeurs distinctes` : `${formatCount(c.distinct ?? 0, lang)} distinct values`;
  }
}

function human(ctx: CommandContext, file: string, format: CsvFormat, rows: number, columns: ColumnSummary[], report: LoadReport): string {
  const lang = ctx.lang;
  const fr = lang === 'fr';
  const out: string[] = [];
  const yesNo = (b: boolean): string => (b ? (fr ? 'oui' : 'yes') : fr ? 'non' : 'no');
  const source = report.source ?? 'csv';
  if (source !== 'csv') {
    const kind = { xlsx: fr ? 'classeur Excel' : 'Excel workbook', xls: 'Excel', sav: fr ? 'fichier SPSS' : 'SPSS file', parquet: fr ? 'fichier Parquet' : 'Parquet file' }[source];
    out.push(`${fr ? 'Fichier : ' : 'File: '}${file} — ${kind}${report.sheet !== undefined ? (fr ? `, feuille « ${report.sheet} »` : `, sheet "${report.sheet}"`) : ''}`);
  } else out.push(
    fr
      ? `Fichier : ${file} — ${ENCODING_NAMES[format.encoding]}, BOM : ${yesNo(format.bom)}, séparateur ${separatorName(format.separator, lang)}, décimale ${separatorName(format.decimal, lang)}`
      : `File: ${file} — ${ENCODING_NAMES[format.encoding]}, BOM: ${yesNo(format.bom)}, separator ${separatorName(format.separator, lang)}, decimal mark ${separatorName(format.decimal, lang)}`,
  );
  out.push(
    fr
      ? `Lignes de données lues : ${formatCount(report.rowsRead, lang)}, conservées : ${formatCount(rows, lang)}, exclues : ${formatCount(report.rowsExcluded.length, lang)}`
      : `Data rows read: ${formatCount(report.rowsRead, lang)}, kept: ${formatCount(rows, lang)}, excluded: ${formatCount(report.rowsExcluded.length, lang)}`,
  );
  out.push('');
  const header = fr ? ['colonne', 'type', 'n', 'manquants', 'résumé'] : ['column', 'type', 'n', 'missing', 'summary'];
  const body = columns.map((c) => [
    c.name,
    `${TYPE_NAMES[c.type][lang]}${c.inferred ? (fr ? ' (déduit)' : ' (inferred)') : ''}`,
    formatCount(c.n, lang),
    formatCount(c.missing, lang),
    summaryText(c, lang),
  ]);
  out.push(textTable(body, { header, align: ['left', 'left', 'right', 'right', 'left'] }));

  const missing = columns.filter((c) => c.missing > 0);
  if (missing.length > 0) {
    out.push('', fr ? 'Valeurs manquantes, par raison :' : 'Missing values, by reason:');
    for (const c of missing) {
      const parts = Object.entries(c.missingByReason).map(([r, k]) => `${reasonText(r, lang)} × ${formatCount(k, lang)}`);
      out.push(`  ${c.name}${fr ? ' : ' : ': '}${parts.join(', ')}`);
    }
  }
  if (report.rowsExcluded.length > 0) {
    out.push('', fr ? 'Lignes exclues :' : 'Rows excluded:');
    const shown = report.rowsExcluded.slice(0, 20);
    for (const r of shown) out.push(`  ${fr ? 'ligne' : 'line'} ${r.line}${fr ? ' : ' : ': '}${reasonText(r.reason, lang)}`);
    if (report.rowsExcluded.length > shown.length) out.push(`  … (+${report.rowsExcluded.length - shown.length})`);
  }
  if ((report.renamed ?? []).length > 0) {
    out.push('', fr ? 'Colonnes renommées :' : 'Columns renamed:');
    for (const r of report.renamed ?? []) {
      out.push(
        r.reason === 'empty'
          ? fr ? `  colonne ${r.column} sans nom → « ${r.to} » (comme readr)` : `  column ${r.column} has no name → "${r.to}" (as readr names it)`
          : fr ? `  colonne ${r.column} « ${r.from} » répète un nom → « ${r.to} »` : `  column ${r.column} "${r.from}" repeats a name → "${r.to}"`,
      );
    }
  }
  if (report.inferred.length > 0) {
    out.push('', fr ? 'Types déduits (pas de codebook pour ces colonnes) :' : 'Inferred types (no codebook entry for these columns):');
    for (const inf of report.inferred) out.push(`  ${inf.column}${fr ? ' : ' : ': '}${TYPE_NAMES[inf.type][lang]} — ${renderMessage(inf.reason, lang)}`);
  }
  if (report.warnings.length > 0) {
    out.push('', fr ? 'Avertissements :' : 'Warnings:');
    for (const w of report.warnings) out.push(`  ${renderMessage(w, lang)}`);
  }
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
    if (ctx.positionals.length > 1) throw new UsageError(`unexpected argument "${ctx.positionals[1]}" (describe reads one file)`);
    const opts: LoadTableOptions = {};
    const sep = stringOption(ctx, 'separator');
    if (sep !== undefined) {
      const s = sep === 'tab' || sep === '\\t' ? '\t' : sep;
      if (s !== ',' && s !== ';' && s !== '\t') throw new UsageError(`--separator must be ";", "," or tab, got "${sep}"`);
      opts.separator = s;
    }
    const dec = stringOption(ctx, 'decimal');
    if (dec !== undefined) {
      if (dec !== '.' && dec !== ',') throw new UsageError(`--decimal must be "." or ",", got "${dec}"`);
      opts.decimal = dec;
    }
    const enc = stringOption(ctx, 'encoding');
    if (enc !== undefined) {
      const e = enc.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^(cp1252|latin-?1|iso-8859-1)$/, 'windows-1252');
      if (e !== 'utf-8' && e !== 'windows-1252') throw new UsageError(`--encoding must be utf-8 or windows-1252, got "${enc}"`);
      opts.encoding = e;
    }
    if (ctx.values.strict === true) opts.strict = true;
    const ul = stringOption(ctx, 'unknown-levels');
    if (ul !== undefined) {
      if (ul !== 'error' && ul !== 'missing') throw new UsageError(`--unknown-levels must be error or missing, got "${ul}"`);
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
