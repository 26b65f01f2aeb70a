/**
 * An address as the reader's browser asks for it: kramdown keeps the spaces an author wrote in
 * it (`files/Problems 1 (5).pdf`), the request has each as `%20`, which the schema's URL rules
 * accept; so for every other space character (the narrow no-break space a Mac writes before
 * `PM` in a screenshot's name is `%E2%80%AF`). Tabs and line breaks, which a browser drops, are
 * the caller's.
 */
export function spacesEscaped(address: string): string {
  return address.replace(/[^\S\t\n\r]/g, encodeURIComponent)
}

/**
 * The inverse of {@link spacesEscaped}: each escaped space character back as the character, and
 * every other escape (`%23`, a `%20`-free `%E2%80%94`) as written, so an address is shown as its
 * page wrote it. A UTF-8 character's escapes are taken together (a lead byte and its
 * continuation bytes, `%E2%80%AF`).
 */
export function spacesUnescaped(address: string): string {
  return address.replace(/%[0-9A-F]{2}(?:%[89AB][0-9A-F])*/gi, (escaped) => {
    const character = decodedOr(escaped)
    return character !== escaped && /^[^\S\t\n\r]$/u.test(character) ? character : escaped
  })
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

/**
 * The site path an address names once the site's `baseurl` is taken off it:
 * `/50002/assets/a.png` is `/assets/a.png`, and `/50002//docs/a.png` (what
 * `{{ site.baseurl }}//docs/a.png` writes, which the site's server reads as `/50002/docs/a.png`)
 * is `/docs/a.png`, not `//docs/a.png`, an address on another host. Any other address is
 * returned as it is.
 */
export function withoutBaseurl(url: string, baseurl: unknown): string {
  const base = String(baseurl ?? '').replace(/\/+$/, '')
  return base !== '' && url.startsWith(base + '/')
    ? url.slice(base.length).replace(/^\/+/, '/')
    : url
}
