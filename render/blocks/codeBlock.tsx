import type {PortableTextTypeComponentProps} from '@portabletext/react'

import type {BodyItemOf} from '../types.ts'

/**
 * A fenced code block; the language only becomes a class name. As kramdown names it: what the
 * fence names before a `?`, whose query is options for the highlighter (`console?lang=python`
 * is `language-console`).
 */
export function CodeBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'codeBlock'>>) {
  const language = value.language?.replace(/(?<=.)\?[\s\S]*$/, '').replace(/[^\w+#.-]/g, '')
  return (
    <pre>
      <code className={language ? `language-${language}` : undefined}>{value.code}</code>
    </pre>
  )
}
