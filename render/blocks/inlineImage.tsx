import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {useRender} from '../context.ts'
import {ObjectLink, safeHref} from '../links.tsx'

interface InlineImageValue {
  _type: 'inlineImage'
  alt?: string | null
  src?: string | null
  href?: string | null
  /** The uploaded asset's address, when the query resolved it. */
  url?: string | null
}

/** An image in a line of text (a table cell, a definition): uploaded, or at its source address. */
export function InlineImage({value}: PortableTextTypeComponentProps<InlineImageValue>) {
  const {assetHref} = useRender()
  // Only http(s) and relative addresses: a `data:` or `javascript:` src is dropped.
  const src =
    safeHref(value.url ? assetHref(value.url) : undefined) ?? safeHref(value.src ?? undefined)
  const alt = value.alt ?? ''
  return src ? (
    <ObjectLink href={value.href}>
      <img src={src} alt={alt} loading="lazy" />
    </ObjectLink>
  ) : (
    <span className="image-missing" role="img" aria-label={alt} />
  )
}
