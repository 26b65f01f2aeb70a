import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {RichText} from '../RichText.tsx'
import type {BodyItemOf} from '../types.ts'

/** A quote of several blocks: one frame around its paragraphs, lists, headings and code. */
export function QuoteBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'quote'>>) {
  return (
    <blockquote>
      <RichText value={value.body} />
    </blockquote>
  )
}
