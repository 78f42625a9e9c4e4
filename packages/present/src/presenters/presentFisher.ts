import { formatCount, formatNumber } from '@satlab/format';
import type { Lang } from '@satlab/format';
import type { FisherExactTestResult } from '@satlab/stats';
import { cell, interval, pText, renderWarnings } from '../cells.js';
import type { PresentOptions } from '../options.js';
import { langOf } from '../options.js';
import type { Presentation, PresentedCell } from '../types.js';

const W = {
  en: {
    title: "Fisher's exact test",
    p: (how: string): string => `Fisher p (${how})`,
    exact: 'exact',
    mc: (b: string, seed: number | null): string => `Monte-Carlo, ${b} tables, seed ${seed ?? 1}`,
    or: 'odds ratio (conditional MLE)',
    ci: (lvl: string): string => `${lvl} CI`,
    n: (n: string): string => `n = ${n}`,
    yes: (p: string): string => `The rows and the columns are not independent (${p}): the distribution of the answers differs between the rows.`,
    no: (p: string): string => `No evidence that the rows and the columns are related (${p}).`,
    alt: { 'two.sided': 'two-sided alternative', less: 'one-sided alternative: odds ratio < 1', greater: 'one-sided alternative: odds ratio > 1' },
    fn: 'Conditional on both margins, as R fisher.test(); tables no more probable than the observed one are summed (relative tolerance 1e-7).',
  },
  fr: {
    title: 'Test exact de Fisher',
    p: (how: string): string => `p de Fisher (${how})`,
    exact: 'exact',
    mc: (b: string, seed: number | null): string => `Monte-Carlo, ${b} tableaux, graine ${seed ?? 1}`,
    or: 'rapport de cotes (EMV conditionnel)',
    ci: (lvl: string): string => `IC ${lvl}`,
    n: (n: string): string => `n = ${n}`,
    yes: (p: string): string => `Les lignes et les colonnes ne sont pas indépendantes (${p}) : la répartition des réponses diffère d’une ligne à l’autre.`,
    no: (p: string): string => `Rien ne permet de conclure à un lien entre les lignes et les colonnes (${p}).`,
    alt: { 'two.sided': 'alternative bilatérale', less: 'alternative unilatérale : rapport de cotes < 1', greater: 'alternative unilatérale : rapport de cotes > 1' },
    fn: 'Conditionnel aux deux marges, comme R fisher.test() ; on somme les tableaux pas plus probables que le tableau observé (tolérance relative 1e-7).',
  },
};

/** The key figures of a Fisher test (p-value, odds ratio and its interval on a 2×2 table). */
export function fisherLine(f: FisherExactTestResult, lang: Lang): { label: string; value: PresentedCell }[] {
  const w = W[lang];
  const how = f.algorithm === 'monte-carlo' ? w.mc(formatCount(f.replicates ?? 0, lang), f.seed) : w.exact;
  const out = [{ label: w.p(how), value: cell(f.pValue, 'pvalue', lang) }];
  if (f.estimate !== null) out.push({ label: w.or, value: cell(f.estimate, 'number', lang, { digits: 3 }) });
  if (f.ci) out.push({ label: w.ci(`${formatNumber(100 * f.confLevel, lang, 0)} %`.replace(' %', lang === 'fr' ? '\u00a0%' : '%')), value: interval(f.ci, 'number', lang, 3) });
  return out;
}

/**
 * Fisher's exact test for people: the p-value (exact or Monte-Carlo, as R `fisher.test`), the
 * odds ratio and its conditional interval on a 2×2 table, and a one-line reading.
 *
 * @example
 * import { fisherExactTest } from '@satlab/stats';
 * const p = presentFisher(fisherExactTest([[3, 1], [1, 3]]), { lang: 'fr' });
 * p.title; //=> 'Test exact de Fisher'
 * p.summary?.map((s) => `${s.label} = ${s.value.t}`);
 * //=> ['p de Fisher (exact) = 0,486', 'rapport de cotes (EMV conditionnel) = 6,408', 'IC 95 % = [0,212 ; 626,244]']
 * p.reading[0]; //=> 'Rien ne permet de conclure à un lien entre les lignes et les colonnes (p = 0,486).'
 */
export function presentFisher(f: FisherExactTestResult, opts: PresentOptions = {}): Presentation {
  const lang = langOf(opts);
  const w = W[lang];
  return {
    kind: 'fisher',
    lang,
    title: opts.labels?.title ?? w.title,
    subtitle: `${w.n(formatCount(f.n, lang))} — ${w.alt[f.alternative]}`,
    summary: fisherLine(f, lang),
    tables: [],
    reading: [f.pValue < 0.05 ? w.yes(pText(f.pValue, lang)) : w.no(pText(f.pValue, lang))],
    footnotes: [w.fn],
    warnings: renderWarnings(f.warnings, lang),
  };
}
