import { defineMessages } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';

/** One message: the English template types the parameters, the French one follows them. */
const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });

/**
 * Every warning and error of @satlab/text, English and French side by side. Codes are
 * `text.<key>`; render with `renderMessage(m, lang)` of `@satlab/messages`.
 */

interface Where {
  file?: string | null;
  line?: number | null;
  column?: number | null;
  columnName?: string | null;
}

/** `file:line:column (column "x"): ` when known, as the loader writes locations. */
function where(p: Where, f: MessageFormat): string {
  const colon = f.lang === 'fr' ? ' : ' : ': ';
  if (!p.file && (p.line === null || p.line === undefined)) return p.columnName ? `${f.lang === 'fr' ? 'colonne' : 'column'} ${f.q(p.columnName)}${colon}` : '';
  let s = p.file ?? '<input>';
  if (p.line !== null && p.line !== undefined) s += `:${p.line}`;
  if (p.column !== null && p.column !== undefined) s += `:${p.column}`;
  if (p.columnName) s += ` (${f.lang === 'fr' ? 'colonne' : 'column'} ${f.q(p.columnName)})`;
  return s + colon;
}

export const msg = defineMessages('text', {
  // --- errors -------------------------------------------------------------------------------
  noComments: t(
    (p: Where & { rows: number }, f) => `${where(p, f)}no comment to analyse: ${f.num(p.rows)} row(s), every comment blank`,
    (p, f) => `${where(p, f)}aucun commentaire à analyser : ${f.num(p.rows)} ligne(s), tous les commentaires sont vides`,
  ),
  notText: t(
    (p: Where & { value: string; numeric: number; filled: number }, f) =>
      `${where(p, f)}this column holds numbers or codes, not comments (${f.num(p.numeric)} of ${f.num(p.filled)} filled cells, e.g. ${f.q(p.value)}): give the free-text column`,
    (p, f) =>
      `${where(p, f)}cette colonne contient des nombres ou des codes, pas des commentaires (${f.num(p.numeric)} cellules remplies sur ${f.num(p.filled)}, p. ex. ${f.q(p.value)}) : indiquez la colonne de texte libre`,
  ),
  scoreOutOfScale: t(
    (p: Where & { value: number; min: number; max: number }, f) =>
      `${where(p, f)}score ${f.num(p.value)} is outside the scale ${f.num(p.min)}–${f.num(p.max)} (an undeclared missing code such as 99? give the scale with --scale, or blank the cell)`,
    (p, f) =>
      `${where(p, f)}la note ${f.num(p.value)} est hors de l’échelle ${f.num(p.min)}–${f.num(p.max)} (un code de non-réponse non déclaré, comme 99 ? indiquez l’échelle avec --scale, ou videz la cellule)`,
  ),
  badGroups: t(
    (p: { low: number; high: number; min: number; max: number }, f) =>
      `the low group (≤ ${f.num(p.low)}) and the high group (≥ ${f.num(p.high)}) must be inside the scale ${f.num(p.min)}–${f.num(p.max)} with low < high`,
    (p, f) =>
      `le groupe bas (≤ ${f.num(p.low)}) et le groupe haut (≥ ${f.num(p.high)}) doivent être dans l’échelle ${f.num(p.min)}–${f.num(p.max)}, avec bas < haut`,
  ),
  lengthMismatch: t(
    (p: { what: string; n: number; expected: number }, f) => `${p.what} has ${f.num(p.n)} values, the comments ${f.num(p.expected)}`,
    (p, f) => `${p.what} a ${f.num(p.n)} valeurs, les commentaires ${f.num(p.expected)}`,
  ),
  badThemes: t(
    (p: { file: string; problem: string }) => `${p.file}: ${p.problem}`,
    (p) => `${p.file} : ${p.problem}`,
  ),
  // --- warnings -----------------------------------------------------------------------------
  emptyComments: t(
    (p: { n: number; total: number }, f) => `${f.num(p.n)} of ${f.num(p.total)} comments are blank: counted in "empty", not analysed`,
    (p, f) => `${f.num(p.n)} commentaires sur ${f.num(p.total)} sont vides : comptés à part comme vides, non analysés`,
  ),
  missingScore: t(
    (p: { n: number }, f) => `${f.num(p.n)} comment(s) without a score: counted in the theme shares, left out of the detractor/promoter comparison`,
    (p, f) => `${f.num(p.n)} commentaire(s) sans note : comptés dans les parts des thèmes, hors de la comparaison détracteurs/promoteurs`,
  ),
  fewInGroup: t(
    (p: { group: string; n: number; min: number }, f) =>
      `${p.group || 'all comments'}: only ${f.num(p.n)} detractor or promoter comment(s) (fewer than ${f.num(p.min)}): the terms that separate them are unreliable`,
    (p, f) =>
      `${p.group || 'ensemble des commentaires'} : seulement ${f.num(p.n)} commentaire(s) de détracteur ou de promoteur (moins de ${f.num(p.min)}) : les termes qui les distinguent sont peu fiables`,
  ),
  missingSegment: t(
    (p: { n: number; column: string }, f) => `${f.num(p.n)} comment(s) with no value in ${f.q(p.column)}: counted overall, in no segment`,
    (p, f) => `${f.num(p.n)} commentaire(s) sans valeur dans ${f.q(p.column)} : comptés dans l’ensemble, dans aucun segment`,
  ),
  uncovered: t(
    (p: { n: number; share: number }, f) => `${f.num(p.n)} comment(s) (${f.pct(p.share)}) mention no theme of the dictionary: read some of them and extend it`,
    (p, f) => `${f.num(p.n)} commentaire(s) (${f.pct(p.share)}) ne citent aucun thème du dictionnaire : lisez-en quelques-uns et complétez-le`,
  ),
  unusedThemes: t(
    (p: { themes: readonly string[] }, f) => `theme(s) never found: ${f.list(p.themes)}`,
    (p, f) => `thème(s) jamais trouvé(s) : ${f.list(p.themes)}`,
  ),
  rareTerms: t(
    (p: { n: number; min: number }, f) => `${f.num(p.n)} term(s) seen in fewer than ${f.num(p.min)} comments not ranked (they stay in the prior)`,
    (p, f) => `${f.num(p.n)} terme(s) vus dans moins de ${f.num(p.min)} commentaires non classés (ils restent dans l’a priori)`,
  ),
});
