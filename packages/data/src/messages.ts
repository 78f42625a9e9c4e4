/**
 * Every message @satlab/data puts in an error or a warning, English and French side by side
 * (`data.*` codes). Locations (file:line:column) are added by `InputError`, so these texts never
 * repeat them. Missing and exclusion reasons are not messages but keys (`reasons`), and API misuse
 * throws `TypeError`s in English (`usage`).
 */
import type { MessageFormat } from '@satlab/messages';
import { defineMessages } from '@satlab/messages';

/** A quoted name: "x" in English (as the messages always wrote it), « x » in French. */
const qq = (f: MessageFormat, x: string): string => (f.lang === 'fr' ? `«\u00a0${x}\u00a0»` : JSON.stringify(x));
const lineList = (lines: readonly number[], max = 5): string => lines.slice(0, max).join(', ') + (lines.length > max ? ', …' : '');
const names = (f: MessageFormat, xs: readonly string[], max = 8): string => {
  const shown = xs.slice(0, max).map((x) => qq(f, x));
  const more = xs.length - max;
  return shown.join(', ') + (more > 0 ? (f.lang === 'fr' ? `, … (${more} de plus)` : `, … (${more} more)`) : '');
};
const others = (n: number, en: string, fr: string, f: MessageFormat): string =>
  n > 0 ? (f.lang === 'fr' ? `\u00a0; ${f.num(n)} autre${n > 1 ? 's' : ''} valeur${n > 1 ? 's' : ''} de cette colonne ${fr}` : `; ${n} other value${n > 1 ? 's' : ''} in this column ${n > 1 ? 'are' : 'is'} ${en}`) : '';
const TYPES_EN = 'numeric, ordinal, categorical, date, id or text';

/** Scale as written in missing reasons: `1-4`, `0-10`. */
export const scaleText = (scale: readonly [number, number]): string => `${scale[0]}-${scale[1]}`;

/** Why a value is missing or a row excluded: stable English keys of `byReason` and `rowsExcluded`. */
export const reasons = {
  empty: (): string => 'empty',
  code: (code: string | number): string => `code ${String(code)}`,
  outOfScale: (scale: readonly [number, number]): string => `out of scale ${scaleText(scale)}`,
  unknownLevel: (): string => 'not a declared level',
  noValue: (): string => 'missing',
  blankLine: (): string => 'blank line',
  emptyRow: (): string => 'empty row (every field empty)',
};

/** Texts of the `TypeError`s thrown on API misuse (programmers' errors, in English). */
export const usage = {
  noSuchColumn: (fn: string, name: string, available: readonly string[]): string =>
    `${fn}: no column ${JSON.stringify(name)} (columns: ${available.slice(0, 30).map((s) => JSON.stringify(s)).join(', ')}${available.length > 30 ? ', …' : ''})`,
  overrideNeedsType: (name: string): string => `loadTable: options.columns[${JSON.stringify(name)}] has no type and the codebook does not declare it`,
  lengthMismatch: (fn: string, name: string, length: number, expected: number): string => `${fn}: column ${JSON.stringify(name)} has ${length} values, expected ${expected} like the first column`,
  maskLength: (length: number, expected: number): string => `filterRows: mask has length ${length}, expected ${expected} (table.nRows)`,
  notADataFrame: (fn: string): string => `${fn}: expected a danfojs DataFrame (an object with "columns" and "column(name)")`,
};

export const msg = defineMessages('data', {
  // files and formats
  fileNotFound: { en: (_: void) => 'file not found', fr: (_: void) => 'fichier introuvable' },
  fileUnreadable: { en: (p: { why: string }) => `cannot read the file (${p.why})`, fr: (p: { why: string }) => `impossible de lire le fichier (${p.why})` },
  notRegularFile: {
    en: (p: { kind: string }) => `not a regular file (a ${p.kind}): satlab reads files of known size`,
    fr: (p: { kind: string }) => `pas un fichier ordinaire (${{ directory: 'un répertoire', 'character device': 'un périphérique caractère', FIFO: 'un tube nommé (FIFO)', socket: 'une socket', 'block device': 'un périphérique bloc' }[p.kind] ?? 'un fichier spécial'})\u00a0: satlab lit des fichiers de taille connue`,
  },
  fileTooLarge: {
    en: (p: { size: number; max: number }) => `the file is ${p.size} bytes, more than the limit of ${p.max} bytes (raise it with --max-bytes)`,
    fr: (p: { size: number; max: number }, f) => `le fichier fait ${f.num(p.size)} octets, plus que la limite de ${f.num(p.max)} octets (relevez-la avec --max-bytes)`,
  },
  emptyFile: { en: (_: void) => 'the file is empty (no header line)', fr: (_: void) => 'le fichier est vide (pas de ligne d’en-tête)' },
  excelWorkbook: {
    en: (_: void) => 'this Excel workbook cannot be read from memory: give its path (or save it as "CSV UTF-8")',
    fr: (_: void) => 'ce classeur Excel ne peut pas être lu depuis la mémoire\u00a0: donnez son chemin (ou enregistrez-le en «\u00a0CSV UTF-8\u00a0»)',
  },
  legacyExcel: {
    en: (_: void) => 'this is an old Excel .xls workbook: save it as .xlsx (or CSV UTF-8) and read that',
    fr: (_: void) => 'c’est un ancien classeur Excel .xls\u00a0: enregistrez-le en .xlsx (ou CSV UTF-8) et lisez celui-là',
  },
  binaryFile: {
    en: (_: void) => 'the file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark (save it as "CSV UTF-8")',
    fr: (_: void) => 'le fichier contient des octets NUL\u00a0: il est binaire, ou en UTF-16 sans indicateur d’ordre des octets (enregistrez-le en «\u00a0CSV UTF-8\u00a0»)',
  },
  readerFailed: {
    en: (p: { kind: string; why: string }) => `cannot read this ${p.kind === 'sav' ? 'SPSS .sav' : 'Parquet'} file (${p.why})`,
    fr: (p: { kind: string; why: string }) => `impossible de lire ce fichier ${p.kind === 'sav' ? 'SPSS .sav' : 'Parquet'} (${p.why})`,
  },
  noSuchSheet: {
    en: (p: { sheet: string; sheets: readonly string[] }, f) => `no sheet ${qq(f, p.sheet)} in this workbook (its sheets: ${names(f, p.sheets)})`,
    fr: (p: { sheet: string; sheets: readonly string[] }, f) => `pas de feuille ${qq(f, p.sheet)} dans ce classeur (ses feuilles\u00a0: ${names(f, p.sheets)})`,
  },
  notNumeric: {
    en: (p: { column: string; type: string }, f) => `column ${qq(f, p.column)} is ${p.type}: it has no numeric meaning (choose a numeric or ordinal column)`,
    fr: (p: { column: string; type: string }, f) =>
      `la colonne ${qq(f, p.column)} est de type ${({ categorical: 'catégoriel', id: 'identifiant', text: 'texte libre' } as Record<string, string>)[p.type] ?? p.type}\u00a0: elle n’a pas de sens numérique (choisissez une colonne numérique ou ordinale)`,
  },
  emptySheet: { en: (p: { sheet: string }, f) => `sheet ${qq(f, p.sheet)} is empty`, fr: (p: { sheet: string }, f) => `la feuille ${qq(f, p.sheet)} est vide` },
  noColumn: {
    en: (p: { name: string; available: readonly string[] }, f) => `no column ${qq(f, p.name)} (the columns are: ${names(f, p.available, 40)})`,
    fr: (p: { name: string; available: readonly string[] }, f) => `pas de colonne ${qq(f, p.name)} (les colonnes sont\u00a0: ${names(f, p.available, 40)})`,
  },
  savMissingRange: {
    en: (p: { name: string }, f) => `variable ${qq(f, p.name)} declares a range of user-missing values: only discrete missing values are applied, declare the range's codes in a codebook`,
    fr: (p: { name: string }, f) => `la variable ${qq(f, p.name)} déclare une plage de valeurs manquantes\u00a0: seules les valeurs manquantes discrètes sont appliquées, déclarez les codes de la plage dans un codebook`,
  },
  repairedEncoding: {
    en: (p: { column: string; count: number; fileEncoding: string; values: readonly string[]; lines: readonly number[] }, f) =>
      `column ${qq(f, p.column)}: ${p.count} value${p.count > 1 ? 's' : ''} written in ${p.fileEncoding === 'utf-8' ? 'Latin-1/Windows-1252 inside a UTF-8 file' : 'UTF-8 inside a Windows-1252 file'} read in that encoding: ${names(f, p.values, 5)} (line${p.lines.length > 1 ? 's' : ''} ${lineList(p.lines)})`,
    fr: (p: { column: string; count: number; fileEncoding: string; values: readonly string[]; lines: readonly number[] }, f) =>
      `colonne ${qq(f, p.column)}\u00a0: ${f.num(p.count)} valeur${p.count > 1 ? 's' : ''} écrite${p.count > 1 ? 's' : ''} en ${p.fileEncoding === 'utf-8' ? 'Latin-1/Windows-1252 dans un fichier UTF-8' : 'UTF-8 dans un fichier Windows-1252'} lue${p.count > 1 ? 's' : ''} dans cet encodage\u00a0: ${names(f, p.values, 5)} (ligne${p.lines.length > 1 ? 's' : ''} ${lineList(p.lines)})`,
  },
  rowsExcluded: {
    en: (p: { count: number; lines: readonly number[] }) =>
      `${p.count} blank or empty row${p.count === 1 ? '' : 's'} skipped when reading (line${p.count === 1 ? '' : 's'} ${lineList(p.lines)}); in a one-column file an empty answer is such a row`,
    fr: (p: { count: number; lines: readonly number[] }, f) =>
      `${f.num(p.count)} ligne${p.count === 1 ? '' : 's'} vide${p.count === 1 ? '' : 's'} ignorée${p.count === 1 ? '' : 's'} à la lecture (ligne${p.count === 1 ? '' : 's'} ${lineList(p.lines)})\u00a0; dans un fichier d’une seule colonne, une réponse vide est une telle ligne`,
  },
  // delimited parsing
  raggedRow: {
    en: (p: { found: number; expected: number }) => `row has ${p.found} field${p.found === 1 ? '' : 's'}, expected ${p.expected} as in the header line`,
    fr: (p: { found: number; expected: number }) => `la ligne a ${p.found} champ${p.found === 1 ? '' : 's'}, ${p.expected} attendus comme dans la ligne d’en-tête`,
  },
  unclosedQuote: {
    en: (_: void) => 'a quoted field is never closed (missing closing quote in the record starting here)',
    fr: (_: void) => 'un champ entre guillemets n’est jamais fermé (guillemet fermant manquant dans l’enregistrement qui commence ici)',
  },
  badClosingQuote: {
    en: (_: void) => 'a quote inside a quoted field is not doubled ("" is how a quote is written inside quotes)',
    fr: (_: void) => 'un guillemet dans un champ entre guillemets n’est pas doublé ("" écrit un guillemet entre guillemets)',
  },
  csvSyntax: { en: (p: { detail: string }) => `malformed delimited text: ${p.detail}`, fr: (p: { detail: string }) => `texte délimité mal formé\u00a0: ${p.detail}` },
  // codebooks
  codebookSyntax: { en: (p: { detail: string }) => `not valid YAML or JSON: ${p.detail}`, fr: (p: { detail: string }) => `YAML ou JSON invalide\u00a0: ${p.detail}` },
  codebookNotObject: {
    en: (_: void) => 'a codebook is an object with a "columns" key (column name → declaration)',
    fr: (_: void) => 'un codebook est un objet avec une clé "columns" (nom de colonne → déclaration)',
  },
  codebookNoColumns: { en: (_: void) => 'the codebook has no "columns" object', fr: (_: void) => 'le codebook n’a pas d’objet "columns"' },
  codebookColumnNotObject: {
    en: (_: void) => 'a column declaration is an object such as { type: numeric }',
    fr: (_: void) => 'une déclaration de colonne est un objet comme { type: numeric }',
  },
  codebookColumnNoName: { en: (p: { index: number }) => `column entry #${p.index + 1} has no "name"`, fr: (p: { index: number }) => `l’entrée de colonne n° ${p.index + 1} n’a pas de "name"` },
  codebookMissingType: { en: (_: void) => `no "type" (${TYPES_EN})`, fr: (_: void) => 'pas de "type" (numeric, ordinal, categorical, date, id ou text)' },
  codebookUnknownType: {
    en: (p: { type: string }) => `unknown type ${JSON.stringify(p.type)} (expected ${TYPES_EN})`,
    fr: (p: { type: string }) => `type inconnu ${JSON.stringify(p.type)} (attendu\u00a0: numeric, ordinal, categorical, date, id ou text)`,
  },
  codebookBadScale: {
    en: (p: { value: string }) => `scale must be [min, max] with two numbers, min ≤ max; got ${p.value}`,
    fr: (p: { value: string }) => `scale doit être [min, max] avec deux nombres, min ≤ max\u00a0; reçu ${p.value}`,
  },
  codebookScaleType: {
    en: (p: { type: string }) => `a scale only applies to numeric or ordinal columns, not ${p.type}`,
    fr: (p: { type: string }) => `une échelle ne s’applique qu’aux colonnes numeric ou ordinal, pas ${p.type}`,
  },
  codebookScaleTooWide: {
    en: (p: { value: string }) => `an ordinal scale ${p.value} without labels or levels has too many points (at most 1000)`,
    fr: (p: { value: string }) => `une échelle ordinale ${p.value} sans labels ni levels a trop de points (1000 au plus)`,
  },
  codebookBadMissing: {
    en: (p: { value: string }) => `missing must be a list of codes (numbers or strings); got ${p.value}`,
    fr: (p: { value: string }) => `missing doit être une liste de codes (nombres ou textes)\u00a0; reçu ${p.value}`,
  },
  codebookBadLevels: { en: (p: { value: string }) => `levels must be a list of strings; got ${p.value}`, fr: (p: { value: string }) => `levels doit être une liste de textes\u00a0; reçu ${p.value}` },
  codebookDuplicateLevel: { en: (p: { level: string }, f) => `level ${qq(f, p.level)} is listed twice`, fr: (p: { level: string }, f) => `la modalité ${qq(f, p.level)} figure deux fois` },
  codebookBadLabels: {
    en: (p: { value: string }) => `labels must map values to strings, e.g. { 1: "Pas du tout satisfait" }; got ${p.value}`,
    fr: (p: { value: string }) => `labels doit associer des valeurs à des textes, p. ex. { 1: "Pas du tout satisfait" }\u00a0; reçu ${p.value}`,
  },
  codebookDuplicateLabel: { en: (p: { label: string }, f) => `label ${qq(f, p.label)} is given to two codes`, fr: (p: { label: string }, f) => `le libellé ${qq(f, p.label)} est donné à deux codes` },
  codebookLabelNotLevel: {
    en: (p: { code: string; label: string }, f) => `label ${qq(f, p.label)} of code ${p.code} is not one of the levels`,
    fr: (p: { code: string; label: string }, f) => `le libellé ${qq(f, p.label)} du code ${p.code} n’est pas une des modalités`,
  },
  codebookBadLabel: { en: (_: void) => 'label must be a string', fr: (_: void) => 'label doit être un texte' },
  codebookUnknownKeys: {
    en: (p: { file: string; column: string; keys: readonly string[] }, f) =>
      `${p.file}: column ${qq(f, p.column)}: ignored unknown key${p.keys.length > 1 ? 's' : ''} ${names(f, p.keys)} (known: type, label, scale, missing, labels, levels)`,
    fr: (p: { file: string; column: string; keys: readonly string[] }, f) =>
      `${p.file}\u00a0: colonne ${qq(f, p.column)}\u00a0: clé${p.keys.length > 1 ? 's' : ''} inconnue${p.keys.length > 1 ? 's' : ''} ignorée${p.keys.length > 1 ? 's' : ''} ${names(f, p.keys)} (connues\u00a0: type, label, scale, missing, labels, levels)`,
  },
  codebookColumnsAbsent: {
    en: (p: { file: string; names: readonly string[]; available: readonly string[] }, f) =>
      `codebook column${p.names.length > 1 ? 's' : ''} ${names(f, p.names)} not found in ${p.file} (its columns: ${names(f, p.available, 20)})`,
    fr: (p: { file: string; names: readonly string[]; available: readonly string[] }, f) =>
      `colonne${p.names.length > 1 ? 's' : ''} du codebook ${names(f, p.names)} absente${p.names.length > 1 ? 's' : ''} de ${p.file} (ses colonnes\u00a0: ${names(f, p.available, 20)})`,
  },
  // values
  notANumber: {
    en: (p: { value: string; decimal: string; others: number }, f) =>
      `${qq(f, p.value)} is not a number` +
      (p.decimal === ',' && /^[+-]?\d*\.\d+$/.test(p.value) ? ' (the decimal mark of this file is ",")' : '') +
      (p.decimal === '.' && /^[+-]?\d*,\d+$/.test(p.value) ? ' (the decimal mark of this file is "."; pass decimal "," if commas are decimal marks)' : '') +
      (!/\d/.test(p.value) ? ' (if it means "no answer", declare it among the column\'s missing codes)' : '') +
      others(p.others, 'not numbers either', '', f),
    fr: (p: { value: string; decimal: string; others: number }, f) =>
      `${qq(f, p.value)} n’est pas un nombre` +
      (p.decimal === ',' && /^[+-]?\d*\.\d+$/.test(p.value) ? ' (la marque décimale de ce fichier est «\u00a0,\u00a0»)' : '') +
      (p.decimal === '.' && /^[+-]?\d*,\d+$/.test(p.value) ? ' (la marque décimale de ce fichier est «\u00a0.\u00a0»\u00a0; passez decimal «\u00a0,\u00a0» si les virgules sont décimales)' : '') +
      (!/\d/.test(p.value) ? ' (si cela veut dire «\u00a0pas de réponse\u00a0», déclarez-le parmi les codes de non-réponse de la colonne)' : '') +
      others(p.others, '', p.others > 1 ? 'ne sont pas non plus des nombres' : 'n’est pas non plus un nombre', f),
  },
  notADate: {
    en: (p: { value: string; others: number }, f) => `${qq(f, p.value)} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)` + others(p.others, 'not dates either', '', f),
    fr: (p: { value: string; others: number }, f) =>
      `${qq(f, p.value)} n’est pas une date (attendu\u00a0: AAAA-MM-JJ ou JJ/MM/AAAA)` + others(p.others, '', `ne ${p.others > 1 ? 'sont pas non plus des dates' : 'est pas non plus une date'}`, f),
  },
  notALevel: {
    en: (p: { value: string; levels: readonly string[]; others: number }, f) =>
      `${qq(f, p.value)} is not one of the declared levels (${names(f, p.levels)})` + others(p.others, 'not declared either', '', f) + ' (declare it, add it to the missing codes, or load with unknownLevels: "missing")',
    fr: (p: { value: string; levels: readonly string[]; others: number }, f) =>
      `${qq(f, p.value)} n’est pas une des modalités déclarées (${names(f, p.levels)})` +
      others(p.others, '', `ne ${p.others > 1 ? 'sont' : 'est'} pas déclarée${p.others > 1 ? 's' : ''} non plus`, f) +
      ' (déclarez-la, ajoutez-la aux codes de non-réponse, ou chargez avec unknownLevels: "missing")',
  },
  outOfScale: {
    en: (p: { value: string; scale: readonly number[] }, f) => `${qq(f, p.value)} is outside the scale ${p.scale[0]}-${p.scale[1]} (strict mode)`,
    fr: (p: { value: string; scale: readonly number[] }, f) => `${qq(f, p.value)} est hors de l’échelle ${p.scale[0]}-${p.scale[1]} (mode strict)`,
  },
  ordinalNeedsOrder: {
    en: (p: { value: string }, f) => `ordinal column without levels, labels or scale in the codebook, and ${qq(f, p.value)} is not a number: the order of its categories is unknown`,
    fr: (p: { value: string }, f) => `colonne ordinale sans levels, labels ni scale dans le codebook, et ${qq(f, p.value)} n’est pas un nombre\u00a0: l’ordre de ses modalités est inconnu`,
  },
  // warnings
  warnOutOfScale: {
    en: (p: { column: string; count: number; scale: readonly number[]; lines: readonly number[] }, f) =>
      `column ${qq(f, p.column)}: ${p.count} value${p.count > 1 ? 's' : ''} outside the scale ${p.scale[0]}-${p.scale[1]} treated as missing (line${p.lines.length > 1 ? 's' : ''} ${lineList(p.lines)})`,
    fr: (p: { column: string; count: number; scale: readonly number[]; lines: readonly number[] }, f) =>
      `colonne ${qq(f, p.column)}\u00a0: ${f.num(p.count)} valeur${p.count > 1 ? 's' : ''} hors de l’échelle ${p.scale[0]}-${p.scale[1]} traitée${p.count > 1 ? 's' : ''} comme manquante${p.count > 1 ? 's' : ''} (ligne${p.lines.length > 1 ? 's' : ''} ${lineList(p.lines)})`,
  },
  warnUnknownLevels: {
    en: (p: { column: string; count: number; values: readonly string[]; lines: readonly number[] }, f) =>
      `column ${qq(f, p.column)}: ${p.count} value${p.count > 1 ? 's' : ''} not among the declared levels treated as missing: ${names(f, p.values)} (line${p.lines.length > 1 ? 's' : ''} ${lineList(p.lines)})`,
    fr: (p: { column: string; count: number; values: readonly string[]; lines: readonly number[] }, f) =>
      `colonne ${qq(f, p.column)}\u00a0: ${f.num(p.count)} valeur${p.count > 1 ? 's' : ''} hors des modalités déclarées traitée${p.count > 1 ? 's' : ''} comme manquante${p.count > 1 ? 's' : ''}\u00a0: ${names(f, p.values)} (ligne${p.lines.length > 1 ? 's' : ''} ${lineList(p.lines)})`,
  },
  warnUndeclared: {
    en: (p: { names: readonly string[] }, f) => `column${p.names.length > 1 ? 's' : ''} not declared in the codebook (type inferred, see report.inferred): ${names(f, p.names, 20)}`,
    fr: (p: { names: readonly string[] }, f) =>
      `colonne${p.names.length > 1 ? 's' : ''} non déclarée${p.names.length > 1 ? 's' : ''} dans le codebook (type déduit, voir report.inferred)\u00a0: ${names(f, p.names, 20)}`,
  },
  warnLevelsByAppearance: {
    en: (p: { column: string }, f) => `column ${qq(f, p.column)}: no levels declared, levels are in order of first appearance`,
    fr: (p: { column: string }, f) => `colonne ${qq(f, p.column)}\u00a0: aucune modalité déclarée, les modalités sont dans l’ordre d’apparition`,
  },
  warnDuplicateIds: {
    en: (p: { column: string; count: number; value: string; lines: readonly number[] }, f) =>
      `column ${qq(f, p.column)}: ${p.count} duplicated identifier${p.count > 1 ? 's' : ''} (first: ${qq(f, p.value)} on lines ${lineList(p.lines)})`,
    fr: (p: { column: string; count: number; value: string; lines: readonly number[] }, f) =>
      `colonne ${qq(f, p.column)}\u00a0: ${f.num(p.count)} identifiant${p.count > 1 ? 's' : ''} en double (premier\u00a0: ${qq(f, p.value)} aux lignes ${lineList(p.lines)})`,
  },
  // inference reasons (report.inferred[].reason): tokens = missing markers met, zeros = numbers with leading zeros kept as text
  inferEmpty: { en: (_: void) => 'all values are empty', fr: (_: void) => 'toutes les valeurs sont vides' },
  inferIntegers: {
    en: (p: { min: number; max: number; tokens: readonly string[] }, f) => `all values are integers ${p.min}-${p.max}${tokenNote(p.tokens, f)}`,
    fr: (p: { min: number; max: number; tokens: readonly string[] }, f) => `toutes les valeurs sont des entiers de ${p.min} à ${p.max}${tokenNote(p.tokens, f)}`,
  },
  inferNumbers: {
    en: (p: { min: number; max: number; tokens: readonly string[] }, f) => `all values are numbers (${p.min} to ${p.max})${tokenNote(p.tokens, f)}`,
    fr: (p: { min: number; max: number; tokens: readonly string[] }, f) => `toutes les valeurs sont des nombres (de ${f.num(p.min)} à ${f.num(p.max)})${tokenNote(p.tokens, f)}`,
  },
  inferIdNumbers: {
    en: (p: { n: number; tokens: readonly string[] }, f) => `all ${p.n} values are distinct integers and the name looks like an identifier${tokenNote(p.tokens, f)}`,
    fr: (p: { n: number; tokens: readonly string[] }, f) => `les ${f.num(p.n)} valeurs sont des entiers distincts et le nom ressemble à un identifiant${tokenNote(p.tokens, f)}`,
  },
  inferDates: {
    en: (p: { kinds: string; tokens: readonly string[] }, f) => `all values are dates (${p.kinds})${tokenNote(p.tokens, f)}`,
    fr: (p: { kinds: string; tokens: readonly string[] }, f) => `toutes les valeurs sont des dates (${p.kinds})${tokenNote(p.tokens, f)}`,
  },
  inferCategorical: {
    en: (p: { distinct: number; n: number; zeros: boolean }) => `${p.distinct} distinct values in ${p.n} non-empty cells; levels in order of first appearance${p.zeros ? '; numbers written with leading zeros are kept as text' : ''}`,
    fr: (p: { distinct: number; n: number; zeros: boolean }, f) =>
      `${f.num(p.distinct)} valeurs distinctes dans ${f.num(p.n)} cellules non vides\u00a0; modalités dans l’ordre d’apparition${p.zeros ? '\u00a0; les nombres écrits avec des zéros en tête restent du texte' : ''}`,
  },
  inferId: {
    en: (p: { n: number; maxLength: number; zeros: boolean }) => `all ${p.n} values are distinct, short (at most ${p.maxLength} characters) and without spaces${p.zeros ? '; numbers written with leading zeros are kept as text' : ''}`,
    fr: (p: { n: number; maxLength: number; zeros: boolean }, f) =>
      `les ${f.num(p.n)} valeurs sont distinctes, courtes (${p.maxLength} caractères au plus) et sans espace${p.zeros ? '\u00a0; les nombres écrits avec des zéros en tête restent du texte' : ''}`,
  },
  inferText: {
    en: (p: { distinct: number; n: number; zeros: boolean }) => `${p.distinct} distinct values in ${p.n} non-empty cells (free text)${p.zeros ? '; numbers written with leading zeros are kept as text' : ''}`,
    fr: (p: { distinct: number; n: number; zeros: boolean }, f) =>
      `${f.num(p.distinct)} valeurs distinctes dans ${f.num(p.n)} cellules non vides (texte libre)${p.zeros ? '\u00a0; les nombres écrits avec des zéros en tête restent du texte' : ''}`,
  },
});

function tokenNote(tokens: readonly string[], f: MessageFormat): string {
  if (tokens.length === 0) return '';
  return f.lang === 'fr' ? `\u00a0; ${names(f, tokens)} traité${tokens.length > 1 ? 's' : ''} comme manquant${tokens.length > 1 ? 's' : ''}` : `; ${names(f, tokens)} treated as missing`;
}
