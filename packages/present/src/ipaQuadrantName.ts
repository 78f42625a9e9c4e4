import type { Lang } from '@satlab/format';

/** A Martilla & James (1977) quadrant of an importance × satisfaction matrix (as `@satlab/survey` names it). */
export type IpaQuadrantKey = 'concentrate' | 'keep-up' | 'low-priority' | 'overkill';

/** The quadrants in priority order (A to D): concentrate here, keep up, low priority, overkill. */
export const IPA_QUADRANTS: readonly IpaQuadrantKey[] = ['concentrate', 'keep-up', 'low-priority', 'overkill'];

/**
 * The one source of the quadrant names people read, French and English side by side: the IPA
 * chart (`ipaChart` of @satlab/charts: corners and legend), `presentIpa` (the table of
 * `satlab ipa`, `show()` and the report) and the report's text all print these.
 */
const NAMES: Record<Lang, Record<IpaQuadrantKey, string>> = {
  en: { concentrate: 'Concentrate here', 'keep-up': 'Keep up the good work', 'low-priority': 'Low priority', overkill: 'Possible overkill' },
  fr: { concentrate: 'À améliorer en priorité', 'keep-up': 'Points forts à maintenir', 'low-priority': 'Faible priorité', overkill: 'Effort peut-être excessif' },
};

/**
 * The name of an IPA quadrant in a language (Martilla & James 1977: high importance & low
 * satisfaction = "Concentrate here", high & high = "Keep up the good work", low & low = "Low
 * priority", low importance & high satisfaction = "Possible overkill"). The chart, the presenter
 * and the report take their names from here, so the three always agree.
 *
 * @param quadrant `concentrate`, `keep-up`, `low-priority` or `overkill` (the `quadrant` of an
 *   `ipaMatrix` / `ipaFromRatings` attribute)
 * @param lang `'fr'` or `'en'` (default `'en'`)
 * @throws {TypeError} an unknown quadrant
 * @example
 * ipaQuadrantName('concentrate', 'fr'); //=> 'À améliorer en priorité'
 * ipaQuadrantName('overkill'); //=> 'Possible overkill'
 * IPA_QUADRANTS.map((q) => ipaQuadrantName(q, 'fr'));
 * //=> ['À améliorer en priorité', 'Points forts à maintenir', 'Faible priorité', 'Effort peut-être excessif']
 * ipaQuadrantName('top', 'fr'); //=> throws TypeError
 */
export function ipaQuadrantName(quadrant: IpaQuadrantKey, lang: Lang = 'en'): string {
  const name = NAMES[lang === 'fr' ? 'fr' : 'en'][quadrant];
  if (name === undefined) throw new TypeError(`ipaQuadrantName: quadrant must be one of ${IPA_QUADRANTS.join(', ')}, got ${JSON.stringify(quadrant)}`);
  return name;
}
