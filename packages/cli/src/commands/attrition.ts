import { formatCount, formatNumber, formatPercent, formatPValue, textTable } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { AttritionResult } from '@satlab/survey';
import { attritionVsDissatisfaction } from '@satlab/survey';
import type { Command } from '../command.js';
import { positional, printJson, stringOption, UsageError } from '../command.js';
import { CODEBOOK_OPTION, CONFIDENCE_OPTION, confidenceOption, DEFAULT_LEFT, DEFAULT_STAYED, flagColumn, listOption, numberColumn, openSurvey, scaleOption, segmentOptions, warningsBlock } from './_survey.js';

function human(r: AttritionResult, sat: string, left: string, by: string | undefined, lang: Lang): string {
  const fr = lang === 'fr';
  const pct = (x: number): string => formatPercent(x, lang, 1);
  const ci = (c: [number, number], f: (x: number) => string): string => `[${f(c[0])} ; ${f(c[1])}]`;
  const rr = (x: number): string => formatNumber(x, lang, 2, 2);
  const conf = formatPercent(r.confidence, lang, 0);
  const out: string[] = [];
  out.push(
    fr
      ? `Attrition et insatisfaction — satisfaction « ${sat} » (insatisfaits : ${r.dissatisfiedValues.join(', ')}), départ « ${left} »`
      : `Attrition vs dissatisfaction — satisfaction "${sat}" (dissatisfied: ${r.dissatisfiedValues.join(', ')}), left "${left}"`,
  );
  const header = fr
    ? [by ?? '', 'n', 'insatisfaits', 'attrition', 'attr. insatisf.', 'attr. satisf.', 'risque relatif', `IC ${conf}`, 'p']
    : [by ?? '', 'n', 'dissatisfied', 'attrition', 'attr. dissat.', 'attr. sat.', 'risk ratio', `${conf} CI`, 'p'];
  const rows = r.groups.map((g) => [
    g.name === 'all' ? (fr ? 'ensemble' : 'all') : g.name,
    formatCount(g.n, lang),
    pct(g.dissatisfiedRate),
    pct(g.attritionRate),
    pct(g.attritionAmongDissatisfied),
    pct(g.attritionAmongSatisfied),
    rr(g.riskRatio),
    ci(g.riskRatioCI, rr),
    formatPValue(g.riskRatioPValue, lang),
  ]);
  out.push('', textTable(rows, { header }));
  out.push('', fr ? `Règle empirique (document 003) : « taux d’infidélité ≈ 2 × taux d’insatisfaits »` : 'Rule of thumb (seed 003): "attrition rate ≈ 2 × dissatisfied rate"');
  const h2 = fr ? [by ?? '', 'attrition / insatisfaits', `IC ${conf}`, 'p (H0 : = 2)', 'compatible'] : [by ?? '', 'attrition / dissatisfied', `${conf} CI`, 'p (H0: = 2)', 'consistent'];
  const rows2 = r.groups.map((g) => [
    g.name === 'all' ? (fr ? 'ensemble' : 'all') : g.name,
    rr(g.ruleOfThumb.ratio),
    ci(g.ruleOfThumb.ci, rr),
    formatPValue(g.ruleOfThumb.pValue, lang),
    Number.isNaN(g.ruleOfThumb.pValue) ? '—' : g.ruleOfThumb.consistent ? (fr ? 'oui' : 'yes') : fr ? 'non' : 'no',
  ]);
  out.push(textTable(rows2, { header: h2 }));
  out.push(
    '',
    fr
      ? 'Risque relatif = attrition des insatisfaits / attrition des satisfaits (intervalle log de Katz). Rapport attrition/insatisfaits : intervalle de Wald sur le log pour deux proportions mesurées sur les mêmes clients.'
      : 'Risk ratio = attrition among dissatisfied / among satisfied (Katz log interval). Attrition/dissatisfied ratio: Wald interval on the log scale for two proportions measured on the same customers.',
  );
  const excluded = r.groups[0].excluded;
  if (excluded > 0) out.push(fr ? `Répondants écartés (satisfaction ou départ manquant) : ${formatCount(excluded, lang)}` : `Respondents set aside (missing satisfaction or flag): ${formatCount(excluded, lang)}`);
  out.push(...warningsBlock(r.warnings, lang));
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'attrition',
  summary: { en: 'attrition vs dissatisfaction: rates, risk ratio, the "2× dissatisfaction" rule', fr: 'attrition et insatisfaction : taux, risque relatif, règle « 2 × insatisfaction »' },
  usage: ['attrition <file> --satisfaction <col> --left <col> [--dissatisfied <values>] [--scale 1-4] [--by <col>] [--json]'],
  options: {
    satisfaction: { type: 'string', arg: '<col>', description: { en: 'satisfaction column (numbers or ordinal codes)', fr: 'colonne de satisfaction (nombres ou codes ordinaux)' } },
    left: { type: 'string', arg: '<col>', description: { en: 'left/stayed flag column (oui/non, yes/no, 1/0, true/false…)', fr: 'colonne parti/resté (oui/non, yes/no, 1/0, true/false…)' } },
    dissatisfied: { type: 'string', arg: '<values>', description: { en: 'satisfaction values that count as dissatisfied, e.g. 1,2 (default: below the scale midpoint)', fr: 'valeurs de satisfaction comptées comme insatisfaites, p. ex. 1,2 (défaut : sous le milieu de l’échelle)' } },
    scale: { type: 'string', arg: '<min-max>', description: { en: 'satisfaction scale, e.g. 1-4 (default: the codebook’s)', fr: 'échelle de satisfaction, p. ex. 1-4 (défaut : celle du codebook)' } },
    by: { type: 'string', arg: '<col>', description: { en: 'segment column (e.g. contract type)', fr: 'colonne de segment (p. ex. type de contrat)' } },
    'left-values': { type: 'string', arg: '<list>', description: { en: 'values of the flag meaning "left"', fr: 'valeurs du drapeau signifiant « parti »' } },
    'stayed-values': { type: 'string', arg: '<list>', description: { en: 'values of the flag meaning "stayed"', fr: 'valeurs du drapeau signifiant « resté »' } },
    ...CODEBOOK_OPTION,
    ...CONFIDENCE_OPTION,
  },
  details: {
    en: 'JSON keys: groups [{ name ("all" first), n, dissatisfiedRate, attritionRate, attritionAmongDissatisfied, attritionAmongSatisfied,\nriskRatio, riskRatioCI, riskRatioPValue, …CI (Wilson), counts, ruleOfThumb { factor, ratio, ci, pValue, consistent }, excluded }],\ndissatisfiedValues, confidence, warnings. A flag value that is neither a "left" nor a "stayed" value stops the command (exit 2).',
    fr: 'Clés JSON : groups [{ name (« all » d’abord), n, dissatisfiedRate, attritionRate, attritionAmongDissatisfied, attritionAmongSatisfied,\nriskRatio, riskRatioCI, riskRatioPValue, …CI (Wilson), counts, ruleOfThumb { factor, ratio, ci, pValue, consistent }, excluded }],\ndissatisfiedValues, confidence, warnings. Une valeur du drapeau qui n’est ni « parti » ni « resté » arrête la commande (code 2).',
  },
  run(ctx) {
    const file = positional(ctx, 0, 'file');
    const satCol = stringOption(ctx, 'satisfaction', true);
    const leftCol = stringOption(ctx, 'left', true);
    const by = stringOption(ctx, 'by');
    const sf = openSurvey(ctx, file, { numeric: [satCol], other: [leftCol, ...(by ? [by] : [])] });
    const sat = numberColumn(sf, satCol);
    const scale = scaleOption(ctx) ?? sat.scale;
    let dissatisfied: number[] | undefined;
    const dissList = listOption(ctx, 'dissatisfied');
    if (dissList) {
      const labels = sf.codebook?.columns[satCol]?.labels ?? {};
      dissatisfied = dissList.map((s) => {
        const x = Number(s.replace(',', '.'));
        if (Number.isFinite(x)) return x;
        const code = Object.entries(labels).find(([, l]) => l.toLowerCase() === s.toLowerCase())?.[0];
        if (code !== undefined) return Number(code);
        throw new UsageError(`--dissatisfied: "${s}" is neither a number nor a label of "${satCol}"`);
      });
    } else if (!scale) throw new UsageError('give --dissatisfied (e.g. 1,2) or --scale (e.g. 1-4) so that "dissatisfied" is defined');
    const leftValues = listOption(ctx, 'left-values') ?? DEFAULT_LEFT;
    const stayedValues = listOption(ctx, 'stayed-values') ?? DEFAULT_STAYED;
    const left = flagColumn(sf, leftCol, leftValues, stayedValues);
    const segments = segmentOptions(sf, by);
    const r = attritionVsDissatisfaction(
      { satisfaction: sat.values, left },
      {
        confidence: confidenceOption(ctx),
        ...(dissatisfied ? { dissatisfied } : {}),
        ...(scale ? { scale } : {}),
        source: sat.source,
        ...segments,
      },
    );
    r.warnings.unshift(...sf.report.warnings);
    if (ctx.json) return printJson(ctx, r);
    ctx.stdout.write(human(r, satCol, leftCol, by, ctx.lang));
  },
};
export default command;
