/**
 * Compares a rendered page with its markdown source as remark reads it: the text a reader
 * sees, and its structure (heading levels, list nesting, table cells, link targets).
 * Deliberate differences are removed on the markdown side only: front matter, kramdown
 * attribute lists (`{: .note }`), image alt text (a field, not text) and HTML tags (their
 * text is kept, as the rendered raw-HTML block's source is compared without tags).
 */
import matter from 'gray-matter'
import type {Nodes, Root, RootContent} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** Text and structure, comparable between markdown and HTML. */
export interface PageShape {
  text: string
  headings: string[]
  lists: string[]
  tables: string[][][]
  links: string[]
}

const BLOCK_NODES = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'code',
  'html',
  'blockquote',
  'footnoteDefinition',
])

/** Collapses whitespace so that line wrapping and block separation do not count. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

/** The markdown body as remark (remark-parse + remark-gfm) reads it, without front matter. */
export function parseMarkdownBody(source: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(matter(source).content)
}

/** The shape of a markdown page; `base` resolves relative link targets. */
export function markdownShape(root: Root, base = '/'): PageShape {
  const shape: PageShape = {text: '', headings: [], lists: [], tables: [], links: []}
  const text = (node: Nodes | RootContent, listDepth: number): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value
      case 'code':
        return ` ${node.value} `
      case 'html':
        for (const [, href] of node.value.matchAll(/<a\s[^>]*href="([^"]*)"/gi)) {
          shape.links.push(resolveHref(href, base))
        }
        return ` ${stripTags(node.value)} `
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'thematicBreak':
        return ''
      case 'footnoteReference':
        return node.label ?? node.identifier
      case 'footnoteDefinition':
        return ` ${node.label ?? node.identifier} ${children(node, listDepth)} `
      case 'heading': {
        // A kramdown header id (`## Setup {#setup}`) names the anchor; readers never see it.
        const content = children(node, listDepth).replace(/\s*\{#[\w-]+\}\s*$/, '')
        shape.headings.push(`h${node.depth} ${normaliseWhitespace(content)}`)
        return ` ${content} `
      }
      case 'list':
        // kramdown's `1. TOC\n{:toc}` is a placeholder for a generated table of contents.
        if (/\{:toc\}/.test(plain(node))) return ''
        shape.lists.push(
          `${'  '.repeat(listDepth)}${node.ordered ? 'ol' : 'ul'} ${node.children.length}`,
        )
        return ` ${children(node, listDepth + 1)} `
      case 'link':
        shape.links.push(resolveHref(node.url, base))
        return children(node, listDepth)
      case 'table': {
        const rows = node.children.map((row) =>
          row.children.map((cell) => normaliseWhitespace(children(cell, listDepth))),
        )
        shape.tables.push(rows)
        return ` ${rows.flat().join(' ')} `
      }
      default: {
        const content = 'children' in node ? children(node, listDepth) : ''
        return BLOCK_NODES.has(node.type) ? ` ${content} ` : content
      }
    }
  }
  const children = (node: Nodes, listDepth: number): string =>
    'children' in node
      ? (node.children as RootContent[]).map((c) => text(c, listDepth)).join('')
      : ''
  shape.text = normaliseWhitespace(text(root, 0).replace(/\{:[^{}\n]*\}/g, ''))
  return shape
}

/** The literal text under a node, without recording anything in the shape. */
function plain(node: Nodes | RootContent): string {
  if ('value' in node) return node.value
  return 'children' in node ? (node.children as RootContent[]).map(plain).join('') : ''
}

/** An href as an absolute path (for relative ones) so both sides compare equal. */
export function resolveHref(href: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return href
  const url = new URL(href, `http://source.invalid${base}`)
  return `${url.pathname}${url.search}${url.hash}`
}

const BLOCK_ELEMENTS = new Set(
  'p h1 h2 h3 h4 h5 h6 li td th tr section div pre blockquote aside figure hr ul ol table article summary details'.split(
    ' ',
  ),
)

/**
 * The shape of a rendered element (the page's `article` by default): the text a reader sees
 * and its structure. `skip` selects elements left out: the description (front matter) and
 * image captions (the markdown image title, which remark keeps as an attribute too).
 */
export function htmlShape(
  html: string,
  {root = 'article', skip = '.description, figcaption', base = '/'} = {},
): PageShape {
  const document = new DOMParser().parseFromString(html, 'text/html')
  const article = document.querySelector(root)
  if (!article) throw new Error(`Cannot find "${root}" in the rendered page, expected one element`)
  for (const element of article.querySelectorAll(skip)) element.remove()
  const shape: PageShape = {text: '', headings: [], lists: [], tables: [], links: []}
  const depthOf = (element: Element) => {
    let depth = 0
    for (
      let parent = element.parentElement;
      parent && parent !== article;
      parent = parent.parentElement
    ) {
      if (parent.tagName === 'UL' || parent.tagName === 'OL') depth++
    }
    return depth
  }
  for (const heading of article.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    shape.headings.push(
      `${heading.tagName.toLowerCase()} ${normaliseWhitespace(heading.textContent ?? '')}`,
    )
  }
  for (const list of article.querySelectorAll('ul, ol')) {
    shape.lists.push(
      `${'  '.repeat(depthOf(list))}${list.tagName.toLowerCase()} ${list.querySelectorAll(':scope > li').length}`,
    )
  }
  for (const table of article.querySelectorAll('table')) {
    shape.tables.push(
      [...table.querySelectorAll('tr')].map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) =>
          normaliseWhitespace(cell.textContent ?? ''),
        ),
      ),
    )
  }
  for (const link of article.querySelectorAll('a[href]')) {
    if (link.closest('.footnote, .footnote-reference')) continue
    shape.links.push(resolveHref(link.getAttribute('href') ?? '', base))
  }
  const text = (node: Node): string => {
    if (node.nodeType === node.TEXT_NODE) return node.textContent ?? ''
    if (node.nodeType !== node.ELEMENT_NODE) return ''
    const element = node as Element
    if (element.tagName === 'BR') return ' '
    if (element.matches('pre.raw-html')) return ` ${stripTags(element.textContent ?? '')} `
    const content = [...element.childNodes].map(text).join('')
    return BLOCK_ELEMENTS.has(element.tagName.toLowerCase()) ? ` ${content} ` : content
  }
  shape.text = normaliseWhitespace(text(article))
  return shape
}
