import { InputError } from '@satlab/data';
import { formatCount, formatNumber, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { IpaCutoff, IpaQuadrant, IpaRatingsResult, IpaResult } from '@satlab/survey';
import { ipaFromRatings, ipaMatrix } from '@satlab/survey';
import type { Command, CommandContext } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';
import type { SurveyFile } from './_survey.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, confidenceOption, listOption, numberColumn, openSurvey, rawColumn, scaleOption, warningsBlock } from './_survey.js';

const QUADRANT: Record<IpaQuadrant, { en: string; fr: string }> = {
  concentrate: { en: 'concentrate here', fr: 'à améliorer en priorité' },
  'keep-up': { en: 'keep up the good work', fr: 'points forts à maintenir' },
  'low-priority': { en: 'low priority', fr: 'faible priorité' },
  overkill: { en: 'possible overkill', fr: 'effort peut-être excessif' },
};

function parseCutoff(s: string | undefined): IpaCutoff {
  if (s === undefined) return 'mean';
  if (s === 'mean' || s === 'midpoint' || s === 'median') return s;
  const m = /^\s*(-?\d+(?:[.]\d+)?)\s*[,;/]\s*(-?\d+(?:[.]\d+)?)\s*$/.exec(s);
  if (!m) throw new UsageError(`--cutoff must be mean, midpoint, median or <satisfaction>,<importance> (e.g. 2.5,2.5), got "${s}"`);
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
      if (Number.isNaN(v)) throw new InputError(`"${name}" has no value here; every attribute needs a satisfaction and an importance mean`, where);
      if (scale && (v < scale[0] || v > scale[1])) throw new InputError(`"${v}" is outside the declared scale ${scale[0]}-${scale[1]}`, { ...where, value: String(v) });
    }
    return { name, satisfaction: sat.values[i], importance: imp.values[i] };
  });
}

function human(r: IpaResult | IpaRatingsResult, lang: Lang): string {
  const fr = lang === 'fr';
  const f2 = (x: number): string => formatNumber(x, lang, 2, 2);
  const f3 = (x: number): string => formatNumber(x, lang, 3, 3);
  const ratings = 'importanceAxis' in r;
  const out: string[] = [];
  out.push(fr ? 'Matrice importance × satisfaction (Martilla & James 1977)' : 'Importance × satisfaction matrix (Martilla & James 1977)');
  const cutRule: Record<string, string> = {
    'mean of the attribute means': 'moyenne des moyennes',
    'median of the attribute means': 'médiane des moyennes',
    'midpoint of the rating scale': 'milieu de l’échelle',
    'given values': 'valeurs données',
  };
  out.push(
    fr
      ? `Seuils (${cutRule[r.cutoffRule] ?? r.cutoffRule}) : satisfaction ${f3(r.satisfactionCutoff)}, importance ${f3(r.importanceCutoff)}`
      : `Cutoffs (${r.cutoffRule}): satisfaction ${f3(r.satisfactionCutoff)}, importance ${f3(r.importanceCutoff)}`,
  );
  if (ratings) {
    const axis = { stated: fr ? 'déclarée (moyenne des notes)' : 'stated (mean rating)', 'derived-correlation': fr ? 'déduite (corrélation avec la satisfaction globale)' : 'derived (correlation with overall satisfaction)', supplied: fr ? 'fournie' : 'supplied' }[r.importanceAxis];
    out.push(fr ? `Importance : ${axis}` : `Importance: ${axis}`);
  }
  const byRank = [...r.attributes].sort((a, b) => a.priorityRank - b.priorityRank);
  const fi = ratings && r.importanceAxis !== 'stated' ? f3 : f2;
  const ci = (c: [number, number] | undefined, f: (x: number) => string): string => (c ? `[${f(c[0])} ; ${f(c[1])}]` : '');
  const header = fr ? ['rang', 'critère', 'satisfaction', 'importance', 'quadrant', 'score'] : ['rank', 'attribute', 'satisfaction', 'importance', 'quadrant', 'score'];
  if (ratings) {
    header.splice(2, 0, 'n');
    header.splice(4, 0, fr ? 'IC satisf.' : 'satisf. CI');
    header.splice(6, 0, fr ? 'IC import.' : 'import. CI');
    header.push(fr ? 'incertain' : 'uncertain');
  }
  const rows = byRank.map((a) => {
    const row = [String(a.priorityRank), a.name, f2(a.satisfaction), fi(a.importance), QUADRANT[a.quadrant][lang], formatNumber(a.priorityScore, lang, 2, 2)];
    if ('satisfactionCI' in a) {
      row.splice(2, 0, formatCount(a.nSatisfaction, lang));
      row.splice(4, 0, ci(a.satisfactionCI, f2));
      row.splice(6, 0, ci(a.importanceCI, fi));
      row.push(a.uncertain ? (fr ? 'oui' : 'yes') : '');
    }
    return row;
  });
  const quadrantCol = header.length - (ratings ? 3 : 2);
  out.push('', textTable(rows, { header, align: header.map((_, j) => (j === 1 || j === quadrantCol || (ratings && j === header.length - 1) ? 'left' : 'right')) }));
  if (ratings && r.comparison) {
    out.push('', fr ? 'Importance déclarée et déduite côte à côte :' : 'Stated and derived importance side by side:');
    const h = fr ? ['critère', 'déclarée', 'rang', 'déduite (r)', 'rang', 'quadrant (déclarée)', 'quadrant (déduite)'] : ['attribute', 'stated', 'rank', 'derived (r)', 'rank', 'quadrant (stated)', 'quadrant (derived)'];
    out.push(textTable(r.comparison.map((c) => [c.name, f2(c.statedImportance), String(c.statedRank), formatNumber(c.derivedImportance, lang, 3, 3), String(c.derivedRank), QUADRANT[c.quadrantStated][lang], QUADRANT[c.quadrantDerived][lang]]), { header: h, align: ['left', 'right', 'right', 'right', 'right', 'left', 'left'] }));
  }
  out.push('', fr ? `Priorités (la plus urgente d’abord) : ${r.priorities.join(' > ')}` : `Priorities (most urgent first): ${r.priorities.join(' > ')}`);
  out.push(
    fr
      ? `Règle : quadrants dans l’ordre « à améliorer en priorité », « points forts », « faible priorité », « effort excessif » ; dans un quadrant, score = (importance − seuil) − (satisfaction − seuil)${r.priorityUnits === 'standardised' ? ', chaque écart divisé par l’écart-type des critères sur son axe' : ''}, le plus grand d’abord.`
      : `Rule: quadrants in the order concentrate, keep-up, low-priority, overkill; within a quadrant, score = (importance − cutoff) − (satisfaction − cutoff)${r.priorityUnits === 'standardised' ? ', each deviation divided by the standard deviation of the attributes on its axis' : ''}, largest first.`,
  );
  out.push(...warningsBlock(r.warnings, lang));
  return out.join('\n') + '\n';
}

function runRatings(ctx: CommandContext, file: string, satCols: string[], scale: [number, number] | undefined, cutoff: IpaCutoff): IpaRatingsResult {
  const impCols = listOption(ctx, 'imp-columns');
  const overallCol = stringOption(ctx, 'overall');
  const given = listOption(ctx, 'names');
  if (impCols && impCols.length !== satCols.length) throw new UsageError(`--imp-columns lists ${impCols.length} columns but --sat-columns lists ${satCols.length}`);
  if (given && given.length !== satCols.length) throw new UsageError(`--names lists ${given.length} names but --sat-columns lists ${satCols.length}`);
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
  if (imp !== undefined && imp !== 'stated' && imp !== 'derived') throw new UsageError(`--importance must be stated or derived, got "${imp}"`);
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
    if (cutoff === 'midpoint' && !scale && !stringOption(ctx, 'codebook')) throw new UsageError('--cutoff midpoint needs --scale (e.g. --scale 1-4)');
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
    ctx.stdout.write(human(r, ctx.lang));
  },
};
export default command;
