import { InputError } from '@satlab/data';
import type { IpaCutoff, IpaRatingsResult, IpaResult } from '@satlab/survey';
import { presentIpa } from '@satlab/present';
import { ipaFromRatings, ipaMatrix } from '@satlab/survey';
import type { Command, CommandContext } from '../command.js';
import { positional, printJson, printPresentation, stringOption, UsageError } from '../command.js';
import { cliMsg } from '../messages.js';
import type { SurveyFile } from './_survey.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, confidenceOption, listOption, numberColumn, openSurvey, rawColumn, scaleOption } from './_survey.js';

function parseCutoff(s: string | undefined): IpaCutoff {
  if (s === undefined) return 'mean';
  if (s === 'mean' || s === 'midpoint' || s === 'median') return s;
  const m = /^\s*(-?\d+(?:[.]\d+)?)\s*[,;/]\s*(-?\d+(?:[.]\d+)?)\s*$/.exec(s);
  if (!m) throw new UsageError(cliMsg.cutoffSyntax({ value: s }));
  return { satisfaction: Number(m[1]), importance: Number(m[2]) };
}

/** Aggregate means, one row per attribute; out-of-scale or empty means are errors with their position. */
function readMeans(sf: SurveyFile, cols: { name: string; sat: string; imp: string }, scale: [number, number] | undefined) {
  const names = rawColumn(sf, cols.name);
  const sat = numberColumn(sf, cols.sat);
  const imp = numberColumn(sf, cols.imp);
  return names.map((name, i) => {
    const line = sf.data.lines[i];
    if (name === null) throw new InputError('the attribute name is empty', { file: sf.file, line, column: sf.data.header.indexOf(cols.name) + 1, columnName: cols.name });
    for (const [c, v] of [[sat, sat.values[i]], [imp, imp.values[i]]] as const) {
      const where = { file: sf.file, line, column: c.source.columnNumber, columnName: c.source.column };
      if (Number.isNaN(v)) throw new InputError(cliMsg.ipaNoValue({ name }), where);
      if (scale && (v < scale[0] || v > scale[1])) throw new InputError(cliMsg.outsideScale({ value: v, lo: scale[0], hi: scale[1] }), { ...where, value: String(v) });
    }
    return { name, satisfaction: sat.values[i], importance: imp.values[i] };
  });
}


function runRatings(ctx: CommandContext, file: string, satCols: string[], scale: [number, number] | undefined, cutoff: IpaCutoff): IpaRatingsResult {
  const impCols = listOption(ctx, 'imp-columns');
  const overallCol = stringOption(ctx, 'overall');
  const given = listOption(ctx, 'names');
  if (impCols && impCols.length !== satCols.length) throw new UsageError(cliMsg.listLengths({ option: 'imp-columns', n: impCols.length, m: satCols.length }));
  if (given && given.length !== satCols.length) throw new UsageError(cliMsg.listLengths({ option: 'names', n: given.length, m: satCols.length }));
  const sf = openSurvey(ctx, file, { numeric: [...satCols, ...(impCols ?? []), ...(overallCol ? [overallCol] : [])] });
  // Default names: the codebook label after its dash ("Satisfaction — Contact" → "Contact"), else the column name.
  const names = given ?? satCols.map((c) => {
    const label = sf.codebook?.columns[c]?.label;
    if (!label) return c;
    const parts = label.split(/\s[—–-]\s/);
    return parts[parts.length - 1].trim() || c;
  });
  const attributes = satCols.map((c, j) => {
    const s = numberColumn(sf, c);
    const imp = impCols ? numberColumn(sf, impCols[j]) : undefined;
    return {
      name: names[j],
      satisfaction: s.values,
      satisfactionSource: s.source,
      ...(s.missingReasons ? { satisfactionMissingReasons: s.missingReasons } : {}),
      ...(imp ? { importance: imp.values, importanceSource: imp.source, ...(imp.missingReasons ? { importanceMissingReasons: imp.missingReasons } : {}) } : {}),
    };
  });
  const overall = overallCol ? numberColumn(sf, overallCol) : undefined;
  const imp = stringOption(ctx, 'importance');
  if (imp !== undefined && imp !== 'stated' && imp !== 'derived') throw new UsageError(cliMsg.oneOf({ option: 'importance', allowed: ['stated', 'derived'], value: imp }));
  const declared = sf.codebook?.columns[satCols[0]]?.scale;
  const r = ipaFromRatings(
    { attributes, ...(overall ? { overall: overall.values, overallSource: overall.source } : {}) },
    {
      cutoff,
      confidence: confidenceOption(ctx),
      invalid: ctx.values['exclude-invalid'] === true ? 'exclude' : 'error',
      ...(imp ? { importance: imp === 'derived' ? 'derived-correlation' : 'stated' } : {}),
      ...((scale ?? declared) ? { scale: (scale ?? declared) as [number, number] } : {}),
    },
  );
  r.warnings.unshift(...sf.report.warnings);
  return r;
}

const command: Command = {
  name: 'ipa',
  summary: { en: 'importance × satisfaction matrix (quadrants and priorities)', fr: 'matrice importance × satisfaction (quadrants et priorités)' },
  usage: [
    'ipa <file> [--cutoff mean|midpoint|median|<sat>,<imp>] [--scale 1-4] [--attribute <col>] [--satisfaction <col>] [--importance-col <col>] [--json]',
    'ipa <file> --sat-columns <c1,c2,…> [--imp-columns <c1,c2,…>] [--overall <col>] [--importance stated|derived] [--names <n1,n2,…>] [--scale 1-5] [--json]',
  ],
  options: {
    cutoff: { type: 'string', arg: 'mean|midpoint|median|<sat>,<imp>', description: { en: 'where the crosshair goes (default: mean of the means)', fr: 'position des seuils (défaut : moyenne des moyennes)' } },
    scale: { type: 'string', arg: '<min-max>', description: { en: 'rating scale, e.g. 1-4 (needed by --cutoff midpoint; values outside are refused)', fr: 'échelle de notation, p. ex. 1-4 (nécessaire à --cutoff midpoint ; valeurs hors échelle refusées)' } },
    attribute: { type: 'string', arg: '<col>', description: { en: 'column of attribute names (default "attribute")', fr: 'colonne des noms de critères (défaut « attribute »)' } },
    satisfaction: { type: 'string', arg: '<col>', description: { en: 'column of satisfaction means (default "satisfaction")', fr: 'colonne des moyennes de satisfaction (défaut « satisfaction »)' } },
    'importance-col': { type: 'string', arg: '<col>', description: { en: 'column of importance means (default "importance")', fr: 'colonne des moyennes d’importance (défaut « importance »)' } },
    'sat-columns': { type: 'string', arg: '<list>', description: { en: 'respondent data: one satisfaction column per attribute', fr: 'données individuelles : une colonne de satisfaction par critère' } },
    'imp-columns': { type: 'string', arg: '<list>', description: { en: 'respondent data: the stated-importance columns, same order', fr: 'données individuelles : les colonnes d’importance déclarée, même ordre' } },
    overall: { type: 'string', arg: '<col>', description: { en: 'respondent data: overall satisfaction (for derived importance)', fr: 'données individuelles : satisfaction globale (importance déduite)' } },
    importance: { type: 'string', arg: 'stated|derived', description: { en: 'importance axis with respondent data (default stated when --imp-columns)', fr: 'axe d’importance avec données individuelles (défaut : déclarée si --imp-columns)' } },
    names: { type: 'string', arg: '<list>', description: { en: 'display names of the attributes (default: codebook label after its dash, else the column)', fr: 'noms affichés des critères (défaut : libellé du codebook après le tiret, sinon la colonne)' } },
    'exclude-invalid': { type: 'boolean', description: { en: 'set aside ratings outside the scale instead of stopping', fr: 'écarter les notes hors échelle au lieu de s’arrêter' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: satisfactionCutoff, importanceCutoff, attributes [{ name, satisfaction, importance, quadrant, priorityScore, priorityRank, …CI, uncertain }],\npriorities (names, most urgent first), quadrants, priorityRule, cutoffRule, warnings. Quadrants: concentrate (high importance, low\nsatisfaction), keep-up, low-priority, overkill; a point on a cutoff counts as high.',
    fr: 'Clés JSON : satisfactionCutoff, importanceCutoff, attributes [{ name, satisfaction, importance, quadrant, priorityScore, priorityRank, …CI, uncertain }],\npriorities (noms, la plus urgente d’abord), quadrants, priorityRule, cutoffRule, warnings. Quadrants : concentrate (importance forte,\nsatisfaction faible), keep-up, low-priority, overkill ; un point sur un seuil compte comme haut.',
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    const scale = scaleOption(ctx);
    const cutoff = parseCutoff(stringOption(ctx, 'cutoff'));
    if (cutoff === 'midpoint' && !scale && !stringOption(ctx, 'codebook')) throw new UsageError(cliMsg.midpointNeedsScale());
    const satCols = listOption(ctx, 'sat-columns');
    let r: IpaResult | IpaRatingsResult;
    if (satCols) r = runRatings(ctx, file, satCols, scale, cutoff);
    else {
      const cols = { name: stringOption(ctx, 'attribute') ?? 'attribute', sat: stringOption(ctx, 'satisfaction') ?? 'satisfaction', imp: stringOption(ctx, 'importance-col') ?? 'importance' };
      const sf = openSurvey(ctx, file, { numeric: [cols.sat, cols.imp], other: [cols.name] });
      const points = readMeans(sf, cols, scale);
      r = ipaMatrix(points, { cutoff, ...(scale ? { scale } : {}) });
      r.warnings.unshift(...sf.report.warnings);
    }
    if (ctx.json) return printJson(ctx, r);
    printPresentation(ctx, presentIpa(r, { lang: ctx.lang }));
  },
};
export default command;
