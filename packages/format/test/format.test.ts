import { describe, expect, it } from 'vitest';
import { escapeHtml, formatEuro, formatScientific, formatNumber, formatPercent, formatPValue, textTable } from '@satlab/format';

describe('formatNumber', () => {
  it('uses a decimal comma and a no-break space for thousands in French', () => {
    expect(formatNumber(1234.567, 'fr', 2)).toBe('1\u00a0234,57');
    expect(formatNumber(1234.567, 'en', 2)).toBe('1,234.57');
  });
  it('prints missing as a dash', () => expect(formatNumber(Number.NaN, 'en')).toBe('—'));
});

describe('formatPercent / formatEuro / formatPValue', () => {
  it('formats shares as percentages in both languages', () => {
    expect(formatPercent(0.2, 'fr')).toBe('20,0\u00a0%');
    expect(formatPercent(0.2, 'en')).toBe('20.0%');
  });
  it('formats the seed ROI figure as the seed prints it', () => {
    expect(formatEuro(51600, 'fr')).toBe('51\u00a0600,00\u00a0€');
  });
  it('bounds tiny p-values unless asked for the exact value', () => {
    expect(formatPValue(3.0168622929e-7, 'fr')).toBe('< 0,001');
    expect(formatPValue(3.0168622929e-7, 'en', true)).toBe('3.02 × 10⁻⁷');
    expect(formatPValue(3.0168622929e-7, 'fr', true)).toBe('3,02 × 10⁻⁷');
    expect(formatPValue(0.0303, 'en')).toBe('0.030');
  });
});

describe('formatScientific', () => {
  it('writes superscript exponents and a true minus sign', () => {
    expect(formatScientific(-1.5e-12, 'fr', 1)).toBe('−1,5 × 10⁻¹²');
    expect(formatScientific(6.02e23, 'en')).toBe('6.02 × 10²³');
  });
});

describe('textTable', () => {
  it('aligns accented labels by characters', () => {
    const t = textTable([['Santé', '1'], ['Auto', '22']], { header: ['contrat', 'n'] });
    const lines = t.split('\n');
    expect(lines[2]).toBe('Santé     1');
    expect(lines[3]).toBe('Auto     22');
  });
  it('escapes HTML', () => expect(escapeHtml('<script>"x"&\'y\'')).toBe('&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;'));
});
