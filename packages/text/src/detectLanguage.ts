const FR = new Set(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'est', 'une', 'un', 'je', 'il', 'nous', 'vous', 'que', 'qui', 'pour', 'avec', 'tres', 'mais', 'au', 'sur', 'pas', 'ne', 'j', 'l', 'd', 'n', 'c', 'mon', 'ma', 'mes', 'trop', 'bien', 'ai', 'suis', 'sont']);
const EN = new Set(['the', 'and', 'is', 'are', 'was', 'were', 'to', 'of', 'i', 'you', 'it', 'for', 'with', 'very', 'but', 'my', 'this', 'that', 'have', 'has', 'not', 'no', 'on', 'they', 'we', 'too', 'be', 'in', "n't", 'me', 'at']);

/**
 * French or English, by counting a few dozen very frequent function words of each language
 * among the folded words of a text; `fallback` when neither wins (no marker word, or a tie).
 *
 * @example
 * detectLanguage(['the', 'staff', 'was', 'great'], 'fr'); //=> "en"
 */
export function detectLanguage(words: readonly string[], fallback: 'fr' | 'en' = 'fr'): 'fr' | 'en' {
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (FR.has(w)) fr++;
    if (EN.has(w)) en++;
  }
  return fr > en ? 'fr' : en > fr ? 'en' : fallback;
}
