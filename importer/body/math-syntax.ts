import {mathFromMarkdown} from 'mdast-util-math'
import {math} from 'micromark-extension-math'
import type {Processor} from 'unified'

/**
 * kramdown's math as a remark plugin: `$$…$$` anywhere in a paragraph is a formula (a
 * paragraph that is only a formula becomes display math, see `blocks/paragraph.ts`); a single
 * `$` is a dollar sign. Only the inline construct is used: CommonMark-style `$$` fences, with
 * text after the opening `$$` read as an info string, split kramdown's display formulas
 * (`$$\begin{aligned} …` over several lines) and swallowed the rest of a page when a formula
 * ended in `…\end{aligned}$$`.
 */
export function kramdownMath(this: Processor): void {
  const data = this.data()
  const syntax = math({singleDollarTextMath: false})
  ;(data.micromarkExtensions ??= []).push({text: syntax.text})
  ;(data.fromMarkdownExtensions ??= []).push(mathFromMarkdown())
}
