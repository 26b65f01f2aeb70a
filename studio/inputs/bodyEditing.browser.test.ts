import type {Locator, Page} from 'playwright-core'
import {beforeAll, describe, expect, it, onTestFailed} from 'vitest'

import {createLakeClient} from '../../lake/client.ts'
import type {Lake} from '../../lake/start.ts'
import {CHROMIUM_TAG} from '../../testing/chromium.ts'
import {useDocumentForm} from '../../testing/studio.ts'

const LESSON = 'lesson-to-edit'
const HREF = 'https://example.com/guide'

const paragraph = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
})

/** A lesson whose body ends with a text paragraph, so Ctrl+End puts the caret at its end. */
const lesson = {
  _id: LESSON,
  _type: 'lesson',
  title: 'A lesson to edit',
  slug: {_type: 'slug', current: 'a-lesson-to-edit'},
  body: [paragraph('p1', 'An opening paragraph.'), paragraph('p2', 'A paragraph to extend.')],
}

type StoredBlock = {
  children: Array<{text: string; marks?: string[]}>
  markDefs?: Array<{_key: string; _type: string; href?: string}>
}

/**
 * The last paragraph's spans as `[text, marks]`, a link mark written as `link <href>`, so what the
 * editor did can be compared whatever keys the editor chose.
 */
function spansOf(block: StoredBlock | null | undefined) {
  if (!block) return null
  const defs = new Map(block.markDefs?.map((def) => [def._key, def]))
  return block.children.map((span) => [
    span.text,
    (span.marks ?? []).map((mark) => {
      const def = defs.get(mark)
      return def ? `${def._type} ${def.href}` : mark
    }),
  ])
}

/**
 * The whole editing loop on the body, driven by the keyboard rather than by double-clicks, whose
 * selection did not hold under a loaded machine: the caret goes to the end of the body with
 * Ctrl+End, text is typed, then selected with Shift+ArrowLeft, and every step waits for what it
 * needs (the caret where expected, the selection holding the word, the mark in the DOM, the draft
 * in the lake) instead of for a fixed time.
 */
describe('editing a lesson body in the Studio', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-body-editing')
  const shot = studio.shot
  let page: Page
  let lake: Lake
  beforeAll(() => {
    page = studio.page
    lake = studio.lake
  })

  /** The text of the page's current selection. */
  const selected = () => page.evaluate(() => String(getSelection()))

  /**
   * Whether the Studio has nothing left to save and shows no validation error. While it saves,
   * the editor receives its own patches back and may put back the selection it had when it sent
   * them, which would move a caret placed meanwhile; and publishing then can validate a revision
   * older than what is on screen.
   */
  const settled = () =>
    page.evaluate(() => {
      const saving = [...document.querySelectorAll('body *')].some(
        (element) => element.childElementCount === 0 && /^Saving/.test(element.textContent ?? ''),
      )
      const errors = document.querySelectorAll(
        '[aria-label="Validation"], [data-testid="input-validation-icon-error"]',
      ).length
      return !saving && errors === 0
    })
  const untilSettled = () => expect.poll(settled, {timeout: 30_000, interval: 250}).toBe(true)

  /** Whether the caret is collapsed at the very end of the body's text, after `tail`. */
  const caretAtEnd = (tail: string) =>
    page.evaluate((wanted) => {
      const selection = getSelection()
      const node = selection?.anchorNode
      return Boolean(
        selection?.isCollapsed &&
        node?.nodeType === Node.TEXT_NODE &&
        node.textContent?.endsWith(wanted) &&
        selection.anchorOffset === node.textContent.length &&
        node.parentElement?.closest('[data-testid="field-body"] [contenteditable="true"]'),
      )
    }, tail)

  /**
   * Selects `word`, which `after` follows up to the end of the body: Ctrl+End, one ArrowLeft per
   * character of `after`, one Shift+ArrowLeft per character of `word`. Keys act on the editor's
   * own caret, so the selection depends neither on where the pointer lands nor on how quickly
   * clicks follow each other; they are pressed again, once the Studio has settled, until the
   * selection holds the word.
   */
  async function select(word: string, after = '') {
    await expect
      .poll(
        async () => {
          await untilSettled()
          await page.keyboard.press('Control+End')
          for (let i = 0; i < after.length; i++) await page.keyboard.press('ArrowLeft')
          for (let i = 0; i < word.length; i++) await page.keyboard.press('Shift+ArrowLeft')
          return selected()
        },
        {timeout: 30_000, interval: 500},
      )
      .toBe(word)
  }

  it('types in the body, makes a word bold, links another, publishes, and the lake keeps text and marks', async () => {
    // Which step a failure (a timeout included) happened in, with the page as it was then.
    let step = 'focus'
    onTestFailed(async () => {
      console.error(`Failed while: ${step}`)
      await shot('failed')
    })
    const client = createLakeClient(lake, {dataset: 'production'})
    const lastParagraph = (id: string) =>
      client.fetch<StoredBlock | null>('*[_id == $id][0].body[_key == "p2"][0]', {id}).then(spansOf)
    const draft = () => lastParagraph(`drafts.${LESSON}`)
    const body = page.locator('[data-testid="field-body"]').first()
    const editable = body.locator('[contenteditable="true"]').first()
    const button = (mark: string): Locator => body.getByTestId(`action-button-${mark}`).first()
    const wait = {timeout: 60_000, interval: 500}
    // The toolbar is drawn when the page is first idle; waiting for it means no re-render of the
    // editor comes between the focus and the keys.
    await body.getByTestId('pt-editor__toolbar-card').waitFor({timeout: 60_000})

    // Focus (a click on the text; the toolbar's buttons are then enabled), the caret to the end.
    await expect
      .poll(async () => {
        if (!(await button('strong').isEnabled()))
          await editable.getByText('A paragraph to extend.').click()
        return button('strong').isEnabled()
      }, wait)
      .toBe(true)
    await expect
      .poll(async () => {
        await untilSettled()
        await page.keyboard.press('Control+End')
        return caretAtEnd('A paragraph to extend.')
      }, wait)
      .toBe(true)
    step = 'typing'
    await page.keyboard.type(' Some bold words and a link')
    await expect
      .poll(draft, wait)
      .toEqual([['A paragraph to extend. Some bold words and a link', []]])
    await shot('1-typed')

    // A mark button toggles, and under load the toolbar may show the state before the last
    // click: so a mark is applied only while the editor's text lacks it, then waited for in the
    // text, and the draft is polled until it has it (applied again if the editor lost it).
    step = 'linking'
    const linkedText = editable.locator('[data-link] [data-annotation]', {hasText: 'link'})
    const linked = [
      ['A paragraph to extend. Some bold words and a ', []],
      ['link', [`link ${HREF}`]],
    ]
    await expect
      .poll(async () => {
        if (!(await linkedText.count())) {
          await select('link')
          await button('link').click()
          await page.locator('input[id$=".href"]').first().fill(HREF, {timeout: 30_000})
          await linkedText.waitFor({timeout: 30_000})
          await page.keyboard.press('Escape')
        }
        return draft()
      }, wait)
      .toEqual(linked)
    await shot('2-linked')

    step = 'making a word bold'
    const boldText = editable.locator('strong', {hasText: 'words'})
    const bold = [
      ['A paragraph to extend. Some bold ', []],
      ['words', ['strong']],
      [' and a ', []],
      ['link', [`link ${HREF}`]],
    ]
    await expect
      .poll(async () => {
        if (!(await boldText.count())) {
          await select('words', ' and a link')
          await button('strong').click()
          await boldText.waitFor({timeout: 30_000})
        }
        return draft()
      }, wait)
      .toEqual(bold)
    await shot('3-bold')

    step = 'publishing'
    await untilSettled()
    await page.getByTestId('action-publish').click({timeout: 30_000})
    await expect.poll(() => lastParagraph(LESSON), wait).toEqual(bold)
    // Published: the draft is gone, and once the Studio has nothing left to save it has made
    // no new one; the form shows the published text with its marks.
    await untilSettled()
    expect(await client.fetch('count(*[_id == $id])', {id: `drafts.${LESSON}`})).toBe(0)
    await editable.locator('strong', {hasText: 'words'}).waitFor({timeout: 30_000})
    await shot('4-published')
    // Each step waits up to a minute for the Studio on a loaded machine; only a hang takes longer.
  }, 240_000)
})
