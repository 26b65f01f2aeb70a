import type {Locator, Page} from 'playwright-core'
import {beforeAll, describe, expect, it, onTestFailed} from 'vitest'

import {CHROMIUM_TAG} from '../testing/chromium.ts'
import {useDocumentForm} from '../testing/studio.ts'

const LESSON = 'lesson-with-previews'

const span = (key: string, text: string) => ({_type: 'span', _key: key, text, marks: []})
const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [span(`${key}s`, text)],
})
const cell = (key: string, text: string) => ({
  _type: 'tableCell',
  _key: key,
  content: [block(`${key}b`, text)],
})
const row = (key: string, ...texts: string[]) => ({
  _type: 'tableRow',
  _key: key,
  cells: texts.map((text, i) => cell(`${key}c${i}`, text)),
})
const ref = (id: string, key?: string) => ({
  _type: 'reference',
  _ref: id,
  ...(key ? {_key: key} : {}),
})

/** The shared documents the lesson's responsibility section and tool table refer to. */
const related = [
  {_id: 'area-discovery', _type: 'responsibilityArea', title: 'Discovery', emoji: '🧭', order: 1},
  ...['Roadmapping', 'User research', 'Prioritisation', 'Stakeholder updates'].map((name, i) => ({
    _id: `responsibility-${i}`,
    _type: 'responsibility',
    name,
    area: ref('area-discovery'),
    order: i + 1,
    description: [block(`d${i}`, `What ${name} means.`)],
  })),
  {_id: 'category-pm', _type: 'toolCategory', title: 'Project Management', order: 1},
  {_id: 'category-analytics', _type: 'toolCategory', title: 'Analytics', order: 2},
  ...[
    ['jira', 'Jira', 'category-pm'],
    ['trello', 'Trello', 'category-pm'],
    ['amplitude', 'Amplitude', 'category-analytics'],
  ].map(([id, name, category]) => ({
    _id: `tool-${id}`,
    _type: 'tool',
    name,
    category: ref(category),
  })),
]

/** A lesson holding every block whose preview issue 12 made readable, as the importer writes them. */
const lesson = {
  _id: LESSON,
  _type: 'lesson',
  title: 'A lesson with every preview',
  slug: {_type: 'slug', current: 'a-lesson-with-every-preview'},
  body: [
    block('intro', 'The blocks below are shown by their content.'),
    {
      _type: 'table',
      _key: 'tools-table',
      headerRows: 1,
      rows: [row('r1', 'Tool', 'Use'), row('r2', 'Jira', 'Tracking')],
    },
    {_type: 'table', _key: 'one-row', headerRows: 1, rows: [row('o1', 'Owner', 'Team')]},
    {
      _type: 'image',
      _key: 'roadmap',
      alt: 'A product roadmap on a whiteboard',
      src: 'https://img.example.org/roadmap.png',
    },
    {
      _type: 'responsibilitySection',
      _key: 'discovery',
      area: ref('area-discovery'),
      responsibilities: related
        .filter((doc) => doc._type === 'responsibility')
        .map((doc, i) => ref(doc._id, `rs${i}`)),
    },
    {
      _type: 'toolTable',
      _key: 'tools',
      columnTitles: ['Tool Type', 'Examples'],
      rows: [
        {
          _type: 'toolTableRow',
          _key: 'pm',
          category: ref('category-pm'),
          tools: [ref('tool-jira', 'j'), ref('tool-trello', 't')],
        },
        {
          _type: 'toolTableRow',
          _key: 'analytics',
          category: ref('category-analytics'),
          tools: [ref('tool-amplitude', 'a')],
        },
      ],
    },
    {
      _type: 'definitionList',
      _key: 'glossary',
      items: [
        {
          _type: 'definitionListItem',
          _key: 'api',
          term: [block('apiTerm', 'API')],
          definition: [block('apiDef', 'An interface.')],
        },
      ],
    },
    {
      _type: 'quote',
      _key: 'quote',
      body: [
        block('q1', 'A quote of two paragraphs.'),
        {...block('q2', 'Its list item.'), listItem: 'bullet', level: 1},
      ],
    },
    {
      ...block('icon', 'Select the '),
      children: [
        span('icon-a', 'Select the '),
        {
          _type: 'inlineImage',
          _key: 'gear',
          alt: 'gear icon',
          src: 'https://img.example.org/gear.png',
        },
        span('icon-b', ' to open the settings.'),
      ],
    },
    block('outro', 'The end.'),
  ],
}

/**
 * Waits until `scope` shows `text` exactly, in an element of its own that is visible: the body's
 * insert menu, once drawn, holds hidden items of the same names ("Tool table").
 */
const shows = (scope: Locator, text: string) =>
  scope.getByText(text, {exact: true}).filter({visible: true}).first().waitFor({timeout: 30_000})

describe('readable previews in the lesson form', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-previews', related)
  let page: Page
  beforeAll(() => {
    page = studio.page
  })

  it('shows tables as their text and size, remote images by description and host, responsibility sections and tool tables by name, with correct plurals, quotes of several blocks by their text, images in a line of text by description', async () => {
    onTestFailed(() => studio.shot('failed').then(() => undefined))
    const body = page.locator('[data-testid="field-body"]').first()
    for (const text of [
      'Tool | Use',
      'Table · 2 rows × 2 columns',
      'Owner | Team',
      'Table · 1 row × 2 columns',
      'A product roadmap on a whiteboard',
      'Image · remote, img.example.org',
      'Discovery 🧭',
      'Roadmapping, User research, Prioritisation and 1 more',
      'Tool table',
      'Project Management, Analytics',
      'API',
      'Definition list · 1 term',
      'A quote of two paragraphs. Its list item.',
      'Quote',
    ])
      await shows(body, text)
    expect(await body.getByText('Untitled').count()).toBe(0)
    // An image among words is shown in its line, by its description.
    await shows(body, 'gear icon')
    await body.getByText('Discovery 🧭', {exact: true}).first().scrollIntoViewIfNeeded()
    await studio.shot('1-body-previews')

    // A table's rows, below its grid, read as their cells' text.
    await body.getByText('Tool | Use', {exact: true}).first().dblclick()
    const rows = page.locator('[data-testid^="field-body"][data-testid$=".rows"]').last()
    await rows.waitFor({timeout: 30_000})
    await shows(rows, 'Tool | Use')
    await shows(rows, 'Jira | Tracking')
    await studio.shot('2-table-rows')
    // A row's cells read as their text.
    await rows.getByText('Jira | Tracking', {exact: true}).first().click()
    const cells = page.locator('[data-testid^="field-body"][data-testid$=".cells"]').last()
    await cells.waitFor({timeout: 30_000})
    await shows(cells, 'Jira')
    await shows(cells, 'Tracking')
    await studio.shot('3-row-cells')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await cells.waitFor({state: 'detached', timeout: 30_000})

    // A tool table's rows name their category and its tools.
    await body.getByText('Tool table', {exact: true}).filter({visible: true}).first().dblclick()
    const toolRows = page.locator('[data-testid^="field-body"][data-testid$=".rows"]').last()
    await toolRows.waitFor({timeout: 30_000})
    await shows(toolRows, 'Project Management')
    await shows(toolRows, 'Jira, Trello')
    await shows(toolRows, 'Analytics')
    await shows(toolRows, 'Amplitude')
    await studio.shot('4-tool-table-rows')
    await page.keyboard.press('Escape')
    await toolRows.waitFor({state: 'detached', timeout: 30_000})

    // A quote of several blocks opens on its own text, its list item among it.
    await body
      .getByText('A quote of two paragraphs. Its list item.', {exact: true})
      .first()
      .dblclick()
    const quoted = page.locator('[data-testid^="field-body"][data-testid$=".body"]').last()
    await quoted.waitFor({timeout: 30_000})
    await shows(quoted, 'A quote of two paragraphs.')
    await shows(quoted, 'Its list item.')
    await studio.shot('5-quote-body')
  })
})
