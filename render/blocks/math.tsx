import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {ObjectLink} from '../links.tsx'
import type {BodyItemOf} from '../types.ts'

/**
 * A display formula, written as kramdown writes it for MathJax (`\[…\]`), so a page that loads
 * MathJax typesets it and one that does not shows the TeX, as the original site did.
 */
export function MathBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'math'>>) {
  return <div className="math math-display">{`\\[${value.tex ?? ''}\\]`}</div>
}

/** An inline formula, as kramdown writes it for MathJax (`\(…\)`). */
export function InlineMath({
  value,
}: PortableTextTypeComponentProps<{_type: 'inlineMath'; tex?: string; href?: string | null}>) {
  return (
    <ObjectLink href={value.href}>
      <span className="math math-inline">{`\\(${value.tex ?? ''}\\)`}</span>
    </ObjectLink>
  )
}
