import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {RichText} from '../RichText.tsx'
import type {BodyItemOf} from '../types.ts'

/** The element id of a footnote and of its first reference, from the label. */
export function footnoteIds(label: string | null | undefined) {
  const id = encodeURIComponent(label ?? '')
  return {note: `fn-${id}`, reference: `fnref-${id}`}
}

/** A footnote definition, linked back to where it is referenced. */
export function FootnoteBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'footnote'>>) {
  const ids = footnoteIds(value.label)
  return (
    // The label is shown by CSS (attr(data-label)), like the number of an ordered list item:
    // it marks the note without being part of its text.
    <aside className="footnote" id={ids.note} data-label={value.label ?? ''}>
      <RichText value={value.body} />
      <a
        className="footnote-backref"
        href={`#${ids.reference}`}
        aria-label={`Back to reference ${value.label}`}
      />
    </aside>
  )
}
