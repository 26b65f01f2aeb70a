import type {PortableTextMarkComponentProps} from '@portabletext/react'
import type {ReactNode} from 'react'

import {checkLinkHref} from '../schemas/validation.ts'
import {useRender} from './context.ts'
import type {MarkDef} from './types.ts'

/** The href if the schema allows it (LINK_SCHEMES, relative, #anchor), else undefined. */
export function safeHref(href: string | null | undefined): string | undefined {
  return typeof href === 'string' && checkLinkHref(href) === true ? href : undefined
}

/** Text whose link was refused or whose target is missing: kept readable, not clickable. */
function Unlinked({children, reason}: {children: ReactNode; reason: string}) {
  return (
    <span className="link-unavailable" title={reason}>
      {children}
    </span>
  )
}

/** The `link` annotation, limited to the schema's allowed schemes. */
export function LinkMark({
  value,
  children,
}: PortableTextMarkComponentProps<Extract<MarkDef, {_type: 'link'}>>) {
  const {linkHref} = useRender()
  const href = safeHref(value?.href)
  if (href === undefined)
    return <Unlinked reason="Link removed: address not allowed">{children}</Unlinked>
  const external = /^https?:/i.test(href)
  return (
    <a
      href={linkHref(href)}
      title={value?.title ?? undefined}
      {...(external ? {rel: 'noopener noreferrer'} : {})}
    >
      {children}
    </a>
  )
}

/** The link of an image or a formula (`[![alt](src)](href)`, `[$$x$$](href)`): the object wrapped in it, when the address is allowed. */
export function ObjectLink({href, children}: {href?: string | null; children: ReactNode}) {
  const {linkHref} = useRender()
  const safe = safeHref(href)
  if (safe === undefined) return <>{children}</>
  return (
    <a href={linkHref(safe)} {...(/^https?:/i.test(safe) ? {rel: 'noopener noreferrer'} : {})}>
      {children}
    </a>
  )
}

/**
 * An anchor as an address's fragment: each character a fragment cannot hold encoded, and an
 * escape the page wrote (`#r%C3%A9glages`) kept, not encoded again: the browser decodes either
 * to the heading's id (`réglages`), as it does kramdown's link as written.
 */
function fragment(anchor: string): string {
  return anchor.replace(/%(?![0-9A-Fa-f]{2})|[^\w\-.~!$&'()*+,;=:@/?%]+/gu, (text) =>
    encodeURIComponent(text),
  )
}

/** The `internalLink` annotation: the target page's address, plus its anchor. */
export function InternalLinkMark({
  value,
  children,
}: PortableTextMarkComponentProps<Extract<MarkDef, {_type: 'internalLink'}>>) {
  const {pageHref} = useRender()
  const target = value?.target
  if (!target) return <Unlinked reason="Linked page not found">{children}</Unlinked>
  const anchor = value?.anchor ? `#${fragment(value.anchor)}` : ''
  return <a href={`${pageHref(target)}${anchor}`}>{children}</a>
}
