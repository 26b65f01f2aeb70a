import type {Page} from 'playwright-core'
import {beforeAll, describe, expect, it} from 'vitest'

import {createLakeClient} from '../../lake/client.ts'
import type {Lake} from '../../lake/start.ts'
import {CHROMIUM_TAG} from '../../testing/chromium.ts'
import {useDocumentForm} from '../../testing/studio.ts'

const LESSON = 'lesson-with-a-table'

const span = (key: string, text: string, marks: string[] = []) => ({
  _type: 'span',
  _key: key,
  text,
  marks,
})
const block = (key: string, children: object[]) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children,
})
const cell = (key: string, text: string) => ({
  _type: 'tableCell',
  _key: key,
  content: [block(`${key}b`, [span(`${key}s`, text)])],
})

/**
 * A lesson as the importer writes one: bold text, a 2 × 2 table, a table with merged cells and
 * one with a code block in a cell, an unconverted HTML block, a
 * purple label, a callout whose title and a collapsible section whose summary hold a code span.
 */
const lesson = {
  _id: LESSON,
  _type: 'lesson',
  title: 'A lesson with a table',
  slug: {_type: 'slug', current: 'a-lesson-with-a-table'},
  body: [
    block('p1', [span('a', 'Plain and '), span('b', 'bold', ['strong']), span('c', ' text.')]),
    {
      _type: 'table',
      _key: 'grid',
      headerRows: 1,
      rows: [
        {_type: 'tableRow', _key: 'r1', cells: [cell('c11', 'Tool'), cell('c12', 'Use')]},
        {_type: 'tableRow', _key: 'r2', cells: [cell('c21', 'Jira'), cell('c22', 'Tracking')]},
      ],
    },
    {
      _type: 'table',
      _key: 'merged',
      headerRows: 0,
      rows: [
        {
          _type: 'tableRow',
          _key: 'm1',
          cells: [{...cell('m11', 'Monday'), rowSpan: 2}, cell('m12', 'Circuits')],
        },
        {
          _type: 'tableRow',
          _key: 'm2',
          cells: [{_type: 'tableCell', _key: 'm21', content: []}, cell('m22', 'Adders')],
        },
      ],
    },
    {
      _type: 'table',
      _key: 'coded',
      headerRows: 0,
      rows: [
        {
          _type: 'tableRow',
          _key: 'k1',
          cells: [
            cell('k11', 'List the folder'),
            {
              _type: 'tableCell',
              _key: 'k12',
              content: [{_type: 'codeBlock', _key: 'k12c', language: 'console', code: '$ ls -l'}],
            },
          ],
        },
      ],
    },
    {_type: 'rawHtml', _key: 'html', html: '<marquee>old</marquee>', reason: 'HTML element'},
    block('p2', [span('d', 'A second paragraph.')]),
    {
      ...block('p3', [span('e', 'Introduced 3.1', ['lbl']), span('f', ' then plain text.')]),
      markDefs: [{_key: 'lbl', _type: 'label', color: 'purple'}],
    },
    {
      _type: 'callout',
      _key: 'tip',
      tone: 'tip',
      title: [block('t1', [span('g', 'The '), span('h', 'always', ['code']), span('i', ' block')])],
      body: [block('t2', [span('j', 'Its text.')])],
    },
    {
      _type: 'details',
      _key: 'more',
      summary: [block('s1', [span('k', 'Fields: '), span('l', 'config', ['code'])])],
      body: [block('s2', [span('m', 'Hidden text.')])],
    },
  ],
}

type StoredTable = {rows: Array<{cells: Array<{content?: Array<{children?: {text: string}[]}>}>}>}

describe('the lesson form as an editor reads it', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-inputs')
  const shot = studio.shot
  let page: Page
  let lake: Lake
  beforeAll(() => {
    page = studio.page
    lake = studio.lake
  })

  it('opens the body tall and editable, its toolbar drawn after it with Link and Internal link and no "Unconverted HTML" to insert, while the imported HTML block still shows', async () => {
    const body = page.locator('[data-testid="field-body"]').first()
    await body.scrollIntoViewIfNeeded()
    await body.getByText('<marquee>old</marquee>').waitFor({timeout: 30_000})
    const editor = body.getByTestId('pt-editor')
    expect((await editor.boundingBox())!.height).toBeGreaterThan(500)
    await body.locator('[contenteditable="true"]').first().waitFor({timeout: 30_000})
    await body.getByTestId('pt-editor__toolbar-card').waitFor({timeout: 30_000})
    for (const mark of ['link', 'internalLink']) {
      await expect
        .poll(() => body.getByTestId(`action-button-${mark}`).first().isVisible())
        .toBe(true)
    }
    await shot('1-body')
    // Everything the insert menu offers, including what its overflow menu holds.
    const insert = body.getByTestId('insert-menu-auto-collapse-menu')
    const offered = [...(await insert.innerText()).split('\n')]
    const more = insert.locator('[data-testid="insert-menu-button"]:visible')
    if (await more.count()) {
      // The insert buttons are enabled once the editor has a caret.
      await body.getByText('A second paragraph.').click()
      await more.click()
      const menu = page.locator('[data-ui="MenuButton__popover"], [data-ui="Popover"]').last()
      offered.push(...(await menu.innerText()).split('\n'))
      await shot('2-insert-menu')
      await page.keyboard.press('Escape')
    }
    expect(offered).toContain('Table')
    expect(offered).not.toContain('Unconverted HTML')
  })

  it('edits the table as a grid: cell text in place, rows and columns added and removed', async () => {
    const client = createLakeClient(lake, {dataset: 'production'})
    const draftTable = () =>
      client.fetch<StoredTable | null>('*[_id == $id][0].body[_key == "grid"][0]', {
        id: `drafts.${LESSON}`,
      })
    const texts = async () =>
      (await draftTable())?.rows.map((row) =>
        row.cells.map((c) => (c.content ?? []).map((b) => b.children?.[0]?.text ?? '').join('')),
      )
    const body = page.locator('[data-testid="field-body"]').first()
    await body.getByText('Tool | Use').dblclick()
    const grid = page.getByTestId('table-grid')
    await grid.waitFor({timeout: 30_000})
    await grid.getByLabel('Row 2, column 2').fill('Issue tracking')
    await expect.poll(texts, {timeout: 30_000}).toEqual([
      ['Tool', 'Use'],
      ['Jira', 'Issue tracking'],
    ])
    await page.getByRole('button', {name: 'Add row'}).click()
    await grid.getByLabel('Row 3, column 1').fill('Amplitude')
    await page.getByRole('button', {name: 'Add column'}).click()
    await grid.getByLabel('Row 1, column 3').fill('Owner')
    await expect.poll(texts, {timeout: 30_000}).toEqual([
      ['Tool', 'Use', 'Owner'],
      ['Jira', 'Issue tracking', ''],
      ['Amplitude', '', ''],
    ])
    await shot('3-table-grid')
    await page.getByRole('button', {name: 'Remove column 2'}).click()
    await page.getByRole('button', {name: 'Remove row 2'}).click()
    await expect.poll(texts, {timeout: 30_000}).toEqual([
      ['Tool', 'Owner'],
      ['Amplitude', ''],
    ])
    await shot('4-table-grid-removed')
    await page.keyboard.press('Escape')
  })

  it('shows the cell a merged cell covers in the grid, dimmed and not editable', async () => {
    const body = page.locator('[data-testid="field-body"]').first()
    await body.getByText('Monday | Circuits').dblclick()
    const grid = page.getByTestId('table-grid')
    await grid.waitFor({timeout: 30_000})
    const covered = grid.getByLabel(
      'Row 2, column 1, covered by the merged cell at row 1, column 1',
    )
    await covered.waitFor({timeout: 30_000})
    expect(await covered.getAttribute('readonly')).not.toBeNull()
    expect(await covered.getAttribute('placeholder')).toBe('↑ merged')
    expect(await grid.getByLabel('Row 2, column 2').getAttribute('readonly')).toBeNull()
    await page.keyboard.press('Escape')
  })

  it('shows a cell holding a code block in the grid by its code, left to the cell editor below', async () => {
    const body = page.locator('[data-testid="field-body"]').first()
    await body.getByText('List the folder | $ ls -l').dblclick()
    const grid = page.getByTestId('table-grid')
    const coded = grid.getByLabel('Row 1, column 2')
    await coded.waitFor({timeout: 30_000})
    expect(await coded.inputValue()).toBe('$ ls -l')
    expect(await coded.getAttribute('readonly')).not.toBeNull()
    expect(await coded.getAttribute('title')).toBe(
      'This cell has formatting: edit it in the rows below',
    )
    await shot('8-table-grid-code')
    await page.keyboard.press('Escape')
  })

  it('names a callout and a collapsible section in the body by their title and summary, rich text with a code span', async () => {
    const body = page.locator('[data-testid="field-body"]').first()
    const row = body.getByText('The always block').first()
    await row.scrollIntoViewIfNeeded({timeout: 30_000})
    // A collapsible section's summary likewise.
    await body.getByText('Fields: config').first().waitFor({timeout: 30_000})
    await shot('6-callout-title')
  })

  it('draws a label in the body as the badge readers see, in its colour, and in the Preview', async () => {
    const body = page.locator('[data-testid="field-body"]').first()
    const badge = body.locator('[data-label-color="purple"]', {hasText: 'Introduced 3.1'})
    await badge.scrollIntoViewIfNeeded({timeout: 30_000})
    expect(await badge.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(94, 65, 208)',
    )
    // The text after it is not in the badge, and the editor's own background for an annotated
    // text does not cover the badge's.
    expect(await badge.innerText()).not.toContain('plain')
    const covers = await badge.evaluate((element) =>
      [...element.querySelectorAll('span')].some(
        (inner) => getComputedStyle(inner).backgroundColor !== 'rgba(0, 0, 0, 0)',
      ),
    )
    expect(covers).toBe(false)
    await shot('7-label')
    await page.getByRole('tab', {name: 'Preview'}).first().click()
    const shown = page.locator('.course-page-preview .label.label-purple', {
      hasText: 'Introduced 3.1',
    })
    await shown.first().waitFor({timeout: 30_000})
    expect(await shown.first().evaluate((element) => getComputedStyle(element).display)).toBe(
      'inline-block',
    )
  })

  it('shows bold text bold and paragraphs spaced in the Preview', async () => {
    // The imported HTML block is drawn in a sandboxed frame without scripts; Chromium says so
    // when <marquee> (whose behaviour is a script of its own) is inside: the sandbox working.
    studio.watch.expectConsoleError(
      /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\./,
    )
    await page.getByRole('tab', {name: 'Preview'}).first().click()
    const preview = page.locator('.course-page-preview')
    const bold = preview.locator('strong', {hasText: 'bold'}).first()
    await bold.waitFor({timeout: 30_000})
    const weight = await bold.evaluate((element) => Number(getComputedStyle(element).fontWeight))
    expect(weight).toBeGreaterThanOrEqual(700)
    const paragraph = preview.locator('p', {hasText: 'Plain and'}).first()
    const spacing = await paragraph.evaluate((element) =>
      parseFloat(getComputedStyle(element).marginBottom),
    )
    expect(spacing).toBeGreaterThan(0)
    await shot('5-preview')
  })
})
