const MAX_SLUG = 96

/**
 * The one slug rule for every imported document: what Studio accepts (schemas/validation.ts
 * `checkSlug`): lowercase letters of any script, digits and single hyphens. `&`, `+` and `#`
 * read as words ("C#" → "c-sharp"), emoji and punctuation separate words, and a long title is
 * cut at a hyphen to the schema's 96 characters.
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  if (words.length <= MAX_SLUG) return words
  const cut = words.slice(0, MAX_SLUG)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut
}
