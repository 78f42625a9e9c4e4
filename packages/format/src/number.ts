export type Lang = 'fr' | 'en';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/**
 * Formats a number for people: decimal comma and narrow no-break space grouping in French
 * (`1 234,57`), point and comma grouping in English (`1,234.57`). NaN prints as an em dash.
 * @example
 * formatNumber(1234.567, 'en', 2); //=> '1,234.57'
 * formatNumber(1234.567, 'fr', 2); //=> '1 234,57' (decimal comma, no-break space)
 * formatNumber(NaN, 'fr'); //=> '—'
 */
export function formatNumber(x: number, lang: Lang, digits = 2, minDigits = digits): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return nf(lang, minDigits, digits).format(x).replace(/\u202f/g, '\u00a0');
}

/**
 * Formats a share (0–1) as a percentage: `0.1234` → `12,3 %` (fr) or `12.3%` (en).
 * @example
 * formatPercent(0.1234, 'fr'); //=> '12,3 %'
 * formatPercent(0.1234, 'en', 0); //=> '12%'
 */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  if (Number.isNaN(share)) return '—';
  const s = formatNumber(share * 100, lang, digits);
  return lang === 'fr' ? `${s}\u00a0%` : `${s}%`;
}

/**
 * Formats a p-value as reports print it: 3 significant digits, `< 0.001` (`< 0,001`) below 1e-3
 * unless `exact` is set, in which case scientific notation is used for tiny values.
 * @example
 * formatPValue(0.02191, 'en'); //=> '0.022'
 * formatPValue(3e-7, 'fr'); //=> '< 0,001'
 * formatPValue(3e-7, 'en', true); //=> '3.00 × 10⁻⁷'
 */
export function formatPValue(p: number, lang: Lang, exact = false): string {
  if (Number.isNaN(p)) return '—';
  if (p < 0.001 && !exact) return `< ${formatNumber(0.001, lang, 3)}`;
  if (p < 0.001) return formatScientific(p, lang);
  return formatNumber(p, lang, 3, 3);
}

/**
 * Formats an integer count with grouping: `12 000` (fr), `12,000` (en).
 * @example
 * formatCount(12000, 'fr'); //=> '12 000'
 * formatCount(12000, 'en'); //=> '12,000'
 */
export function formatCount(n: number, lang: Lang): string {
  return formatNumber(n, lang, 0);
}

/**
 * Formats an amount of money in euros: `12 600,00 €` (fr), `€12,600.00` (en).
 * @example
 * formatEuro(51600, 'fr', 0); //=> '51 600 €'
 * formatEuro(51600, 'en', 0); //=> '€51,600'
 */
export function formatEuro(x: number, lang: Lang, digits = 2): string {
  const s = formatNumber(x, lang, digits);
  return lang === 'fr' ? `${s}\u00a0€` : `€${s}`;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * Scientific notation for people: `3.02 × 10⁻⁷` (en), `3,02 × 10⁻⁷` (fr), with `digits` decimals
 * in the mantissa and a true minus sign.
 * @example
 * formatScientific(3.0168e-7, 'fr'); //=> '3,02 × 10⁻⁷'
 * formatScientific(3.0168e-7, 'en'); //=> '3.02 × 10⁻⁷'
 */
export function formatScientific(x: number, lang: Lang, digits = 2): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const [m, e] = x.toExponential(digits).split('e');
  const mant = (lang === 'fr' ? m.replace('.', ',') : m).replace('-', '−');
  const exp = String(Number(e)).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
  return `${mant} × 10${exp}`;
}
