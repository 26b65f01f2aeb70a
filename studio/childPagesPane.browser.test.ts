import type {Server} from 'node:http'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createLakeClient} from '../lake/client.ts'
import {seedNdjson} from '../lake/seed.ts'
import {startTestLake} from '../lake/test-lake.ts'
import {scratchDir} from '../testing/artifacts.ts'
import {CHROMIUM_TAG} from '../testing/chromium.ts'
import {buildStudio, logIn, run, serveStudio, useStudioBrowser} from '../testing/studio.ts'

const COURSE = 'Ordering Course'
const MODULE = 'Ordering Module'

/** A just-the-docs site with one course, one module and two lessons, Alpha before Beta. */
const SITE: Record<string, string> = {
  '_config.yml': 'title: Ordering test\ntheme: just-the-docs\n',
  'course/index.md': `---\ntitle: "${COURSE}"\nnav_order: 1\nhas_children: true\n---\n\n# ${COURSE}\n\nA course.\n`,
  'course/module/index.md': `---\ntitle: "${MODULE}"\nparent: "${COURSE}"\nnav_order: 1\nhas_children: true\n---\n\n# ${MODULE}\n\nA module.\n`,
  'course/module/alpha.md': `---\ntitle: "Alpha"\nparent: "${MODULE}"\ngrand_parent: "${COURSE}"\nnav_order: 1\n---\n\n# Alpha\n\nFirst.\n`,
  'course/module/beta.md': `---\ntitle: "Beta"\nparent: "${MODULE}"\ngrand_parent: "${COURSE}"\nnav_order: 2\n---\n\n# Beta\n\nSecond.\n`,
}

describe('ordering in the course and module panes', {tags: [CHROMIUM_TAG]}, () => {
  let t: Awaited<ReturnType<typeof startTestLake>>
  let page: Page
  let studio: {server: Server; url: string}
  let work = ''
  const pageErrors: string[] = []
  const refusedData: string[] = []
  const shot = (name: string) => page.screenshot({path: join(work, `${name}.png`)})

  beforeAll(async () => {
    // Screenshots stay in .artifacts/child-pages-XXXXXX for a reviewer to look at.
    work = await scratchDir('child-pages-')
    const site = join(work, 'site')
    for (const [path, text] of Object.entries(SITE)) {
      mkdirSync(join(site, path, '..'), {recursive: true})
      writeFileSync(join(site, path), text)
    }
    // Served before it is built: the lake must know the Studio's origin, the build the lake's host.
    studio = await serveStudio(join(work, 'studio'))
    t = await startTestLake({studioOrigins: [studio.url], studioUrl: studio.url})
    const seedFile = join(work, 'site.ndjson')
    const importSite = async () => {
      await run(process.execPath, [
        '--import',
        'tsx',
        'scripts/import.ts',
        site,
        '--out',
        seedFile,
        '--no-cache',
      ])
      await seedNdjson(createLakeClient(t.lake, {dataset: 'production'}), seedFile)
    }
    await Promise.all([importSite(), buildStudio(join(work, 'studio'), t.lake, 'production')])
  }, 300_000)

  afterAll(async () => {
    await new Promise((done) => studio?.server.close(done))
    await t?.stop()
  })

  const session = useStudioBrowser(() => t.lake)

  beforeAll(() => {
    page = session.page
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // Every read and write this feature makes goes to the lake's /data/ endpoints.
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (response.status() >= 400 && url.pathname.includes('/data/'))
        refusedData.push(`${response.status()} ${response.request().method()} ${url.pathname}`)
    })
  })

  it('opens a lesson of a module by its id outside the "Not in the site\'s navigation" list', async () => {
    const client = createLakeClient(t.lake, {dataset: 'production', perspective: 'raw'})
    const alpha = await client.fetch<string>('*[_type == "lesson" && title == "Alpha"][0]._id')
    await logIn(page, t.lake)
    await page.goto(`${studio.url}/intent/edit/id=${alpha}`)
    const title = page.locator('[data-testid="field-title"] input').first()
    await expect.poll(() => title.inputValue().catch(() => ''), {timeout: 60_000}).toBe('Alpha')
    expect(new URL(page.url()).pathname).not.toContain('not-in-navigation')
    await shot('0-opened-by-intent')
  })

  it('adds a lesson in the module pane and reorders it by drag and drop, writing the module draft', async () => {
    const client = createLakeClient(t.lake, {dataset: 'production', perspective: 'raw'})
    const moduleId = await client.fetch<string>('*[_type == "module" && title == $title][0]._id', {
      title: MODULE,
    })
    const titlesOf = (ids: string[]) =>
      client.fetch<{_id: string; title: string}[]>('*[_id in $ids]{_id, title}', {
        ids: [...ids, ...ids.map((id) => `drafts.${id}`)],
      })
    /** The module draft's lessons as titles, in array order (null while there is no draft). */
    const draftLessons = async (): Promise<string[] | null> => {
      const refs = await client.fetch<string[] | null>('*[_id == $id][0].lessons[]._ref', {
        id: `drafts.${moduleId}`,
      })
      if (!refs) return null
      const titles = new Map(
        (await titlesOf(refs)).map((doc) => [doc._id.replace(/^drafts\./, ''), doc.title]),
      )
      return refs.map((ref) => titles.get(ref) ?? ref)
    }
    // The module pane's rows (the course pane beside it lists the module the same way).
    const pane = page.getByRole('region', {name: 'Lessons of this module', exact: true})
    const rows = pane.getByTestId('child-page-row')
    const rowTitles = async () =>
      (await rows.allInnerTexts()).map((text) => text.split('\n')[0]!.trim())

    await (await logIn(page, t.lake)).click()
    await page.getByText(COURSE, {exact: true}).first().click({timeout: 30_000})
    // The course pane lists its module, with "Course details" and the buttons to add pages.
    await page.getByText('Course details', {exact: true}).waitFor({timeout: 30_000})
    await page.getByRole('button', {name: 'New module'}).waitFor()
    await page.getByText(MODULE, {exact: true}).first().click()
    await expect.poll(rowTitles).toEqual(['Alpha', 'Beta'])
    await shot('1-module-pane')

    // Add a lesson where the editor is: it is created, appended to the module draft and opened.
    await pane.getByLabel('Title of the new page').fill('Gamma')
    await pane.getByRole('button', {name: 'New lesson'}).click()
    const title = page.locator('[data-testid="field-title"] input').first()
    await expect.poll(() => title.inputValue().catch(() => ''), {timeout: 30_000}).toBe('Gamma')
    // It opens like any lesson, with the views defaultDocumentNode gives lessons.
    await page.getByRole('tab', {name: 'Preview'}).first().waitFor()
    await expect.poll(rowTitles).toEqual(['Alpha', 'Beta', 'Gamma'])
    await expect.poll(draftLessons).toEqual(['Alpha', 'Beta', 'Gamma'])
    const published = await client.fetch<string[]>('*[_id == $id][0].lessons[]._ref', {
      id: moduleId,
    })
    expect(published).toHaveLength(2)
    const gamma = await client.fetch<{_id: string; slug: {current: string}}>(
      '*[_type == "lesson" && title == "Gamma"][0]{_id, slug}',
    )
    expect(gamma).toMatchObject({_id: expect.stringMatching(/^drafts\./), slug: {current: 'gamma'}})
    await shot('2-lesson-added')

    // Drag Gamma's handle onto the top half of Alpha: it lands first.
    const handle = (name: string) => pane.getByRole('button', {name: `Move "${name}"`})
    await handle('Gamma').dragTo(rows.first(), {targetPosition: {x: 40, y: 4}})
    await expect.poll(rowTitles).toEqual(['Gamma', 'Alpha', 'Beta'])
    await expect.poll(draftLessons).toEqual(['Gamma', 'Alpha', 'Beta'])
    await shot('3-dragged-to-top')

    // Drag Alpha below Beta, the last row's lower half.
    const last = (await rows.last().boundingBox())!
    await handle('Alpha').dragTo(rows.last(), {targetPosition: {x: 40, y: last.height - 4}})
    await expect.poll(draftLessons).toEqual(['Gamma', 'Beta', 'Alpha'])

    // The keyboard moves too: Alt+Up on Alpha's handle.
    await handle('Alpha').focus()
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(draftLessons).toEqual(['Gamma', 'Alpha', 'Beta'])
    await expect.poll(rowTitles).toEqual(['Gamma', 'Alpha', 'Beta'])
    await shot('4-reordered')
    await pane.getByText('Unpublished changes', {exact: false}).waitFor()

    // Another editor's reorder (here through the API) shows without reopening the pane.
    const draft = await client.getDocument<{lessons: object[]}>(`drafts.${moduleId}`)
    await client
      .patch(`drafts.${moduleId}`)
      .set({lessons: [...draft!.lessons].reverse()})
      .commit()
    await expect.poll(rowTitles).toEqual(['Beta', 'Alpha', 'Gamma'])

    // In the course pane, "New module" with no title adds an untitled module and opens its pane.
    const coursePane = page.getByRole('region', {name: 'Contents of this course', exact: true})
    await coursePane.getByRole('button', {name: 'New module'}).click()
    const courseRows = coursePane.getByTestId('child-page-row')
    await expect
      .poll(async () => (await courseRows.allInnerTexts()).map((text) => text.split('\n')[0]))
      .toEqual([MODULE, 'Untitled module'])
    await expect.poll(() => rows.count()).toBe(0)
    await pane.getByText('No lessons yet', {exact: false}).waitFor()
    const courseId = await client.fetch<string>('*[_type == "course" && title == $title][0]._id', {
      title: COURSE,
    })
    // The pane shows the new row at once; the draft reaches the lake when the Studio commits it.
    const courseDraft = () =>
      client.fetch<{_ref: string; _weak?: boolean}[] | null>('*[_id == $id][0].contents', {
        id: `drafts.${courseId}`,
      })
    await expect.poll(async () => (await courseDraft())?.length, {timeout: 30_000}).toBe(2)
    const contents = (await courseDraft())!
    expect(contents[1]).toMatchObject({_weak: true, _strengthenOnPublish: {type: 'module'}})
    await shot('5-new-module')
    // "Module details" still opens the module's own form.
    await pane.getByRole('link', {name: /^Module details/}).click()
    await expect
      .poll(() => title.inputValue().catch(() => ''), {timeout: 30_000})
      .toBe('Untitled module')
    await shot('6-module-details')
    expect(t.lake.unknownEndpoints.map((e) => `${e.method} ${e.path}`)).toEqual([])
    expect(pageErrors).toEqual([])
    expect(refusedData).toEqual([])
  })
})
