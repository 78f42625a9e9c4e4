import { InputError } from '@satlab/data';
import type { MysteryCriterion, MysteryVisit } from '@satlab/survey';
import { mysteryShoppingScore } from '@satlab/survey';
import { presentMystery } from '@satlab/present';
import type { Command } from '../command.js';
import { positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { CONFIDENCE_OPTION, confidenceOption, openSurvey } from './_survey.js';
import { cliMsg } from '../messages.js';

const NOT_APPLICABLE = new Set(['na', 'n/a', 'so', 'sans objet', 'nc', '-', 'not applicable']);

function num(s: string, decimal: string): number {
  const t = s.trim().replace(/[\s\u00a0]/g, '');
  return Number(decimal === ',' ? t.replace(',', '.') : t);
}


const command: Command = {
  name: 'mystery',
  summary: { en: 'mystery-shopping grid scoring: weighted criteria, score per visit and per site', fr: 'visites mystères : grille pondérée, score par visite et par site' },
  usage: ['mystery <visits-file> --grid <grid-file> [--visit <col>] [--site <col>] [--json]'],
  options: {
    grid: { type: 'string', arg: '<file>', description: { en: 'the grid: columns id, weight, max, section, label (id required)', fr: 'la grille : colonnes id, weight, max, section, label (id obligatoire)' } },
    visit: { type: 'string', arg: '<col>', description: { en: 'visit id column of the visits file (default "visit")', fr: 'colonne identifiant de visite (défaut « visit »)' } },
    site: { type: 'string', arg: '<col>', description: { en: 'site column of the visits file (default "site")', fr: 'colonne du site visité (défaut « site »)' } },
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'Visits file: one row per visit, one column per criterion id holding the points (0..max); NA, N/A, SO or "sans objet" = not applicable.\nJSON keys: visits [{ id, site, score, sections }], sites [{ site, nVisits, mean, ci, min, max, rank, sections, criteria }],\ncriteria [{ id, label, section, weight, max, achievement, nApplicable }] weakest first, overall, warnings.',
    fr: 'Fichier des visites : une ligne par visite, une colonne par critère (points de 0 à max) ; NA, N/A, SO ou « sans objet » = non applicable.\nClés JSON : visits [{ id, site, score, sections }], sites [{ site, nVisits, mean, ci, min, max, rank, sections, criteria }],\ncriteria [{ id, label, section, weight, max, achievement, nApplicable }] du moins réussi au mieux réussi, overall, warnings.',
  },
  run(ctx) {
    const visitsFile = positional(ctx, 0, 'visits-file');
    const gridFile = stringOption(ctx, 'grid');
    if (!gridFile) throw new UsageError(cliMsg.missingOption({ option: 'grid' }));
    const g = openSurvey(ctx, gridFile, { other: ['id'] });
    const col = (name: string): number => g.data.header.indexOf(name);
    const grid: MysteryCriterion[] = g.data.rows.map((row, i) => {
      const cell = (name: string): string | undefined => (col(name) >= 0 && row[col(name)].trim() !== '' ? row[col(name)].trim() : undefined);
      const numeric = (name: string): number | undefined => {
        const s = cell(name);
        if (s === undefined) return undefined;
        const x = num(s, g.data.format.decimal);
        if (!Number.isFinite(x) || x <= 0) throw new InputError(cliMsg.notPositive({ value: s }), { file: gridFile, line: g.data.lines[i], column: col(name) + 1, columnName: name, value: s });
        return x;
      };
      const id = cell('id');
      if (!id) throw new InputError('the criterion id is empty', { file: gridFile, line: g.data.lines[i], column: col('id') + 1, columnName: 'id' });
      const c: MysteryCriterion = { id };
      const w = numeric('weight'), m = numeric('max'), section = cell('section'), label = cell('label');
      if (w !== undefined) c.weight = w;
      if (m !== undefined) c.max = m;
      if (section !== undefined) c.section = section;
      if (label !== undefined) c.label = label;
      return c;
    });
    const visitCol = stringOption(ctx, 'visit') ?? 'visit';
    const siteCol = stringOption(ctx, 'site') ?? 'site';
    const v = openSurvey(ctx, visitsFile, { other: [visitCol, siteCol, ...grid.map((c) => c.id)] });
    const vj = v.data.header.indexOf(visitCol), sj = v.data.header.indexOf(siteCol);
    const visits: MysteryVisit[] = v.data.rows.map((row, i) => {
      const scores: Record<string, number | null | undefined> = {};
      for (const c of grid) {
        const j = v.data.header.indexOf(c.id);
        const s = row[j].trim();
        if (s === '') continue; // no answer: counted as not applicable, with a warning
        if (NOT_APPLICABLE.has(s.toLowerCase())) scores[c.id] = null;
        else {
          const x = num(s, v.data.format.decimal);
          if (!Number.isFinite(x)) throw new InputError(cliMsg.notPoints({ value: s }), { file: visitsFile, line: v.data.lines[i], column: j + 1, columnName: c.id, value: s });
          scores[c.id] = x;
        }
      }
      return { id: row[vj].trim() || `#${i + 1}`, site: row[sj].trim(), scores, line: v.data.lines[i] };
    });
    const r = mysteryShoppingScore(grid, visits, { confidence: confidenceOption(ctx), file: visitsFile });
    r.warnings.unshift(...g.report.warnings, ...v.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentMystery(r, { lang: ctx.lang }));
  },
};
export default command;
