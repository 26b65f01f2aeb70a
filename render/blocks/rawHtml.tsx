import type {PortableTextTypeComponentProps} from '@portabletext/react'

import type {BodyItemOf} from '../types.ts'

/** Unconverted source HTML, shown as text for an editor to rewrite; never parsed or run. */
export function RawHtmlBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'rawHtml'>>) {
  return (
    <pre className="raw-html" title={value.reason ?? 'Unconverted HTML'}>
      <code>{value.html}</code>
    </pre>
  )
}
