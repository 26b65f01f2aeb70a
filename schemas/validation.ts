import {LINK_SCHEMES, labelColor} from './constants.ts'

/**
 * Checks a `link` annotation href: a scheme of LINK_SCHEMES (http(s), mailto, file servers,
 * telephone), a relative path or an anchor.
 * Returns `true` or a sentence saying how to fix it (the Sanity custom-rule contract).
 * A value that is not a string is left to the field's type check, which names the type.
 */
export function checkLinkHref(href: unknown): true | string {
  if (href === undefined || href === null) return 'Add a URL, or remove the link.'
  if (typeof href !== 'string') return true
  if (href.trim() === '') return 'Add a URL, or remove the link.'
  // Control characters and whitespace can smuggle a scheme past a naive check ("java\tscript:").
  if (/[\u0000-\u001f\u007f\s]/.test(href)) {
    return 'Remove the spaces or control characters from the URL.'
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase()
  if (scheme === undefined) return true
  if ((LINK_SCHEMES as readonly string[]).includes(scheme)) return true
  return `Links may use ${LINK_SCHEMES.join(', ')} or a relative path, not "${scheme}:". Change the URL or remove the link.`
}

/** Slug rule shared by every document type: lowercase words joined by hyphens. */
export function checkSlug(slug: {current?: string} | undefined): true | string {
  const current = slug?.current
  if (!current) return 'Generate a slug from the title.'
  if (!/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(current)) {
    return 'Use lowercase letters, digits and single hyphens only, e.g. "core-responsibilities".'
  }
  return true
}

/**
 * A label's colour: none (just-the-docs' blue), or what follows `label-` in a class name
 * (`purple`, a site's own `orange`), so it can be written back as that class.
 */
export function checkLabelColor(color: unknown): true | string {
  if (typeof color !== 'string' || labelColor(color) !== undefined) return true
  return `"${color.slice(0, 40)}" cannot be a class name: use letters, digits, "-" or "_", such as purple.`
}
