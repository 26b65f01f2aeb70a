import type {PortableTextTypeComponentProps} from '@portabletext/react'

import type {BodyItemOf} from '../types.ts'

/** A fenced code block; the language only becomes a class name. */
export function CodeBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'codeBlock'>>) {
  const language = value.language?.replace(/[^\w+#.-]/g, '')
  return (
    <pre>
      <code className={language ? `language-${language}` : undefined}>{value.code}</code>
    </pre>
  )
}
