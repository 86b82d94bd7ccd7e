/**
 * Albanian and Serbian letters a plain Unicode decomposition would drop or get wrong
 * (đ has no decomposition; "dj" is how Serbian writes it in ASCII).
 */
const TRANSLITERATION: Record<string, string> = {
  ë: 'e',
  ç: 'c',
  č: 'c',
  ć: 'c',
  š: 's',
  ž: 'z',
  đ: 'dj',
  dž: 'dz',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
};

export const SLUG_MAX_LENGTH = 80;

/** Lowercase ASCII words joined by hyphens, cut at a word boundary. */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const ascii = text
    .toLowerCase()
    .replace(/dž|[ëçčćšžđßæøł]/g, (ch) => TRANSLITERATION[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** `base`, then `base-2`, `base-3`… — the first that `isTaken` refuses. */
export async function uniqueSlug(base: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  const root = base || 'item';
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `${root.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
