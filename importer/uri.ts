/**
 * `text` with its percent-escapes decoded, or as it is when they are malformed (`a%zz.md`):
 * addresses written by hand must never stop an import, an export or a site build.
 */
export function decodedOr(
  text: string,
  decode: (text: string) => string = decodeURIComponent,
): string {
  if (!text.includes('%')) return text
  try {
    return decode(text)
  } catch {
    return text
  }
}
