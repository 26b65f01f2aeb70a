import type {PortableTextTypeComponentProps} from '@portabletext/react'

import type {BodyItemOf} from '../types.ts'

/**
 * Unconverted source HTML (a form, a canvas), shown rendered inside a sandboxed frame: an
 * empty `sandbox` runs no script, submits no form and gives the frame an origin of its own.
 */
export function RawHtmlBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'rawHtml'>>) {
  return (
    <iframe
      className="raw-html"
      sandbox=""
      srcDoc={value.html ?? ''}
      title={value.reason ?? 'Unconverted HTML'}
      loading="lazy"
    />
  )
}
