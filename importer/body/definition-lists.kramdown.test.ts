import type {Element, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {beforeAll, describe, expect, it} from 'vitest'

import {kramdownMissing, renderWithKramdown} from '../../fidelity/kramdown.ts'
import {convertBody} from './convert.ts'
import {portableTextToPlainText} from './plain-text.ts'

/**
 * Definition lists as kramdown delimits them: for each snippet, the terms and definitions
 * kramdown's HTML shows (`<dt>`s, then the `<dd>`s after them) are the importer's items.
 */
const SNIPPETS: Record<string, string> = {
  'a line after a definition is a lazy line of it, not a new term':
    'Term three\n: A definition wrapped\n  onto a second line.\nTerm four\n: Its definition.\n',
  'several terms share one definition': 'Apple\nPear\n: A fruit.\n',
  'lists separated by blank lines are one list':
    'Term\n\n: After a blank line.\n\n  An indented paragraph.\n\nNext\n: Its definition.\n',
  'content indented to a wider marker stays in the definition':
    'Term\n:   Four columns in.\n\n    Still the definition.\n\nAfter the list.\n',
  'blank lines between definitions of one term': 'Term\n: One.\n\n\n: Two.\n',
  'a tab after the marker': 'Term\n:\tTabbed definition.\n',
  'a quote inside a definition': 'Term\n: > Quoted\n  > advice.\n',
  'a list right after a definition line': 'Term\n: Text\n- a lazy bullet\n',
  'an HTML block ends the list': 'Term\n: Text\n<div>Block</div>\n',
  'a heading right before the terms': '## Section\nTerm\n: Definition.\n',
  'a definition list inside a list item': '- Item\n\n  Term\n  : Definition.\n',
  'a fence inside a definition':
    'Setup\n: ```sh\n  make\n  ```\n\n  Then run it.\n\nUse\n: Run `make run`.\n',
  'a nested definition list': 'Outer\n: inner term\n  : inner definition\n',
  'a line with only spaces between term and definition': 'Term\n  \n: Not a definition.\n',
  'two blank lines between term and definition': 'Term\n\n\n: Not a definition.\n',
}

interface Entry {
  terms: string[]
  definitions: string[]
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim()

function text(node: RootContent | Root): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(text).join('') : ''
}

// Every `<dl>` that is not inside another one (a nested list is part of its definition).
function outerLists(node: Root | Element, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'dl') out.push(child)
    else outerLists(child, out)
  }
  return out
}

// The top-level `<dl>`s of kramdown's HTML as entries: each run of `<dt>`s, then its `<dd>`s.
function kramdownEntries(html: string): Entry[] {
  const entries: Entry[] = []
  const root = fromHtml(html, {fragment: true})
  for (const list of outerLists(root)) {
    for (const child of list.children) {
      if (child.type !== 'element') continue
      const last = entries.at(-1)
      if (child.tagName === 'dt') {
        if (!last || last.definitions.length > 0) entries.push({terms: [], definitions: []})
        entries.at(-1)!.terms.push(words(text(child)))
      } else if (child.tagName === 'dd') {
        if (!last) entries.push({terms: [''], definitions: []})
        entries.at(-1)!.definitions.push(words(text(child as Element)))
      }
    }
  }
  return entries
}

type Item = {_type: string; items?: Array<{term?: unknown[]; definition?: unknown[]}>}

function importerEntries(markdown: string): Entry[] {
  const {body} = convertBody(markdown, {
    file: 'page.md',
    title: 'Page',
    lineOffset: 0,
    page: {},
    site: {},
    resolveLink: () => null,
  })
  return (body as Item[])
    .filter((item) => item._type === 'definitionList')
    .flatMap((list) => list.items ?? [])
    .map((item) => ({
      terms: (item.term ?? []).map((term) => words(portableTextToPlainText([term]))),
      definitions: [words(portableTextToPlainText(item.definition ?? []))].filter(Boolean),
    }))
}

// Several `<dd>`s of one term are one definition in the content model.
const joined = (entries: Entry[]) =>
  entries.map((entry) => ({terms: entry.terms, definition: words(entry.definitions.join(' '))}))

describe.skipIf(kramdownMissing() !== null)('definition lists, against kramdown', () => {
  const names = Object.keys(SNIPPETS)
  let htmls: string[] = []
  beforeAll(async () => {
    const results = await renderWithKramdown(names.map((name) => ({markdown: SNIPPETS[name]})))
    // An error must fail the snippets, not read as a page without definition lists.
    htmls = results.map((result, i) => {
      if ('html' in result) return result.html
      throw new Error(`kramdown could not render "${names[i]}": ${result.error}`)
    })
  })
  names.forEach((name, i) => {
    it(name, () => {
      expect(joined(importerEntries(SNIPPETS[name]))).toEqual(joined(kramdownEntries(htmls[i])))
    })
  })
})
