import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {useRender} from '../context.ts'
import {ObjectLink, safeHref} from '../links.tsx'
import type {BodyItemOf} from '../types.ts'

/** An uploaded image (asset URL) or an imported one still at its source address (`src`). */
export function ImageBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'image'>>) {
  const {assetHref} = useRender()
  // Only http(s) and relative addresses: a `data:` or `javascript:` src is dropped.
  const src = safeHref(value.url ? assetHref(value.url) : undefined) ?? safeHref(value.src)
  const alt = value.alt ?? ''
  return (
    <figure>
      {src ? (
        <ObjectLink href={value.href}>
          <img
            src={src}
            alt={alt}
            loading="lazy"
            width={value.dimensions?.width}
            height={value.dimensions?.height}
          />
        </ObjectLink>
      ) : (
        <span className="image-missing" role="img" aria-label={alt} />
      )}
      {value.caption && <figcaption>{value.caption}</figcaption>}
    </figure>
  )
}
