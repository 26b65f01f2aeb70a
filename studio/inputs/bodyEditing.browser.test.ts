import type {Locator, Page} from 'playwright-core'
import {beforeAll, describe, expect, it, onTestFailed} from 'vitest'

import {createLakeClient} from '../../lake/client.ts'
import type {Lake} from '../../lake/start.ts'
import {CHROMIUM_TAG} from '../../testing/chromium.ts'
import {useDocumentForm} from '../../testing/studio.ts'

const LESSON = 'lesson-to-edit'
const HREF = 'https://example.com/guide'
const START = 'A paragraph to extend.'
const TYPED = ' Some bold words and a link'
/** Keys typed before the draft exists: one, so a redraw cannot move the caret between two. */
const FIRST_KEYS = 1

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
  body: [paragraph('p1', 'An opening paragraph.'), paragraph('p2', START)],
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
 * Bold and a link in the body, then publishing, driven so that no step depends on timing: every
 * key goes to the body only once the page says the body's editor has the focus, a selection is
 * checked with `getSelection()` before a mark is applied, a mark is applied only while the text
 * lacks it, so a selection the editor undid is made again and no mark is ever toggled off (the
 * link last, so nothing is selected after its address field took the focus), and every step
 * waits for what the page or the lake holds rather than for a time.
 */
describe('editing a lesson body in the Studio', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-body-editing')
  let page: Page
  let lake: Lake
  beforeAll(() => {
    page = studio.page
    lake = studio.lake
  })

  /** Where the page's focus and selection are: inside the body's editor or not, and the text. */
  const selection = () =>
    page.evaluate(() => {
      const current = getSelection()
      const inBody = (node: Node | null | undefined) =>
        Boolean(
          (node instanceof Element ? node : node?.parentElement)?.closest(
            '[data-testid="field-body"] [contenteditable="true"]',
          ),
        )
      return {
        focused: inBody(document.activeElement),
        anchored: inBody(current?.anchorNode) && inBody(current?.focusNode),
        text: String(current ?? ''),
        collapsed: current?.isCollapsed ?? true,
        caretAfter: current?.anchorNode?.textContent?.slice(0, current.anchorOffset) ?? '',
      }
    })

  /**
   * Whether the Studio has nothing left to save and shows no validation error. While it saves,
   * the editor receives its own patches back and may put back the selection it had when it sent
   * them; and publishing then can validate a revision older than what is on screen.
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
  const untilSettled = () => expect.poll(settled, {timeout: 60_000, interval: 250}).toBe(true)

  it('types in the body, makes a word bold, links another, publishes, and the lake keeps text and marks', async () => {
    // Which step a failure (a timeout included) happened in, with the page as it was then.
    let step = 'focusing the body'
    onTestFailed(async () => {
      console.error(`Failed while: ${step}; selection: ${JSON.stringify(await selection())}`)
      await studio.shot('failed')
    })
    const client = createLakeClient(lake, {dataset: 'production'})
    const lastParagraph = (id: string) =>
      client.fetch<StoredBlock | null>('*[_id == $id][0].body[_key == "p2"][0]', {id}).then(spansOf)
    const draft = () => lastParagraph(`drafts.${LESSON}`)
    const wait = {timeout: 60_000, interval: 250}
    const body = page.locator('[data-testid="field-body"]').first()
    const editable = body.locator('[contenteditable="true"]').first()
    const button = (mark: string): Locator => body.getByTestId(`action-button-${mark}`).first()
    // The toolbar is drawn when the page is first idle; once it is, nothing re-renders the editor
    // between the focus and the keys.
    await body.getByTestId('pt-editor__toolbar-card').waitFor({timeout: 60_000})

    /**
     * Gives the body's editor the focus: a click on the last paragraph's text, until the page's
     * focus and selection are both in the editor (a click that lands while the editor re-renders
     * may leave them elsewhere). Keys are pressed only after this.
     */
    const focusBody = async () => {
      await expect
        .poll(async () => {
          const now = await selection()
          if (now.focused && now.anchored) return true
          await editable.getByText(START, {exact: false}).first().click()
          return false
        }, wait)
        .toBe(true)
    }

    /**
     * Tries once to select `word`, which `after` follows at the end of the body's last text: the
     * page's selection is set to exactly the word in one step, and the editor has read it once
     * the `selectionchange` it causes has reached a listener added after the editor's. Keys
     * (Shift+ArrowLeft, once per character) made a selection grow one character at a time, and
     * the editor, reading it a little later, applied bold to the part it had read ("wor**ds**",
     * seen in CI). The selection is then read back from the page; whether it is exactly the
     * word, inside the body, is the answer.
     */
    const trySelect = async (word: string, after = '') => {
      await untilSettled()
      await focusBody()
      const set = await page.evaluate(
        async ({word, after}) => {
          const root = document.querySelector('[data-testid="field-body"] [contenteditable="true"]')
          if (!root) return false
          const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
          let last: Text | null = null
          for (let node = texts.nextNode(); node; node = texts.nextNode())
            if (node.textContent) last = node as Text
          const text = last?.textContent ?? ''
          if (!last || !text.endsWith(`${word}${after}`)) return false
          const start = text.length - after.length - word.length
          const end = start + word.length
          // Already so (an attempt whose mark did not take): no selectionchange would come.
          const now = getSelection()!
          if (now.anchorNode === last && now.focusNode === last)
            if (now.anchorOffset === start && now.focusOffset === end) return true
          const read = new Promise((resolve) =>
            document.addEventListener('selectionchange', resolve, {once: true}),
          )
          now.setBaseAndExtent(last, start, last, end)
          await read
          // And the render that follows it.
          await new Promise(requestAnimationFrame)
          return true
        },
        {word, after},
      )
      if (!set) return false
      const now = await selection()
      return now.focused && now.anchored && !now.collapsed && now.text === word
    }

    /**
     * Until `done()` holds: each time it does not, `attempt()` once. Each attempt acts only on
     * what the page shows then (a mark is applied only while the text lacks it), so an attempt
     * that the editor undid is simply made again, and one that took is never repeated.
     */
    const until = (done: () => Promise<boolean>, attempt: () => Promise<unknown>) =>
      expect
        .poll(async () => {
          if (await done()) return true
          await attempt()
          return false
        }, wait)
        .toBe(true)

    await focusBody()
    await page.keyboard.press('Control+End')
    await expect
      .poll(selection, wait)
      .toMatchObject({focused: true, anchored: true, collapsed: true, caretAfter: START})
    step = 'typing'
    // The first key creates the draft. The editor is drawn again from the draft when it arrives,
    // and that can put the caret back where the click left it (seen in CI: the keys after it
    // landed in the middle of the paragraph, even the second of two). So the first key is typed
    // alone, and the rest once the draft is there and saved, with the caret put at the end again
    // and read back. The rest is one text input, as an input method enters a word: keys one by
    // one were still split by a redraw on a loaded machine ("A paragrap" + "ome bold words and a
    // link" + "h to extend. S", seen in CI), the keys after it typed where the click had been.
    await page.keyboard.type(TYPED.slice(0, FIRST_KEYS))
    await expect.poll(draft, wait).toEqual([[`${START}${TYPED.slice(0, FIRST_KEYS)}`, []]])
    await untilSettled()
    await focusBody()
    await page.keyboard.press('Control+End')
    await expect.poll(selection, wait).toMatchObject({
      focused: true,
      anchored: true,
      collapsed: true,
      caretAfter: `${START}${TYPED.slice(0, FIRST_KEYS)}`,
    })
    await page.keyboard.insertText(TYPED.slice(FIRST_KEYS))
    await expect.poll(draft, wait).toEqual([[`${START}${TYPED}`, []]])
    await studio.shot('1-typed')

    step = 'making a word bold'
    const boldWord = editable.locator('strong', {hasText: 'words'})
    await until(
      async () => (await boldWord.count()) > 0,
      async () => {
        if ((await trySelect('words', ' and a link')) && (await button('strong').isEnabled()))
          await button('strong').click({force: true})
      },
    )
    const bold = [
      [`${START} Some bold `, []],
      ['words', ['strong']],
      [' and a link', []],
    ]
    await expect.poll(draft, wait).toEqual(bold)
    await studio.shot('2-bold')

    // The link last: its address field takes the focus, and nothing is selected after it.
    step = 'linking'
    const href = page.locator('input[id$=".href"]').first()
    const linkWord = editable.locator('[data-link] [data-annotation]', {hasText: 'link'})
    await until(
      async () => (await href.count()) > 0 || (await linkWord.count()) > 0,
      async () => {
        if ((await trySelect('link')) && (await button('link').isEnabled()))
          await button('link').click({force: true})
      },
    )
    await href.waitFor({timeout: 60_000})
    await href.fill(HREF)
    const linked = [
      [`${START} Some bold `, []],
      ['words', ['strong']],
      [' and a ', []],
      ['link', [`link ${HREF}`]],
    ]
    await expect.poll(draft, wait).toEqual(linked)
    await page.keyboard.press('Escape')
    await href.waitFor({state: 'detached', timeout: 60_000})
    await linkWord.waitFor()
    await studio.shot('3-linked')

    step = 'publishing'
    // Settled for a second on end: a validation still catching up with the last patch shows no
    // error yet, and publishing then says the document has errors (seen on a loaded machine).
    let calm = 0
    await expect
      .poll(async () => (calm = (await settled()) ? calm + 1 : 0), wait)
      .toBeGreaterThan(4)
    // A click that lands while the document pane is drawn again publishes nothing (seen on a
    // loaded machine: the published text stayed as it was for a minute): the button is clicked
    // again until the published text is the draft's. A click while it publishes waits for it.
    const published = JSON.stringify(linked)
    await until(
      async () => JSON.stringify(await lastParagraph(LESSON)) === published,
      () =>
        page
          .getByTestId('action-publish')
          .click({timeout: 10_000})
          .catch(() => undefined),
    )
    // Published: the draft is gone, and once the Studio has nothing left to save it has made
    // no new one; the form shows the published text with its marks.
    await untilSettled()
    expect(await client.fetch('count(*[_id == $id])', {id: `drafts.${LESSON}`})).toBe(0)
    await editable.locator('strong', {hasText: 'words'}).waitFor({timeout: 30_000})
    await studio.shot('4-published')
  }, 240_000)
})
