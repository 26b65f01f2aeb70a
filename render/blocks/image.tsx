import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {useRender} from '../context.ts'
import {ObjectLink, safeHref} from '../links.tsx'
import type {BodyItemOf} from '../types.ts'

/**
 * The address an image (a block or inline) shows from: its uploaded asset, else the source it was
 * imported from; only http(s) and relative addresses, so a `data:` or `javascript:` src is dropped.
 */
export function useImageSrc(value: {url?: string | null; src?: string | null}): string | undefined {
  const {assetHref} = useRender()
  return safeHref(value.url ? assetHref(value.url) : undefined) ?? safeHref(value.src)
}

/** An uploaded image (asset URL) or an imported one still at its source address (`src`). */
export function ImageBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'image'>>) {
  const src = useImageSrc(value)
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
