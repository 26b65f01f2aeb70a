import {BLOCK_TYPES, DOCUMENT_TYPES} from '../../schemas/constants.ts'
import {headingText} from '../../schemas/headingText.ts'
import {slotKey, tableSpans, type TableSpans} from '../../schemas/tableSpans.ts'
import {rawLiquidBlock} from './escape.ts'
import {image} from './image.ts'
import type {BodyState, Item} from './state.ts'
import {blockInline, indent, paragraphs, quote} from './text.ts'

/** Writes one block (outside any list) as markdown; undefined for a type with no handler. */
export type BlockHandler = (block: Item, state: BodyState) => string

function textBlock(block: Item, state: BodyState): string {
  const style = typeof block.style === 'string' ? block.style : 'normal'
  const heading = /^h([1-6])$/.exec(style)
  if (heading) {
    // A heading is one line of markdown: its line breaks (`<h3>Name<p>she/her</p></h3>`) are
    // `<br>`, which kramdown reads in a heading as in a paragraph; a formula's are spaces.
    const text = blockInline(block, state, {texNewline: ' '})
      .split(/ *\n */)
      .join('<br>')
    const anchor = typeof block.anchor === 'string' && block.anchor ? ` {#${block.anchor}}` : ''
    const line = `${'#'.repeat(Number(heading[1]))} ${text}${anchor}`
    return state.noToc.has(headingText(block)) ? `${line}\n{: .no_toc }` : line
  }
  const text = paragraphs(block, state, true).join('\n\n')
  return style === 'blockquote' ? quote(text) : text
}

function codeBlock(block: Item): string {
  const code = typeof block.code === 'string' ? block.code : ''
  const longest = Math.max(2, ...(code.match(/^`+/gm) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const language = typeof block.language === 'string' ? block.language : ''
  const fenced = `${fence}${language}\n${code}${code === '' ? '' : '\n'}${fence}`
  // Jekyll evaluates Liquid in code too: code that holds some is kept from it.
  return rawLiquidBlock(fenced, code)
}

function callout(block: Item, state: BodyState): string {
  const tone = typeof block.tone === 'string' ? block.tone : 'note'
  const title = calloutTitle(block.title, state)
  const body = state.blocks((block.body as Item[] | undefined) ?? [])
  const content = title ? [title, body].filter(Boolean).join('\n\n') : body
  return `{: .${tone}${title ? '-title' : ''} }\n${quote(content)}`
}

/**
 * A callout's title as the quote's first paragraph: its one line of rich text, marks and links
 * written as markdown; a title imported before titles held marks is a string, written as text.
 */
function calloutTitle(title: unknown, state: BodyState): string | undefined {
  if (typeof title === 'string') return title ? title.replace(/^([#>])/, '\\$1') : undefined
  const [first] = Array.isArray(title) ? (title as Item[]) : []
  if (!first) return undefined
  return paragraphs(first, state, true).join('\n') || undefined
}

/** A quote of several blocks: all of them behind one run of `>`, blank lines quoted too. */
function quoteBlock(block: Item, state: BodyState): string {
  return quote(state.blocks((block.body as Item[] | undefined) ?? []))
}

function details(block: Item, state: BodyState): string {
  const body = state.blocks((block.body as Item[] | undefined) ?? [])
  return `<details markdown="1">\n${summaryLine(block.summary, state)}\n\n${body}\n\n</details>`
}

/**
 * The summary line: plain text as HTML text; text with marks, links or formulas as markdown
 * that kramdown reads inside `<summary markdown="span">`. A string is an earlier import's.
 */
function summaryLine(summary: unknown, state: BodyState): string {
  const open = `<summary${state.htmlOnly}>`
  if (typeof summary === 'string') return `${open}${escapeHtml(summary)}</summary>`
  const [first] = Array.isArray(summary) ? (summary as Item[]) : []
  const children = (first?.children as Array<Record<string, unknown>> | undefined) ?? []
  const plain = children.every(
    (child) =>
      child._type === 'span' && ((child.marks as unknown[] | undefined) ?? []).length === 0,
  )
  if (plain) return `${open}${escapeHtml(children.map((child) => child.text).join(''))}</summary>`
  return `<summary markdown="span">${blockInline(first!, state)}</summary>`
}

function footnote(block: Item, state: BodyState): string {
  const body = state.blocks((block.body as Item[] | undefined) ?? [])
  return `[^${String(block.label ?? '')}]: ${indent(body, '    ', true)}`
}

function math(block: Item): string {
  const tex = typeof block.tex === 'string' ? block.tex : ''
  const formula = tex.includes('\n') ? `$$\n${tex}\n$$` : `$$${tex}$$`
  // `{{` is common in TeX (`\overline{{S}}`), and Jekyll would read it as Liquid.
  return rawLiquidBlock(formula, tex)
}

function divider(): string {
  return '---'
}

function embed(block: Item): string {
  const url = escapeHtml(typeof block.url === 'string' ? block.url : '')
  const title =
    typeof block.title === 'string' && block.title ? ` title="${escapeHtml(block.title)}"` : ''
  switch (block.provider) {
    case 'video':
    case 'audio':
      return `<${block.provider} controls src="${url}"${title}></${block.provider}>`
    case 'gist':
      return `<script src="${url}.js"></script>`
    default:
      return `<iframe src="${url}"${title}></iframe>`
  }
}

function rawHtml(block: Item, state: BodyState): string {
  const html = typeof block.html === 'string' ? block.html.replace(/\n+$/, '') : ''
  // The first element stays HTML however the site reads HTML blocks (`<form markdown="0">`).
  return state.htmlOnly ? html.replace(/^<[A-Za-z][\w-]*(?=[\s/>])/, `$&${state.htmlOnly}`) : html
}

function cellText(content: unknown, state: BodyState): string {
  const blocks = Array.isArray(content) ? (content as Item[]) : []
  return blocks
    .map((cell) => blockInline(cell, state, {cell: true}).replace(/\n+/g, '<br>'))
    .join('<br>')
    .trim()
}

function pipeRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

const ALIGN: Record<string, string> = {left: ':---', center: ':---:', right: '---:'}

type TableRows = Array<{cells?: Array<{content?: unknown; colSpan?: number; rowSpan?: number}>}>

function table(block: Item, state: BodyState): string {
  const source = (block.rows as TableRows | undefined) ?? []
  const headerRows = typeof block.headerRows === 'number' ? block.headerRows : 1
  const merged = tableSpans(source, headerRows)
  if (merged.spans.size > 0 || source.some((row) => row.cells?.some(holdsBlocks)))
    return htmlTable(source, headerRows, merged, block, state)
  const rows = source.map((row) => (row.cells ?? []).map((cell) => cellText(cell.content, state)))
  const width = Math.max(1, ...rows.map((row) => row.length))
  const padded = rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')])
  const lines = padded.map(pipeRow)
  if (block.headerRows === 0) return lines.join('\n')
  const align = (block.align as string[] | undefined) ?? []
  const separator = pipeRow(
    Array.from({length: width}, (_, index) => ALIGN[align[index] ?? 'none'] ?? '---'),
  )
  return [lines[0] ?? pipeRow(Array<string>(width).fill('')), separator, ...lines.slice(1)].join(
    '\n',
  )
}

/** Whether a cell holds more than text (a code block), which a markdown table cannot write. */
function holdsBlocks(cell: {content?: unknown}): boolean {
  return Array.isArray(cell.content) && cell.content.some((item: Item) => item?._type !== 'block')
}

/**
 * A table with merged cells or code in a cell, which markdown tables cannot write: an HTML table
 * whose cells hold their content as markdown (`markdown="1"`, read by kramdown and by the
 * importer; `markdown="block"` for a cell holding a code block, which kramdown reads as blocks in
 * a `<th>` too), the cells a merged cell covers left out, as the HTML table model has them.
 */
function htmlTable(
  rows: TableRows,
  headerRows: number,
  {spans, covered}: TableSpans,
  block: Item,
  state: BodyState,
): string {
  const align = (block.align as string[] | undefined) ?? []
  const head = Math.max(0, Math.min(headerRows, rows.length))
  const rowHtml = (row: TableRows[number], r: number) => {
    const tag = r < head ? 'th' : 'td'
    const cells = (row.cells ?? []).flatMap((cell, column) => {
      const key = slotKey(r, column)
      const owner = covered.get(key)
      if (owner) {
        const text = state.blocks((cell.content as Item[] | undefined) ?? [])
        if (text)
          state.report({
            severity: 'warning',
            code: 'table-cell-covered',
            message: `Cannot write row ${r + 1}, column ${column + 1} of a table ("${text.slice(0, 40)}"), expected it empty: the merged cell at row ${owner.row + 1}, column ${owner.column + 1} covers it, so it is left out, as readers never saw it.`,
            hint: 'In the Studio, move its text to a cell readers see, or merge fewer cells.',
          })
        return []
      }
      const span = spans.get(key)
      const side = align[column]
      const attributes = [
        span && span.colSpan > 1 ? ` colspan="${span.colSpan}"` : '',
        span && span.rowSpan > 1 ? ` rowspan="${span.rowSpan}"` : '',
        side === 'left' || side === 'center' || side === 'right' ? ` align="${side}"` : '',
      ].join('')
      const content = state.blocks((cell.content as Item[] | undefined) ?? [])
      return [
        content
          ? `<${tag}${attributes} markdown="${holdsBlocks(cell) ? 'block' : '1'}">\n${content}\n</${tag}>`
          : `<${tag}${attributes}></${tag}>`,
      ]
    })
    return ['<tr>', ...cells, '</tr>'].join('\n')
  }
  const part = (name: string, from: number, to: number) =>
    from < to
      ? [`<${name}>`, ...rows.slice(from, to).map((row, i) => rowHtml(row, from + i)), `</${name}>`]
      : []
  return [
    '<table>',
    ...part('thead', 0, head),
    ...part('tbody', head, rows.length),
    '</table>',
  ].join('\n')
}

function refId(value: unknown): string | undefined {
  return (value as {_ref?: string} | undefined)?._ref
}

function responsibilitySection(block: Item, state: BodyState): string {
  const area = state.documents.get(refId(block.area) ?? '')
  if (!area) {
    state.report({
      severity: 'error',
      code: 'missing-reference',
      message: `Cannot write a responsibility section, expected the area "${refId(block.area)}" in the dataset.`,
      hint: 'Export the whole dataset, or remove the section.',
    })
    return ''
  }
  const heading = [area.title, area.emoji].filter(Boolean).join(' ')
  const intro = state.blocks((area.intro as Item[] | undefined) ?? [])
  const items = ((block.responsibilities as unknown[] | undefined) ?? []).flatMap((ref) => {
    const doc = state.documents.get(refId(ref) ?? '')
    if (!doc || doc._type !== DOCUMENT_TYPES.responsibility) return []
    const description = ((doc.description as Item[] | undefined) ?? [])
      .map((part) => blockInline(part, state))
      .join(' ')
    return [`- **${String(doc.name)}**: ${description}`]
  })
  return [`## ${heading}`, intro, items.join('\n')].filter(Boolean).join('\n\n')
}

function toolTable(block: Item, state: BodyState): string {
  const titles = (block.columnTitles as string[] | undefined) ?? ['Tool Type', 'Examples']
  const rows = (
    (block.rows as Array<{category?: unknown; tools?: unknown[]}> | undefined) ?? []
  ).map((row) => {
    const category = state.documents.get(refId(row.category) ?? '')
    const tools = (row.tools ?? []).map((ref) => state.documents.get(refId(ref) ?? '')?.name)
    return pipeRow([String(category?.title ?? ''), tools.filter(Boolean).join(', ')])
  })
  return [pipeRow(titles), pipeRow(titles.map(() => '---')), ...rows].join('\n')
}

function tableOfContents(block: Item): string {
  const placeholder = `${block.ordered === false ? '-' : '1.'} TOC\n{:toc}`
  const {minLevel, maxLevel} = block as {minLevel?: unknown; maxLevel?: unknown}
  if (typeof minLevel !== 'number' && typeof maxLevel !== 'number') return placeholder
  const levels = `${typeof minLevel === 'number' ? minLevel : 1}..${typeof maxLevel === 'number' ? maxLevel : 6}`
  return `${placeholder}\n\n{::options toc_levels="${levels}" /}`
}

function definitionList(block: Item, state: BodyState): string {
  const items = (block.items as Array<{term?: Item[]; definition?: Item[]}> | undefined) ?? []
  return items
    .map((item) => {
      const terms = (item.term ?? []).map((term) => termLine(term, state))
      return [...terms, ...definition(item.definition ?? [], state)].join('\n')
    })
    .join('\n\n')
}

// A term readers do not see (the page had `[](#)`) still needs a line of text before its
// definition, or the `: ` line would be text: an empty span is one.
function termLine(term: Item, state: BodyState): string {
  const text = blockInline(term, state).replace(/\n+/g, ' ')
  return text.trim() === '' ? '<span></span>' : text
}

// Paragraphs are `: ` lines, one each; a definition holding other blocks (code, lists, a
// nested definition list) is written once, indented under its marker as kramdown reads it.
function definition(blocks: Item[], state: BodyState): string[] {
  // A definition readers do not see (`: [](#)`) still makes its term a term.
  if (blocks.length === 0) return [': <span></span>']
  if (blocks.every(isParagraph)) {
    return blocks.map((paragraph) => `: ${blockInline(paragraph, state).replace(/\n+/g, ' ')}`)
  }
  return [`: ${indent(state.blocks(blocks), '  ', true)}`]
}

function isParagraph(block: Item): boolean {
  return block._type === 'block' && (block.style ?? 'normal') === 'normal' && !block.listItem
}

/** Text for HTML attribute values and element content. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** One handler per block `_type`, keyed like the data. */
export const BLOCK_HANDLERS: Record<string, BlockHandler> = {
  block: textBlock,
  [BLOCK_TYPES.code]: codeBlock,
  [BLOCK_TYPES.image]: image,
  [BLOCK_TYPES.callout]: callout,
  [BLOCK_TYPES.quote]: quoteBlock,
  [BLOCK_TYPES.details]: details,
  [BLOCK_TYPES.footnote]: footnote,
  [BLOCK_TYPES.divider]: divider,
  [BLOCK_TYPES.math]: math,
  [BLOCK_TYPES.embed]: embed,
  [BLOCK_TYPES.rawHtml]: rawHtml,
  [BLOCK_TYPES.table]: table,
  [BLOCK_TYPES.responsibilitySection]: responsibilitySection,
  [BLOCK_TYPES.toolTable]: toolTable,
  [BLOCK_TYPES.tableOfContents]: tableOfContents,
  [BLOCK_TYPES.definitionList]: definitionList,
}
