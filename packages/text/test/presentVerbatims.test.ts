import { presentVerbatims, present, toHtml, toText } from '@satlab/present';
import { describe, expect, test } from 'vitest';
import { analyzeVerbatims } from '../src/index.js';

// A few comments, one of them hostile HTML, with a wave and a segment.
const text = [
  'Trop cher <script>alert(1)</script> vraiment',
  "Beaucoup trop d'attente au guichet ce matin",
  'Conseillère très aimable et de bon conseil',
  'Prix en hausse encore cette année hélas',
  '',
  'Accueil parfait, conseiller compétent et rapide',
];
const r = analyzeVerbatims({ text, score: [2, 3, 10, 4, 8, 9], by: ['a', 'b', 'a', 'b', 'a', 'b'], wave: ['W1', 'W1', 'W1', 'W2', 'W2', 'W2'] }, { minCount: 1 });

describe('presentVerbatims', () => {
  test('present() dispatches a verbatims result to it', () => {
    expect(present(r, { lang: 'fr' }).kind).toBe('verbatims');
  });
  test('French and English titles, tables and the blank comment counted in the summary', () => {
    const fr = presentVerbatims(r, { lang: 'fr' });
    expect(fr.title).toBe('Verbatims : ce qu’écrivent détracteurs et promoteurs');
    expect(fr.tables.map((t) => t.id)).toEqual(['detractorTerms', 'promoterTerms', 'themes', 'examples', 'themesBySegment', 'termsBySegment', 'themesByWave']);
    expect(fr.summary?.find((s) => s.label === 'commentaires vides')?.value.v).toBe(1);
    expect(toText(fr)).toContain('Prix');
    expect(presentVerbatims(r, { lang: 'en' }).tables[2].title).toBe('Themes');
    expect(toText(presentVerbatims(r, { lang: 'en' }))).toContain('Waiting time');
  });
  test('comments are escaped in HTML', () => {
    const html = toHtml(presentVerbatims(r, { lang: 'fr' }));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
