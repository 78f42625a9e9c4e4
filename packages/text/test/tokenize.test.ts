import { describe, expect, test } from 'vitest';
import { detectLanguage, foldText, stemWord, stopWords, tokenize, tokenizeComment } from '../src/index.js';

const terms = (s: string, lang?: 'fr' | 'en'): string[] => tokenize(s, lang ? { lang } : {}).filter((t) => t.term !== '').map((t) => t.term);

describe('folding and elision', () => {
  test('case, accents and ligatures fold; typographic apostrophes straighten', () => {
    expect(foldText('Déçue, CŒUR’s')).toBe("decue, coeur's");
  });
  test("elision: l'attente and l’attente give the term of attente, the clitic is not a term", () => {
    expect(terms("l'attente")).toEqual(['attent']);
    expect(terms('l’attente')).toEqual(['attent']);
    expect(terms("qu'on m'explique jusqu'à")).toEqual(['expliqu']);
    expect(terms("aujourd'hui")).toEqual([]);
  });
  test('French stems keep accents for the stemmer and fold after', () => {
    expect(stemWord('fidélité', 'fr')).toBe('fidel');
    expect(terms('remboursements remboursé')).toEqual(['rembours', 'rembours']);
  });
});

describe('negation kept as a marker', () => {
  test('ne … pas/jamais: the content word between or after is negated', () => {
    expect(terms("L'attente n'est pas chère")).toEqual(['attent', '¬cher']);
    expect(terms("On ne m'a jamais rappelé")).toEqual(['¬rappel']);
    expect(terms('personne ne répond au téléphone')).toEqual(['¬repond', 'telephon']);
    expect(terms('Je ne suis plus client')).toEqual(['¬client']);
  });
  test('a negation word alone reaches the next content word within 3 tokens of its clause', () => {
    expect(terms('pas du tout satisfait')).toEqual(['¬satisf']);
    expect(terms('pas cher, rapide')).toEqual(['¬cher', 'rapid']);
    expect(terms('plus rapide')).toEqual(['rapid']); // plus without ne means more
  });
  test("English not/never/no and n't", () => {
    expect(terms("The staff isn't very helpful", 'en')).toEqual(['staff', '¬help']);
    expect(terms('never called back', 'en')).toEqual(['¬call']);
    expect(terms("They didn't help", 'en')).toEqual(['¬help']);
  });
});

describe('numbers and prices', () => {
  test.each([['12 €'], ['12,50€'], ['€12'], ['$12'], ['30 euros'], ['1 250 €'], ['12.50 $']])('%s is one #price token', (s) => {
    const t = tokenize(`payé ${s} hier`).filter((x) => x.kind === 'price');
    expect(t).toHaveLength(1);
    expect(t[0].term).toBe('#price');
  });
  test('a bare number is #number', () => {
    expect(terms('45 minutes')).toEqual(['#number', 'minut']);
  });
});

describe('stop words and language', () => {
  test('stopwords-iso words are not terms, but judgement words it lists are kept', () => {
    const fr = stopWords('fr');
    expect(fr.has('les')).toBe(true);
    expect(fr.has('cher')).toBe(false);
    expect(fr.has('merci')).toBe(false);
    expect(stopWords('en').has('problem')).toBe(false);
    expect(terms('les prix sont trop chers')).toEqual(['prix', 'cher']);
  });
  test('auto language picks English or French per comment', () => {
    expect(tokenizeComment('The queue was too long and the staff rude').lang).toBe('en');
    expect(tokenizeComment("Trop d'attente à la caisse").lang).toBe('fr');
    expect(detectLanguage(['staff'], 'en')).toBe('en');
  });
  test('clauses split at punctuation and mais', () => {
    const t = tokenize('Prix élevés, mais conseillère aimable').filter((x) => x.term !== '');
    expect(t.map((x) => x.clause)).toEqual([0, 0, 2, 2]);
  });
});
