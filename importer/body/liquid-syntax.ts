/** The Liquid syntax the importer recognises before evaluating anything: shared by `liquid*.ts`. */

/** Tags of Liquid's control flow: what makes a page's content depend on data. */
export const CONTROL_TAGS = [
  'if',
  'unless',
  'case',
  'for',
  'tablerow',
  'assign',
  'capture',
  'increment',
  'decrement',
  'cycle',
] as const

/** A control-flow tag opening (or standing alone) anywhere in a text. */
export const LIQUID_CONTROL = new RegExp(`\\{%-?\\s*(?:${CONTROL_TAGS.join('|')})\\b`)

/** The tags that close or continue a control-flow block. */
export const CONTROL_CONTINUATIONS = new Set([
  'elsif',
  'else',
  'when',
  'break',
  'continue',
  ...CONTROL_TAGS.filter((tag) => !['assign', 'increment', 'decrement', 'cycle'].includes(tag)).map(
    (tag) => `end${tag}`,
  ),
])

/** `{% raw %}…{% endraw %}`: its text is shown as written. */
export const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g

/**
 * A `{% highlight %}` block's code as Jekyll keeps it once its Liquid ran: without the blank
 * lines around it, nor the spaces before `{% endhighlight %}` (`end {% endhighlight %}` ends in
 * `end`).
 */
export const highlightCode = (rendered: string): string =>
  rendered.replace(/^[\r\n]+|[\r\n]+$/g, '').replace(/[ \t]+$/, '')

/** Whether `file` (an include's name) is HTML, where a `{% highlight %}` block is written as HTML. */
export const isHtmlFile = (file: string | undefined): boolean => /\.html?$/i.test(file ?? '')

/**
 * A `{% highlight %}` block as Jekyll writes it, HTML (without Rouge's spans and its `<figure>`),
 * for where it lands in HTML (an HTML include), in which a fence would be text.
 */
export function highlightHtml(language: string, code: string): string {
  const lang = language.replace(/[^\w+#.-]/g, '')
  const text = code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `<pre><code class="language-${lang}" data-lang="${lang}">${text}</code></pre>`
}

/**
 * A code fence longer than every run of backticks that starts a line of `code`, so a
 * `{% highlight %}` block whose code shows a fenced block (``` lines) stays one block.
 */
export function fenceFor(code: string): string {
  let longest = 2
  for (const match of code.matchAll(/^[ \t]*(`{3,})/gm))
    longest = Math.max(longest, match[1].length)
  return '`'.repeat(longest + 1)
}

/** What `site.<key>` reads of the Liquid site (`LiquidSite`) rather than of `_config.yml`. */
export const LIQUID_SITE_KEYS: readonly string[] = [
  'data',
  'pages',
  'posts',
  'html_pages',
  'documents',
  'collections',
  'time',
  'static_files',
]
