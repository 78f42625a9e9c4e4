/**
 * Case and accent folding: canonical decomposition, combining marks removed, lower case,
 * ligatures split (œ → oe, æ → ae, ß → ss), typographic apostrophes made straight.
 *
 * @example
 * foldText('Déçue, CŒUR’s'); //=> "decue, coeur's"
 */
export function foldText(s: string): string {
  // Fast path: plain ASCII needs only lower-casing.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  if (s.length < 24) {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const f = fold(s);
    if (cache.size > 200_000) cache.clear();
    cache.set(s, f);
    return f;
  }
  return fold(s);
}

const cache = new Map<string, string>();

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘ʼ`´]/g, "'");
}
