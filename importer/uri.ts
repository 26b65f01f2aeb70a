/**
 * An address as the reader's browser asks for it: kramdown keeps the spaces an author wrote in
 * it (`files/Problems 1 (5).pdf`), the request has each as `%20`, which the schema's URL rules
 * accept; so for every other space character (the narrow no-break space a Mac writes before
 * `PM` in a screenshot's name is `%E2%80%AF`). Tabs and line breaks, which a browser drops, are
 * the caller's.
 */
export function spacesEscaped(address: string): string {
  return address.replace(/[^\S\t\n\r]/g, (space) =>
    space === ' ' ? '%20' : encodeURIComponent(space),
  )
}

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
