import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {CALLOUT_TONES, type CalloutTone} from '../../schemas/constants.ts'
import {RichText} from '../RichText.tsx'
import type {BodyItemOf, TypedObject} from '../types.ts'

/** A note, tip, warning or important message; the tone label comes from CSS, as in the theme. */
export function CalloutBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'callout'>>) {
  const tone: CalloutTone = (CALLOUT_TONES as readonly string[]).includes(value.tone)
    ? (value.tone as CalloutTone)
    : 'note'
  return (
    <aside className={`callout callout-${tone}`}>
      <CalloutTitle title={value.title as unknown} />
      <RichText value={value.body} />
    </aside>
  )
}

/**
 * The title line: one paragraph of rich text (`The `always` block` with its code span), or the
 * string a callout imported before titles held marks has.
 */
function CalloutTitle({title}: {title: unknown}) {
  if (typeof title === 'string') return title ? <p className="callout-title">{title}</p> : null
  if (!Array.isArray(title) || title.length === 0) return null
  return (
    <p className="callout-title">
      <RichText value={title as TypedObject[]} inline />
    </p>
  )
}
