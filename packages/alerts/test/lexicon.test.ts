import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, matchLexicon } from '@satlab/alerts';

describe('matchLexicon', () => {
  it('matches whole words and stems without accents or case, and gives the words as written', () => {
    const m = matchLexicon('DÉÇUE par le service. Je vais RÉSILIER.');
    expect(m.matched).toEqual(['DÉÇUE', 'RÉSILIER']);
    expect(m.entries).toEqual(['déçu*', 'résili*']);
  });

  it('does not match inside a word: "nul" is not found in "annuler" nor "nulle part" as "nul"', () => {
    expect(matchLexicon('Il faut annuler', { fr: ['nul'], en: [] }).matched).toEqual([]);
    expect(matchLexicon('c’est nul', { fr: ['nul'], en: [] }).matched).toEqual(['nul']);
  });

  it('prefers the longest entry at a position and reports each phrase once', () => {
    const m = matchLexicon('Toujours en attente, toujours en attente !');
    expect(m.matched).toEqual(['Toujours en attente']);
    expect(m.entries).toEqual(['toujours en attente']);
  });

  it('cancels an entry preceded by a negation within 3 words of the same clause', () => {
    expect(matchLexicon('Pas trop cher, aucun problème, jamais déçu').matched).toEqual([]);
    expect(matchLexicon('Pas trop cher, aucun problème, jamais déçu').negated).toEqual(['trop cher', 'problème', 'déçu']);
    expect(matchLexicon("Not too expensive and I don't have any complaint").matched).toEqual([]);
    expect(matchLexicon('No problem at all').negated).toEqual(['problem']);
  });

  it('keeps entries that hold their own negation (pas content, jamais de réponse, never answered)', () => {
    expect(matchLexicon('Pas content du tout, jamais de réponse').matched).toEqual(['Pas content', 'jamais de réponse']);
    expect(matchLexicon('They never answered my emails').matched).toEqual(['never answered']);
  });

  it('a negation does not reach across punctuation or "mais"/"but"', () => {
    expect(matchLexicon('Pas de souci, mais trop cher').matched).toEqual(['trop cher']);
    expect(matchLexicon('Je ne sais pas. Déçu.').matched).toEqual(['Déçu']);
    expect(matchLexicon('Not the cheapest but disappointing').matched).toEqual(['disappointing']);
  });

  it('beyond 3 words a negation is not seen (documented limit)', () => {
    expect(matchLexicon('Je ne suis vraiment pas du tout du tout déçu').matched).toEqual(['déçu']);
  });

  it('respects the languages option', () => {
    expect(matchLexicon('too expensive, trop cher', DEFAULT_LEXICON, { languages: 'fr' }).matched).toEqual(['trop cher']);
    expect(matchLexicon('too expensive, trop cher', DEFAULT_LEXICON, { languages: 'en' }).matched).toEqual(['too expensive']);
  });

  it('an empty or null text matches nothing; bad entries throw a TypeError naming the entry', () => {
    expect(matchLexicon(null).matched).toEqual([]);
    expect(matchLexicon('   ').matched).toEqual([]);
    expect(() => matchLexicon('x', { fr: ['ab*'], en: [] })).toThrow(/stem needs at least 3 letters/);
    expect(() => matchLexicon('x', { fr: ['a*b'], en: [] })).toThrow(/"\*" may only end a word/);
  });
});
