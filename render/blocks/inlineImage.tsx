import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {ObjectLink} from '../links.tsx'
import {useImageSrc} from './image.tsx'

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
  const src = useImageSrc(value)
  const alt = value.alt ?? ''
  return src ? (
    <ObjectLink href={value.href}>
      <img src={src} alt={alt} loading="lazy" />
    </ObjectLink>
  ) : (
    <span className="image-missing" role="img" aria-label={alt} />
  )
}
