import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {CALLOUT_TONES, type CalloutTone} from '../../schemas/constants.ts'
import {hasLine, Line, RichText} from '../RichText.tsx'
import type {BodyItemOf} from '../types.ts'

/** A note, tip, warning or important message; the tone label comes from CSS, as in the theme. */
export function CalloutBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'callout'>>) {
  const tone: CalloutTone = (CALLOUT_TONES as readonly string[]).includes(value.tone)
    ? (value.tone as CalloutTone)
    : 'note'
  return (
    <aside className={`callout callout-${tone}`}>
      {hasLine(value.title) && (
        <p className="callout-title">
          <Line value={value.title} />
        </p>
      )}
      <RichText value={value.body} />
    </aside>
  )
}
