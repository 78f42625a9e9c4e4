import { defineMessages } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';
import { reasonLabel } from '@satlab/present';

/** One message: the English template types the parameters, the French one follows them. */
const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });
/** A message without parameters. */
const t0 = (en: (p: void, f: MessageFormat) => string, fr: (p: void, f: MessageFormat) => string): MessageTemplate<void> => ({ en, fr });

/** A quoted name in English messages: "x" (French ones use « x » through `f.q`). */
const qe = (s: string | number): string => `"${s}"`;

/** `a, b or c`. */
function alternatives(items: readonly string[], or: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

/**
 * The command line's own messages (usage errors, file errors, lines about what was written),
 * English and French side by side. Results are worded by the presenters of `@satlab/present`.
 */
export const cliMsg = defineMessages('cli', {
  unknownCommand: t(
    (p: { name: string }) => `unknown command ${qe(p.name)} (satlab --help lists the commands)`,
    (p, f) => `commande inconnue ${f.q(p.name)} (satlab --help liste les commandes)`,
  ),
  unknownOption: t(
    (p: { option: string }) => `unknown option ${p.option} (see --help)`,
    (p) => `option inconnue ${p.option} (voir --help)`,
  ),
  optionNeedsValue: t(
    (p: { option: string }) => `option --${p.option} needs a value`,
    (p) => `l’option --${p.option} attend une valeur`,
  ),
  optionTakesNoValue: t(
    (p: { option: string }) => `option --${p.option} takes no value`,
    (p) => `l’option --${p.option} ne prend pas de valeur`,
  ),
  badCommandLine: t(
    (p: { detail: string }) => `bad command line: ${p.detail}`,
    (p) => `ligne de commande incorrecte : ${p.detail}`,
  ),
  badLang: t(
    (p: { value: string }) => `--lang must be fr or en, got ${qe(p.value)}`,
    (p, f) => `--lang doit valoir fr ou en, reçu ${f.q(p.value)}`,
  ),
  missingOption: t(
    (p: { option: string }) => `missing required option --${p.option}`,
    (p) => `option obligatoire manquante : --${p.option}`,
  ),
  missingArgument: t(
    (p: { name: string }) => `missing argument <${p.name}>`,
    (p) => `argument manquant : <${p.name}>`,
  ),
  unexpectedArgument: t(
    (p: { value: string; command: string }) => `unexpected argument ${qe(p.value)} (${p.command} reads one file)`,
    (p, f) => `argument inattendu ${f.q(p.value)} (${p.command} lit un seul fichier)`,
  ),
  notANumber: t(
    (p: { option: string; value: string }) => `--${p.option} must be a number, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit être un nombre, reçu ${f.q(p.value)}`,
  ),
  oneOf: t(
    (p: { option: string; allowed: readonly string[]; value: string }) => `--${p.option} must be ${alternatives(p.allowed, 'or')}, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit valoir ${alternatives(p.allowed, 'ou')}, reçu ${f.q(p.value)}`,
  ),
  integerBetween: t(
    (p: { option: string; min: number; max: number; value: string }) => `--${p.option} must be a whole number from ${p.min} to ${p.max}, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit être un entier de ${p.min} à ${p.max}, reçu ${f.q(p.value)}`,
  ),
  wholeAtLeast: t(
    (p: { option: string; min: number; value: string }) => `--${p.option} must be a whole number ≥ ${p.min}, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit être un entier ≥ ${p.min}, reçu ${f.q(p.value)}`,
  ),
  dateOption: t(
    (p: { option: string; value: string }) => `--${p.option} must be a date YYYY-MM-DD, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit être une date AAAA-MM-JJ, reçu ${f.q(p.value)}`,
  ),
  fileNotFound: t(
    (p: { file: string }) => `${p.file}: file not found`,
    (p) => `${p.file} : fichier introuvable`,
  ),
  isDirectory: t(
    (p: { file: string }) => `${p.file} is a directory, not a file`,
    (p) => `${p.file} est un dossier, pas un fichier`,
  ),
  folderMissing: t(
    (p: { option: string; path: string }) => `--${p.option}: the folder of ${qe(p.path)} does not exist`,
    (p, f) => `--${p.option} : le dossier de ${f.q(p.path)} n’existe pas`,
  ),
  permissionDenied: t(
    (p: { file: string }) => `permission denied: ${p.file}`,
    (p) => `accès refusé : ${p.file}`,
  ),
  internal: t(
    (p: { detail: string }) => `internal error: ${p.detail} (SATLAB_DEBUG=1 shows the stack)`,
    (p) => `erreur interne : ${p.detail} (SATLAB_DEBUG=1 affiche la pile)`,
  ),
  written: t(
    (p: { file: string; n: number; what: string }, f) => `Written: ${p.file} (${f.num(p.n)} ${p.what})`,
    (p, f) => `Écrit : ${p.file} (${f.num(p.n)} ${p.what})`,
  ),
  chart: t(
    (p: { file: string }) => `Chart: ${p.file}`,
    (p) => `Graphique : ${p.file}`,
  ),
  scaleRequired: t0(
    () => '--scale is required (e.g. --scale 1-5) unless the codebook declares the scale',
    () => '--scale est obligatoire (p. ex. --scale 1-5) sauf si le codebook déclare l’échelle',
  ),
  midpointNeedsScale: t0(
    () => '--cutoff midpoint needs --scale (e.g. --scale 1-4)',
    () => '--cutoff midpoint demande --scale (p. ex. --scale 1-4)',
  ),
  dissatisfiedValue: t(
    (p: { value: string; column: string }) => `--dissatisfied: ${qe(p.value)} is neither a number nor a label of ${qe(p.column)}`,
    (p, f) => `--dissatisfied : ${f.q(p.value)} n’est ni un nombre ni une modalité de ${f.q(p.column)}`,
  ),
  dissatisfiedOrScale: t0(
    () => 'give --dissatisfied (e.g. 1,2) or --scale (e.g. 1-4) so that "dissatisfied" is defined',
    () => 'indiquez --dissatisfied (p. ex. 1,2) ou --scale (p. ex. 1-4) pour définir « insatisfait »',
  ),
  cutoffSyntax: t(
    (p: { value: string }) => `--cutoff must be mean, midpoint, median or <satisfaction>,<importance> (e.g. 2.5,2.5), got ${qe(p.value)}`,
    (p, f) => `--cutoff doit valoir mean, midpoint, median ou <satisfaction>,<importance> (p. ex. 2.5,2.5), reçu ${f.q(p.value)}`,
  ),
  listLengths: t(
    (p: { option: string; n: number; m: number }) => `--${p.option} lists ${p.n} item(s) but --sat-columns lists ${p.m}`,
    (p) => `--${p.option} donne ${p.n} élément(s) mais --sat-columns en donne ${p.m}`,
  ),
  statedLength: t(
    (p: { n: number; m: number }) => `--stated lists ${p.n} column(s) for ${p.m} driver(s); give one per driver, in the same order`,
    (p) => `--stated donne ${p.n} colonne(s) pour ${p.m} facteur(s) ; une par facteur, dans le même ordre`,
  ),
  // chi2
  tableAndColumns: t0(
    () => '--table reads a contingency table: --rows, --cols and --weight apply to respondent files only',
    () => '--table lit un tableau de contingence : --rows, --cols et --weight ne valent que pour les fichiers de répondants',
  ),
  rowsColsOrTable: t(
    (p: { option: string }) => `missing required option --${p.option} (or --table for a contingency-table file)`,
    (p) => `option obligatoire manquante : --${p.option} (ou --table pour un fichier de tableau de contingence)`,
  ),
  weightedNoExact: t0(
    () => '--monte-carlo and --exact need unweighted counts; with --weight the Rao–Scott corrected test is used',
    () => '--monte-carlo et --exact demandent des effectifs non pondérés ; avec --weight, le test corrigé de Rao–Scott est utilisé',
  ),
  weightedNoLetters: t0(
    () => '--letters needs unweighted counts (column-proportion tests on weighted data are not available)',
    () => '--letters demande des effectifs non pondérés (pas de tests de proportions en colonne sur données pondérées)',
  ),
  collapseSyntax: t(
    (p: { part: string }) => `--collapse must look like "A+B=New label", got ${qe(p.part)}`,
    (p, f) => `--collapse doit avoir la forme "A+B=Nouveau libellé", reçu ${f.q(p.part)}`,
  ),
  collapseUnknown: t(
    (p: { spec: string; unknown: readonly string[]; rows: readonly string[]; cols: readonly string[] }) =>
      `--collapse ${qe(p.spec)}: ${p.unknown.length ? `unknown categor${p.unknown.length > 1 ? 'ies' : 'y'} ${p.unknown.map((u) => qe(u)).join(', ')}` : 'members mix row and column categories'} (rows: ${p.rows.map((x) => qe(x)).join(', ')}; columns: ${p.cols.map((x) => qe(x)).join(', ')})`,
    (p, f) =>
      `--collapse ${f.q(p.spec)} : ${p.unknown.length ? `modalité${p.unknown.length > 1 ? 's' : ''} inconnue${p.unknown.length > 1 ? 's' : ''} ${p.unknown.map((u) => f.q(u)).join(', ')}` : 'le groupe mêle des modalités de lignes et de colonnes'} (lignes : ${p.rows.map((x) => f.q(x)).join(', ')} ; colonnes : ${p.cols.map((x) => f.q(x)).join(', ')})`,
  ),
  tableTooNarrow: t(
    (p: { n: number }) => `a contingency table needs a label column and at least 2 count columns, found ${p.n} column(s)`,
    (p) => `un tableau de contingence demande une colonne de libellés et au moins 2 colonnes d’effectifs, trouvé ${p.n} colonne(s)`,
  ),
  tableTooShort: t(
    (p: { n: number }) => `a contingency table needs at least 2 rows of counts, found ${p.n}`,
    (p) => `un tableau de contingence demande au moins 2 lignes d’effectifs, trouvé ${p.n}`,
  ),
  emptyRowLabel: t0(
    () => 'empty row label (first column)',
    () => 'libellé de ligne vide (première colonne)',
  ),
  emptyCount: t0(
    () => 'empty cell: a contingency table needs a count in every cell (write 0)',
    () => 'case vide : un tableau de contingence demande un effectif dans chaque case (écrire 0)',
  ),
  notACount: t(
    (p: { value: string }) => `${qe(p.value)} is not a count (a number ≥ 0)`,
    (p, f) => `${f.q(p.value)} n’est pas un effectif (un nombre ≥ 0)`,
  ),
  marginColumns: t(
    (p: { names: readonly string[] }) => `Column(s) ${p.names.map((x) => qe(x)).join(', ')} look like margins (totals) and were left out of the table.`,
    (p, f) => `Colonne(s) ${p.names.map((x) => f.q(x)).join(', ')} : des marges (totaux), écartées du tableau.`,
  ),
  marginRow: t(
    (p: { label: string; line: number }) => `Row ${qe(p.label)} (line ${p.line}) looks like a margin (totals) and was left out of the table.`,
    (p, f) => `Ligne ${f.q(p.label)} (ligne ${p.line} du fichier) : une marge (totaux), écartée du tableau.`,
  ),
  // rfm
  parquetNeedsDuckdb: t0(
    () => 'Parquet files are read by the DuckDB engine: add --engine duckdb',
    () => 'les fichiers Parquet sont lus par le moteur DuckDB : ajoutez --engine duckdb',
  ),
  thresholdsSyntax: t(
    (p: { part: string }) => `--thresholds: expected "r=…;f=…;m=…", got ${qe(p.part)}`,
    (p, f) => `--thresholds : attendu "r=…;f=…;m=…", reçu ${f.q(p.part)}`,
  ),
  thresholdsNumbers: t(
    (p: { dim: string; list: string }) => `--thresholds: ${p.dim} cut points must be numbers separated by commas, got ${qe(p.list)}`,
    (p, f) => `--thresholds : les seuils de ${p.dim} doivent être des nombres séparés par des virgules, reçu ${f.q(p.list)}`,
  ),
  thresholdsIncrease: t(
    (p: { dim: string; list: string }) => `--thresholds: ${p.dim} cut points must increase, got ${qe(p.list)}`,
    (p, f) => `--thresholds : les seuils de ${p.dim} doivent croître, reçu ${f.q(p.list)}`,
  ),
  thresholdsMissing: t(
    (p: { dim: string }) => `--thresholds: missing the ${p.dim} cut points (r=…;f=…;m=…)`,
    (p) => `--thresholds : il manque les seuils de ${p.dim} (r=…;f=…;m=…)`,
  ),
  strictBadRow: t(
    (p: { value: string; reason: string; total: number }, f) =>
      `${p.reason === 'empty' || p.reason === 'missing field' ? `${p.reason} cell` : p.reason === 'not a number' || p.reason === 'not a date' ? `${qe(p.value)} is ${p.reason}` : `${qe(p.value)} is bad (${p.reason})`} (${p.total > 1 ? `${f.num(p.total)} bad rows in all; without --strict they are excluded and reported` : 'without --strict such rows are excluded and reported'})`,
    (p, f) =>
      `${p.reason === 'empty' || p.reason === 'missing field' ? `cellule vide (${reasonLabel(p.reason, 'fr')})` : `${f.q(p.value)} : ${reasonLabel(p.reason, 'fr')}`} (${p.total > 1 ? `${f.num(p.total)} lignes invalides en tout ; sans --strict elles sont exclues et signalées` : 'sans --strict ces lignes sont exclues et signalées'})`,
  ),
  strictNoDetail: t(
    (p: { total: number }, f) => `${f.num(p.total)} transactions cannot be used (without --strict they are excluded and reported)`,
    (p, f) => `${f.num(p.total)} transactions sont inutilisables (sans --strict elles sont exclues et signalées)`,
  ),
  raggedRows: t(
    (p: { n: number; lines: readonly number[] }, f) => `${f.num(p.n)} row(s) do not have the header's number of fields (lines ${p.lines.join(', ')})`,
    (p, f) => `${f.num(p.n)} ligne(s) n’ont pas le nombre de champs de l’en-tête (lignes ${p.lines.join(', ')})`,
  ),
  engine: t(
    (p: { engine: string; threads: number; seconds: number }, f) => `engine ${p.engine === 'duckdb' ? 'DuckDB' : `native, ${p.threads} thread${p.threads > 1 ? 's' : ''}`}, ${f.num(p.seconds, 2)} s`,
    (p, f) => `moteur ${p.engine === 'duckdb' ? 'DuckDB' : `natif, ${p.threads} thread${p.threads > 1 ? 's' : ''}`}, ${f.num(p.seconds, 2)} s`,
  ),
  btsTitle: t0(
    () => 'BTS MUC 2007 case, subject no. 11 — "Satisfaction and loyalty" (insurance agency)',
    () => 'Cas BTS MUC 2007, sujet n° 11 — « Satisfaction et fidélité » (agence d’assurances)',
  ),
  barometerWritten: t(
    (p: { seed: number; n: number; waves: number; dates: readonly string[]; dir: string; files: readonly string[] }, f) =>
      `Synthetic barometer (seed ${p.seed}): ${f.num(p.n)} respondents in ${p.waves} waves (${p.dates.join(', ')}) written to ${p.dir}\n  ${p.files.join(', ')}`,
    (p, f) => `Baromètre synthétique (graine ${p.seed}) : ${f.num(p.n)} répondants en ${p.waves} vagues (${p.dates.join(', ')}) écrits dans ${p.dir}\n  ${p.files.join(', ')}`,
  ),
  transactionsWritten: t(
    (p: { rows: number; customers: number; start: string; end: string; seed: number; file: string; mb: number }, f) =>
      `${f.num(p.rows)} transactions of ${f.num(p.customers)} customers (${p.start} – ${p.end}, seed ${p.seed}) written to ${p.file} (${f.num(p.mb)} MB)`,
    (p, f) => `${f.num(p.rows)} transactions de ${f.num(p.customers)} clients (${p.start} – ${p.end}, graine ${p.seed}) écrites dans ${p.file} (${f.num(p.mb)} Mo)`,
  ),
  progress: t(
    (p: { what: string; done: number; total: number; pct: number }, f) => `${p.what}: ${f.num(p.done)} / ${f.num(p.total)} (${p.pct}%)`,
    (p, f) => `${p.what} : ${f.num(p.done)} / ${f.num(p.total)} (${p.pct}\u00a0%)`,
  ),
  customers: t0(() => 'customers', () => 'clients'),
  reading: t0(() => 'reading', () => 'lecture'),
  reportTimestamp: t(
    (p: { value: string }) => `--timestamp must be an ISO date-time or seconds since 1970, got ${qe(p.value)}`,
    (p, f) => `--timestamp doit être une date-heure ISO ou un nombre de secondes depuis 1970, reçu ${f.q(p.value)}`,
  ),
  oneConfig: t(
    (p: { n: number }) => `one config file expected, got ${p.n} arguments`,
    (p) => `un seul fichier de configuration attendu, reçu ${p.n} arguments`,
  ),
  reportWritten: t(
    (p: { dir: string; main: readonly string[]; csv: number }, f) => `Report written to ${p.dir}/: ${p.main.join(', ')}, ${f.num(p.csv)} CSV tables, tables.xlsx, summary.json`,
    (p, f) => `Rapport écrit dans ${p.dir}/ : ${p.main.join(', ')}, ${f.num(p.csv)} tableaux CSV, tables.xlsx, summary.json`,
  ),
  reportLatestWave: t(
    (p: { wave: string; waves: number }) => `Latest wave: ${p.wave} (${p.waves} waves)`,
    (p) => `Dernière vague : ${p.wave} (${p.waves} vagues)`,
  ),
  keyFigure: t(
    (p: { indicator: string; value: string; mark: string }) => `  ${p.indicator}: ${p.value}${p.mark ? ` ${p.mark}` : ''}`,
    (p) => `  ${p.indicator} : ${p.value}${p.mark ? ` ${p.mark}` : ''}`,
  ),
  reportSignificant: t(
    (p: { adjust: string }) => `Significant changes in the latest wave (${p.adjust}):`,
    (p) => `Évolutions significatives de la dernière vague (${p.adjust}) :`,
  ),
  reportChange: t(
    (p: { mark: string; indicator: string; against: string }) => `  ${p.mark} ${p.indicator} (vs ${p.against === 'previous' ? 'previous' : 'first'} wave)`,
    (p) => `  ${p.mark} ${p.indicator} (vs ${p.against === 'previous' ? 'vague précédente' : 'première vague'})`,
  ),
  reportProgress: t(
    (p: { step: string; seconds: number }, f) => `satlab report: ${p.step} (${f.num(p.seconds, 1)} s)`,
    (p, f) => `satlab report : ${p.step} (${f.num(p.seconds, 1)} s)`,
  ),
  describeSource: t(
    (p: { file: string; source: string; sheet?: string }) =>
      `File: ${p.file} — ${({ xlsx: 'Excel workbook', xls: 'Excel', sav: 'SPSS file', parquet: 'Parquet file' } as Record<string, string>)[p.source] ?? p.source}${p.sheet !== undefined ? `, sheet ${qe(p.sheet)}` : ''}`,
    (p, f) => `Fichier : ${p.file} — ${({ xlsx: 'classeur Excel', xls: 'Excel', sav: 'fichier SPSS', parquet: 'fichier Parquet' } as Record<string, string>)[p.source] ?? p.source}${p.sheet !== undefined ? `, feuille ${f.q(p.sheet)}` : ''}`,
  ),
  describeCsv: t(
    (p: { file: string; encoding: string; bom: boolean; separator: string; decimal: string }) =>
      `File: ${p.file} — ${p.encoding}, BOM: ${p.bom ? 'yes' : 'no'}, separator ${p.separator === '\t' ? 'tab' : qe(p.separator)}, decimal mark ${qe(p.decimal)}`,
    (p, f) => `Fichier : ${p.file} — ${p.encoding}, BOM : ${p.bom ? 'oui' : 'non'}, séparateur ${p.separator === '\t' ? 'tabulation' : f.q(p.separator)}, décimale ${f.q(p.decimal)}`,
  ),
  describeRows: t(
    (p: { read: number; kept: number; excluded: number }, f) => `Data rows read: ${f.num(p.read)}, kept: ${f.num(p.kept)}, excluded: ${f.num(p.excluded)}`,
    (p, f) => `Lignes de données lues : ${f.num(p.read)}, conservées : ${f.num(p.kept)}, exclues : ${f.num(p.excluded)}`,
  ),
  describeColumns: t0(() => 'column|type|n|missing|summary', () => 'colonne|type|n|manquants|résumé'),
  columnType: t(
    (p: { type: string; inferred: boolean }) => `${({ id: 'id' } as Record<string, string>)[p.type] ?? p.type}${p.inferred ? ' (inferred)' : ''}`,
    (p) => `${({ numeric: 'numérique', ordinal: 'ordinale', categorical: 'catégorielle', date: 'date', id: 'identifiant', text: 'texte' } as Record<string, string>)[p.type] ?? p.type}${p.inferred ? ' (déduit)' : ''}`,
  ),
  meanAbbrev: t0(() => 'mean', () => 'moy.'),
  distinctValues: t(
    (p: { n: number }, f) => `${f.num(p.n)} distinct values`,
    (p, f) => `${f.num(p.n)} valeurs distinctes`,
  ),
  describeMissingHeading: t0(() => 'Missing values, by reason:', () => 'Valeurs manquantes, par raison :'),
  describeExcludedHeading: t0(() => 'Rows excluded:', () => 'Lignes exclues :'),
  describeExcludedLine: t(
    (p: { line: number; reason: string }) => `  line ${p.line}: ${p.reason}`,
    (p) => `  ligne ${p.line} : ${p.reason}`,
  ),
  describeRenamedHeading: t0(() => 'Columns renamed:', () => 'Colonnes renommées :'),
  describeRenamed: t(
    (p: { column: number; from: string; to: string; empty: boolean }) => (p.empty ? `  column ${p.column} has no name → ${qe(p.to)} (as readr names it)` : `  column ${p.column} ${qe(p.from)} repeats a name → ${qe(p.to)}`),
    (p, f) => (p.empty ? `  colonne ${p.column} sans nom → ${f.q(p.to)} (comme readr)` : `  colonne ${p.column} ${f.q(p.from)} répète un nom → ${f.q(p.to)}`),
  ),
  describeInferredHeading: t0(() => 'Inferred types (no codebook entry for these columns):', () => 'Types déduits (pas de codebook pour ces colonnes) :'),
  /** `  name: text` (the French colon is spaced). */
  item: t(
    (p: { name: string; text: string }) => `  ${p.name}: ${p.text}`,
    (p) => `  ${p.name} : ${p.text}`,
  ),
  helpUsage: t0(() => 'Usage:', () => 'Usage :'),
  helpOptions: t0(() => 'Options:', () => 'Options :'),
  helpTitle: t0(() => 'satlab — customer-satisfaction studies', () => 'satlab — études de satisfaction client'),
  helpMainUsage: t0(
    () => 'Usage: satlab <command> [options]   (satlab <command> --help for details)',
    () => 'Usage : satlab <commande> [options]   (satlab <commande> --help pour le détail)',
  ),
  helpCommands: t0(() => 'Commands:', () => 'Commandes :'),
  /** The prefix of an error line: `satlab nps:` / `satlab nps :`. */
  errorPrefix: t(
    (p: { command: string }) => `satlab${p.command ? ` ${p.command}` : ''}:`,
    (p) => `satlab${p.command ? ` ${p.command}` : ''} :`,
  ),
  scaleSyntax: t(
    (p: { option: string; value: string }) => `--${p.option} must look like 1-4 or 0-10 (min-max, min < max), got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit s’écrire comme 1-4 ou 0-10 (min-max, min < max), reçu ${f.q(p.value)}`,
  ),
  shareOption: t(
    (p: { option: string; value: string }) => `--${p.option} must be a number such as 0.15 or 15%, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit être un nombre comme 0.15 ou 15%, reçu ${f.q(p.value)}`,
  ),
  atLeastOneValue: t(
    (p: { option: string }) => `--${p.option} must list at least one value`,
    (p) => `--${p.option} doit donner au moins une valeur`,
  ),
  confidenceRange: t(
    (p: { value: string }) => `--confidence must be between 0 and 1 (or a percentage), got ${qe(p.value)}`,
    (p, f) => `--confidence doit être entre 0 et 1 (ou un pourcentage), reçu ${f.q(p.value)}`,
  ),
  maxBytesSyntax: t(
    (p: { value: string }) => `--max-bytes must be a size such as 500000000, 500M or 2G, got ${qe(p.value)}`,
    (p, f) => `--max-bytes doit être une taille comme 500000000, 500M ou 2G, reçu ${f.q(p.value)}`,
  ),
  noColumnOption: t(
    (p: { option: string; column: string; columns: readonly string[] }) => `--${p.option}: no column ${qe(p.column)} (columns: ${p.columns.join(', ')})`,
    (p, f) => `--${p.option} : pas de colonne ${f.q(p.column)} (colonnes : ${p.columns.join(', ')})`,
  ),
  noColumnPrefix: t(
    (p: { option: string; prefix: string }) => `--${p.option}: no column starts with ${qe(p.prefix)}`,
    (p, f) => `--${p.option} : aucune colonne ne commence par ${f.q(p.prefix)}`,
  ),
  noColumnListed: t(
    (p: { option: string }) => `--${p.option} lists no column`,
    (p) => `--${p.option} ne donne aucune colonne`,
  ),
  integerOption: t(
    (p: { option: string; value: string }) => `--${p.option} must be an integer, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit être un entier, reçu ${f.q(p.value)}`,
  ),
  generateWhat: t(
    (p: { value: string }) => `expected "generate barometer" or "generate transactions", got "generate ${p.value}"`,
    (p) => `attendu « generate barometer » ou « generate transactions », reçu « generate ${p.value} »`,
  ),
  notPositive: t(
    (p: { value: string }) => `${qe(p.value)} is not a positive number`,
    (p, f) => `${f.q(p.value)} n’est pas un nombre positif`,
  ),
  notPoints: t(
    (p: { value: string }) => `${qe(p.value)} is not a number of points (or NA for not applicable)`,
    (p, f) => `${f.q(p.value)} n’est pas un nombre de points (ou NA pour sans objet)`,
  ),
  ipaNoValue: t(
    (p: { name: string }) => `${qe(p.name)} has no value here; every attribute needs a satisfaction and an importance mean`,
    (p, f) => `${f.q(p.name)} n’a pas de valeur ici ; chaque critère demande une moyenne de satisfaction et une d’importance`,
  ),
  outsideScale: t(
    (p: { value: number; lo: number; hi: number }, f) => `${qe(f.num(p.value))} is outside the declared scale ${p.lo}-${p.hi}`,
    (p, f) => `${f.q(f.num(p.value))} est hors de l’échelle déclarée ${p.lo}-${p.hi}`,
  ),
  namesCount: t(
    (p: { names: number; columns: number }) => `--names lists ${p.names} names but --columns lists ${p.columns}`,
    (p) => `--names donne ${p.names} noms mais --columns en donne ${p.columns}`,
  ),
  /** One questionnaire difference between two waves (`waves`), from the codebook diff's fields. */
  questionnaireChange: t(
    (p: { kind: 'added' | 'removed' | 'renamed' | 'scale' | 'type' | 'labels' | 'levels' | 'wording' | 'missing'; item: string; from?: string; to?: string }) =>
      `${{ added: 'added', removed: 'removed', renamed: 'renamed', scale: 'scale changed', type: 'type changed', labels: 'value labels reworded', levels: 'categories changed', wording: 'question reworded', missing: 'missing codes changed' }[p.kind]}: ${qe(p.item)}${p.from !== undefined || p.to !== undefined ? ` ${p.from ?? ''} → ${p.to ?? ''}` : ''}`,
    (p, f) =>
      `${{ added: 'ajouté', removed: 'retiré', renamed: 'renommé', scale: 'échelle changée', type: 'type changé', labels: 'libellés des valeurs reformulés', levels: 'modalités changées', wording: 'question reformulée', missing: 'codes manquants changés' }[p.kind]} : ${f.q(p.item)}${p.from !== undefined || p.to !== undefined ? ` ${p.from ?? ''} → ${p.to ?? ''}` : ''}`,
  ),
  warningsHeading: t0(() => 'Warnings:', () => 'Avertissements :'),
  shareSyntax: t(
    (p: { value: string }) => `--share expects column=value, got ${qe(p.value)}`,
    (p, f) => `--share attend colonne=valeur, reçu ${f.q(p.value)}`,
  ),
  noIndicator: t0(
    () => 'no indicator: give --mean, --top-box, --nps or --share (no ordinal column with a codebook scale was found)',
    () => 'aucun indicateur : donnez --mean, --top-box, --nps ou --share (aucune colonne ordinale avec une échelle dans le dictionnaire)',
  ),
  labelsCount: t(
    (p: { labels: number; files: number }) => `--labels gives ${p.labels} labels for ${p.files} files`,
    (p) => `--labels donne ${p.labels} noms pour ${p.files} fichiers`,
  ),
  wavesWeighting: t(
    (p: { method: string; groups: readonly { name: string; effectiveN: number }[] }, f) => `Weighting: ${p.method}; effective n ${p.groups.map((g) => `${g.name} ${f.num(g.effectiveN, 0)}`).join(', ')}.`,
    (p, f) => `Pondération : ${p.method} ; n effectif ${p.groups.map((g) => `${g.name} ${f.num(g.effectiveN, 0)}`).join(', ')}.`,
  ),
  wavesQuestionnaire: t0(() => 'Questionnaire differences:', () => 'Différences de questionnaire :'),
  alertsHeading: t(
    (p: { file: string; rules: string }) => `Dissatisfaction detection — ${p.file} (rules: ${p.rules})`,
    (p) => `Détection de l’insatisfaction — ${p.file} (règles : ${p.rules})`,
  ),
  alertsFlagged: t(
    (p: { respondents: number; flagged: number; share: number }, f) => `Respondents: ${f.num(p.respondents)} · flagged: ${f.num(p.flagged)} (${f.pct(p.share, 1)})`,
    (p, f) => `Répondants : ${f.num(p.respondents)} · signalés : ${f.num(p.flagged)} (${f.pct(p.share, 1)})`,
  ),
  alertsRuleColumns: t0(
    () => 'rule|reason|weight|flagged|% respondents|not evaluable',
    () => 'règle|motif|poids|signalés|% répondants|non évaluables',
  ),
  alertsHitRate: t(
    (p: { rule: string; column: string; dRate: number; dHits: number; d: number; pRate: number; pHits: number; p: number }, f) =>
      `Rule ${qe(p.rule)}: flags ${f.pct(p.dRate, 1)} of detractors (${f.num(p.dHits)}/${f.num(p.d)}) and ${f.pct(p.pRate, 1)} of promoters (${f.num(p.pHits)}/${f.num(p.p)}) whose comment it read (${qe(p.column)})`,
    (p, f) =>
      `Règle ${f.q(p.rule)} : signale ${f.pct(p.dRate, 1)} des détracteurs (${f.num(p.dHits)}/${f.num(p.d)}) et ${f.pct(p.pRate, 1)} des promoteurs (${f.num(p.pHits)}/${f.num(p.p)}) dont elle a lu le commentaire (${f.q(p.column)})`,
  ),
  alertsValueSource: t(
    (p: { source: string | null; unknown: number }, f) => `Customer value: ${p.source ?? 'none'} · unknown value: ${f.num(p.unknown)}`,
    (p, f) => `Valeur des clients : ${p.source ?? 'aucune'} · valeur inconnue : ${f.num(p.unknown)}`,
  ),
  alertsMore: t(
    (p: { n: number }, f) => `… ${f.num(p.n)} more customers (--out for the full list)`,
    (p, f) => `… ${f.num(p.n)} clients de plus (--out pour la liste complète)`,
  ),
  alertsWritten: t(
    (p: { path: string; rows: number }, f) => `List written: ${p.path} (${f.num(p.rows)} customers; fill in the treated and outcome columns for "satlab feedback")`,
    (p, f) => `Liste écrite : ${p.path} (${f.num(p.rows)} clients ; colonnes treated et outcome à remplir pour « satlab feedback »)`,
  ),
  alertsSheet: t0(() => 'callbacks|Callback queue', () => 'rappels|File des rappels'),
  outExtension: t(
    (p: { option: string; allowed: readonly string[]; value: string }) => `--${p.option} must end in ${alternatives(p.allowed, 'or')}, got ${qe(p.value)}`,
    (p, f) => `--${p.option} doit finir par ${alternatives(p.allowed, 'ou')}, reçu ${f.q(p.value)}`,
  ),
  xlsxUnavailable: t0(
    () => 'XLSX output needs the XLSX writer of @satlab/report (tablesToXlsx), not available in this build: use --out <file>.csv',
    () => 'la sortie XLSX demande l’écriture XLSX de @satlab/report (tablesToXlsx), absente de cette version : utilisez --out <fichier>.csv',
  ),
  noValueColumn: t(
    (p: { column: string }) => `no value column ${qe(p.column)} in the survey (give --customers for a separate value file)`,
    (p, f) => `pas de colonne de valeur ${f.q(p.column)} dans l’enquête (donnez --customers pour un fichier de valeurs séparé)`,
  ),
});
