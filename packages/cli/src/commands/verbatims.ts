import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeCsv } from '@satlab/data';
import type { CsvCell } from '@satlab/data';
import { presentVerbatims } from '@satlab/present';
import { analyzeVerbatims, compileThemes, defaultThemes, loadThemes, themesOf, tokenizeComment } from '@satlab/text';
import type { ThemeDictionary, VerbatimsOptions } from '@satlab/text';
import type { Command } from '../command.js';
import { numberOption, positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { CODEBOOK_OPTION, numberColumn, openSurvey, parseScale, rawColumn } from './_survey.js';
import { cliMsg } from '../messages.js';

const command: Command = {
  name: 'verbatims',
  summary: {
    en: 'What customers write, tied to their scores: terms that separate detractors from promoters, themes by segment and wave',
    fr: 'Ce qu’écrivent les clients, relié à leurs notes : termes qui distinguent détracteurs et promoteurs, thèmes par segment et par vague',
  },
  usage: ['verbatims <file> --text <col> --score <col> [--by <col>] [--wave <col>] [--themes <file.yaml>] [--top N] [--min-count N] [--scale 0-10] [--low 6] [--high 9] [--csv <out.csv>] [--json]'],
  options: {
    text: { type: 'string', arg: '<col>', description: { en: 'the free-text comment column', fr: 'la colonne du commentaire libre' } },
    score: { type: 'string', arg: '<col>', description: { en: 'the score column (NPS 0-10 by default)', fr: 'la colonne de note (NPS 0-10 par défaut)' } },
    by: { type: 'string', arg: '<col>', description: { en: 'segment column: themes and terms per segment', fr: 'colonne de segment : thèmes et termes par segment' } },
    wave: { type: 'string', arg: '<col>', description: { en: 'wave column: themes per wave, each against the previous one', fr: 'colonne de vague : thèmes par vague, chacune contre la précédente' } },
    themes: { type: 'string', arg: '<file.yaml>', description: { en: 'theme dictionary (default: the starter retail/insurance one)', fr: 'dictionnaire de thèmes (par défaut : celui de départ commerce/assurance)' } },
    top: { type: 'string', arg: '<N>', description: { en: 'terms listed per side (default 15)', fr: 'termes listés de chaque côté (15 par défaut)' } },
    'min-count': { type: 'string', arg: '<N>', description: { en: 'rank only terms seen in at least N comments (default 5)', fr: 'ne classer que les termes vus dans au moins N commentaires (5 par défaut)' } },
    scale: { type: 'string', arg: '<min-max>', description: { en: 'score scale (default 0-10, or the codebook’s)', fr: 'échelle de la note (0-10 par défaut, ou celle du codebook)' } },
    low: { type: 'string', arg: '<x>', description: { en: 'scores ≤ x are the low group (default 6 on 0-10, else the scale minimum)', fr: 'les notes ≤ x forment le groupe bas (6 sur 0-10, sinon le minimum de l’échelle)' } },
    high: { type: 'string', arg: '<x>', description: { en: 'scores ≥ x are the high group (default 9 on 0-10, else the scale maximum)', fr: 'les notes ≥ x forment le groupe haut (9 sur 0-10, sinon le maximum de l’échelle)' } },
    bigrams: { type: 'boolean', description: { en: 'also rank pairs of adjacent words', fr: 'classer aussi les paires de mots voisins' } },
    csv: { type: 'string', arg: '<out.csv>', description: { en: 'write every comment with its group and themes (spreadsheet-safe CSV)', fr: 'écrire chaque commentaire avec son groupe et ses thèmes (CSV sûr pour les tableurs)' } },
    ...CODEBOOK_OPTION,
  },
  details: {
    en:
      'JSON keys: n (comments analysed), empty (blank comments, counted), missingScore, detractors, passives, promoters, scale, low, high,\n' +
      'languages, detractorTerms and promoterTerms ([{ term, label, n, detractors, promoters, shareDetractors, sharePromoters, logOdds, z }],\n' +
      'strongest first), themes ([{ theme, label, n, share, shareDetractors, sharePromoters, pValue, pAdjusted, mark, meanScore, examples }]),\n' +
      'uncovered, segments and waves ({ column, groups: [{ name, n, themes: [{ theme, share, shareCompared, pValue, pAdjusted, mark }] }] }),\n' +
      'options, warnings. A score outside the scale, a text column of numbers or a file without any comment stop the command\n' +
      '(exit 2, file:line:column).',
    fr:
      'Clés JSON : n (commentaires analysés), empty (commentaires vides, comptés), missingScore, detractors, passives, promoters, scale, low,\n' +
      'high, languages, detractorTerms et promoterTerms ([{ term, label, n, detractors, promoters, shareDetractors, sharePromoters, logOdds, z }],\n' +
      'les plus forts d’abord), themes ([{ theme, label, n, share, shareDetractors, sharePromoters, pValue, pAdjusted, mark, meanScore, examples }]),\n' +
      'uncovered, segments et waves ({ column, groups: [{ name, n, themes: [{ theme, share, shareCompared, pValue, pAdjusted, mark }] }] }),\n' +
      'options, warnings. Une note hors échelle, une colonne de texte faite de nombres ou un fichier sans commentaire arrêtent la commande\n' +
      '(code 2, fichier:ligne:colonne).',
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    const textCol = stringOption(ctx, 'text', true);
    const scoreCol = stringOption(ctx, 'score', true);
    const by = stringOption(ctx, 'by');
    const wave = stringOption(ctx, 'wave');
    const themesPath = stringOption(ctx, 'themes');
    const csvPath = stringOption(ctx, 'csv');
    // The theme file is read before the survey: a bad dictionary stops before any work.
    const themes: ThemeDictionary = themesPath !== undefined ? loadThemes(resolve(ctx.cwd, themesPath), themesPath) : defaultThemes();
    const sf = openSurvey(ctx, file, { numeric: [scoreCol], other: [textCol, ...(by ? [by] : []), ...(wave ? [wave] : [])] });
    const score = numberColumn(sf, scoreCol);
    const text = rawColumn(sf, textCol);
    const scaleText = stringOption(ctx, 'scale');
    const scale = scaleText !== undefined ? parseScale(scaleText) : (score.scale ?? [0, 10]);
    const opts: VerbatimsOptions = {
      scale,
      themes,
      top: numberOption(ctx, 'top', 15),
      minCount: numberOption(ctx, 'min-count', 5),
      bigrams: ctx.values.bigrams === true,
      source: { file, lines: sf.data.lines, textColumn: textCol, textColumnNumber: sf.data.header.indexOf(textCol) + 1, scoreColumn: scoreCol, scoreColumnNumber: sf.data.header.indexOf(scoreCol) + 1, ...(by ? { byColumn: by } : {}), ...(wave ? { waveColumn: wave } : {}) },
    };
    if (stringOption(ctx, 'low') !== undefined) opts.low = numberOption(ctx, 'low');
    if (stringOption(ctx, 'high') !== undefined) opts.high = numberOption(ctx, 'high');
    if (!(opts.top! >= 1) || !Number.isInteger(opts.top)) throw new UsageError(cliMsg.wholeAtLeast({ option: 'top', min: 1, value: String(opts.top) }));
    const r = analyzeVerbatims({ text, score: score.values, ...(by ? { by: rawColumn(sf, by) } : {}), ...(wave ? { wave: rawColumn(sf, wave) } : {}) }, opts);
    r.warnings.unshift(...sf.report.warnings.map((w) => (typeof w === 'string' ? { code: 'data.plain', params: {}, text: w } : w)));
    if (csvPath !== undefined) {
      const compiled = compileThemes(themes);
      const header = ['line', scoreCol, 'group', 'themes', textCol];
      const rows: CsvCell[][] = [header];
      text.forEach((t, i) => {
        const s = score.values[i];
        const group = Number.isNaN(s) ? '' : s <= r.low ? 'detractor' : s >= r.high ? 'promoter' : 'passive';
        let ids = '';
        if (t !== null) {
          const { lang, tokens } = tokenizeComment(t);
          ids = themesOf(tokens, lang, compiled).map((k) => themes.themes[k].id).join('|');
        }
        rows.push([sf.data.lines[i], Number.isNaN(s) ? null : s, group, ids, t]);
      });
      const out = resolve(ctx.cwd, csvPath);
      const tmp = `${out}.tmp-${process.pid}`;
      writeFileSync(tmp, writeCsv(rows, { lang: ctx.lang }));
      renameSync(tmp, out);
    }
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentVerbatims(r, { lang: ctx.lang, labels: { ...(by ? { by } : {}) } }));
  },
};
export default command;
