/**
 * Markdown placed where Liquid writes HTML (`{{ staffer }}` in a layout, `{{ x | markdownify }}`):
 * Jekyll converts it to HTML first; here it is wrapped in an element marked `markdown="1"`, so
 * the page's own converter reads it with everything it knows of kramdown (attribute lists,
 * definition lists, callouts) instead of a second, lesser markdown renderer. The wrapper itself
 * converts to nothing.
 */

/** `markdown` in a block the body's HTML converter reads as markdown. */
export function markdownBlock(markdown: string): string {
  return `<div markdown="1">\n\n${markdown.replace(/\s+$/, '')}\n\n</div>\n`
}
