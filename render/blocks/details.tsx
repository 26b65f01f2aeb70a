import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {Line, RichText} from '../RichText.tsx'
import type {BodyItemOf} from '../types.ts'

/** A collapsible section. */
export function DetailsBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'details'>>) {
  return (
    <details>
      <summary>
        <Line value={value.summary} />
      </summary>
      <RichText value={value.body} />
    </details>
  )
}
