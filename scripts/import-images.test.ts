import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {createLakeClient, startLake} from '../lake/index.ts'

const ROOT = join(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'import-images-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** A 1×1 GIF: the smallest real image the lake can measure. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

/** A small site whose lessons show local images in markdown and in HTML, as real sites do. */
function writeSite(dir: string) {
  const page = (path: string, front: string, body: string) => {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), `---\n${front}\n---\n\n${body}\n`)
  }
  mkdirSync(join(dir, 'assets'), {recursive: true})
  writeFileSync(join(dir, 'assets', 'pixel.gif'), PIXEL)
  // A Mac names a screenshot with a narrow no-break space before "PM".
  writeFileSync(join(dir, 'assets', 'Screenshot at 2.05\u202fPM.gif'), PIXEL)
  writeFileSync(join(dir, '_config.yml'), 'title: Pictures\nbaseurl: /pictures\n')
  page('index.md', 'title: Home\nnav_order: 1', 'Welcome.')
  page('course/index.md', 'title: Drawing\nnav_order: 2', 'A course with pictures.')
  page('course/shapes/index.md', 'title: Shapes\nparent: Drawing', 'Shapes first.')
  page(
    'course/shapes/circles.md',
    'title: Circles\nparent: Shapes\ngrand_parent: Drawing\nnav_order: 1',
    'A circle:\n\n![A pixel](../../assets/pixel.gif)',
  )
  page(
    'course/shapes/squares.md',
    'title: Squares\nparent: Shapes\ngrand_parent: Drawing\nnav_order: 2',
    'A square:\n\n<img src="/assets/pixel.gif" alt="Another pixel">\n\n' +
      '<img src="/assets/Screenshot at 2.05\u202fPM.gif" alt="A screenshot">',
  )
  page(
    'course/colours.md',
    'title: Colours\nparent: Drawing',
    'A lesson straight in the course.\n\n![Same pixel](/assets/pixel.gif)\n\n' +
      // The server reads `/pictures//assets/pixel.gif` as the site's `/assets/pixel.gif`.
      '<img src="{{ site.baseurl }}//assets/pixel.gif" alt="Written with two slashes">',
  )
}

describe('npm run import into the local dataset', {timeout: 180_000}, () => {
  // On worker threads, each page's images are uploaded as the page is converted.
  it.each([
    ['on this thread', '0'],
    ['on worker threads', '2'],
  ])(
    'writes every page, module, course and the site when pages use local images, a file named with a no-break space or after the base and two slashes too (pages converted %s)',
    async (_, workers) => {
      const site = join(scratch, `site-${workers}`)
      const lakeDir = join(scratch, `lake-${workers}`)
      writeSite(site)
      const args = ['--import', 'tsx', 'scripts/import.ts', site, '--workers', workers]
      const run = spawnSync(process.execPath, args, {
        cwd: ROOT,
        encoding: 'utf8',
        env: {...process.env, LAKE_DIR: lakeDir, SANITY_PROJECT_ID: '', SANITY_API_TOKEN: ''},
      })
      expect(run.status, run.stdout + run.stderr).toBe(0)

      const lake = await startLake({dir: lakeDir, port: 0, log: () => undefined})
      try {
        const client = createLakeClient(lake, {dataset: 'production'})
        const docs = await client.fetch<{_type: string; title: string; images: string[]}[]>(
          `*[_type in ["site", "course", "module", "lesson"]] | order(_type, title) {
          _type, title, "images": body[_type == "image"].asset->url
        }`,
        )
        expect(docs.map((d) => `${d._type}: ${d.title}`)).toEqual([
          'course: Drawing',
          'course: Home',
          'lesson: Circles',
          'lesson: Colours',
          'lesson: Squares',
          'module: Shapes',
          'site: Pictures',
        ])
        // One asset for the five uses of the same bytes, and each lesson shows it.
        const urls = docs.flatMap((d) => d.images ?? [])
        expect(urls).toHaveLength(5)
        expect(urls.every((url) => typeof url === 'string')).toBe(true)
        expect(new Set(urls).size).toBe(1)
        const course = await client.fetch<{contents: string[]; lessons: string[]}>(
          `*[_type == "course" && title == "Drawing"][0]{
          "contents": contents[]->title,
          "lessons": *[_type == "module" && title == "Shapes"][0].lessons[]->title
        }`,
        )
        expect(course).toEqual({contents: ['Colours', 'Shapes'], lessons: ['Circles', 'Squares']})
        const site = await client.fetch<{courses: string[]}>(
          `*[_type == "site"][0]{"courses": courses[]->title}`,
        )
        expect(site.courses).toEqual(['Home', 'Drawing'])
      } finally {
        await lake.close()
      }
    },
  )
})
