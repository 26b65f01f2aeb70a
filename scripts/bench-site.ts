/**
 * A synthetic just-the-docs site for `npm run bench`: courses → modules → lessons of realistic
 * markdown (headings with emoji, marks, links between lessons, lists, task lists, tables, code,
 * callouts, blockquotes, footnotes, raw HTML, Liquid). Deterministic for a given seed.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

import {prepareSite, type SiteFile} from '../importer/index.ts'
import {MARKDOWN_FILE} from '../schemas/constants.ts'
import {seeded} from '../testing/seeded.ts'
import {readSite} from './readSite.ts'

const WORDS =
  'product vision strategy roadmap user research feedback data team design engineering market customer value metric launch release backlog priority stakeholder risk budget iteration experiment hypothesis insight journey persona outcome'.split(
    ' ',
  )
const EMOJI = ['🚀', '🌟', '🛠️', '📊', '🤝', '🕵️‍♀️', '👍🏽', '🎁', '⚠️', '🗺️']

interface Lesson {
  path: string
  title: string
}

function lessonBody(rnd: () => number, lesson: Lesson, siblings: Lesson[]): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]
  const words = (n: number) => Array.from({length: n}, () => pick(WORDS)).join(' ')
  const sentence = () => {
    const text = words(8 + Math.floor(rnd() * 12))
    return `${text[0].toUpperCase()}${text.slice(1)}.`
  }
  const sibling = pick(siblings)
  const link = `[${sibling.title}](${sibling.path.split('/').pop()})`
  const paragraph = () =>
    `${sentence()} **${words(2)}** and _${words(2)}_ with \`${pick(WORDS)}()\`. ${link} or [docs](https://example.com/${pick(WORDS)}). ${sentence()}`
  const parts = [
    `# {{ page.title }} ${pick(EMOJI)}`,
    paragraph(),
    `## ${words(3)} ${pick(EMOJI)}`,
    paragraph(),
    Array.from({length: 3}, () => `- **${words(2)}**: ${sentence()} ${pick(EMOJI)}`).join('\n'),
    `## ${words(2)}`,
    `1. ${sentence()}\n2. ${sentence()}\n   - ${words(4)}\n3. ${sentence()}`,
    `{: .note }\n> ${sentence()}`,
    paragraph(),
  ]
  if (rnd() < 0.5) {
    parts.push(
      `| Column | Examples |\n|---|---|\n${Array.from({length: 4}, () => `| ${words(2)} | ${words(3)} |`).join('\n')}`,
    )
  }
  if (rnd() < 0.5)
    parts.push(`\`\`\`js\nconst ${pick(WORDS)} = [1, 2, 3].map((x) => x * 2)\n\`\`\``)
  if (rnd() < 0.3) parts.push(`- [x] ${words(3)}\n- [ ] ${words(3)}`)
  if (rnd() < 0.3) parts.push(`${sentence()}[^1]\n\n[^1]: ${sentence()}`)
  if (rnd() < 0.2)
    parts.push(
      `<details markdown="1">\n<summary>${words(2)}</summary>\n\n${sentence()}\n</details>`,
    )
  parts.push(paragraph(), `---\n\n[Next: ${sibling.title}]({% link ${sibling.path} %}){: .btn }`)
  return parts.join('\n\n') + '\n'
}

/** Generates `lessons` lesson pages in courses of 10 modules, plus the course and module pages. */
export function generateSite(lessons: number, seed = 1): SiteFile[] {
  const rnd = seeded(seed)
  const perModule = 50
  const modules = Math.ceil(lessons / perModule)
  const files: SiteFile[] = [{path: '_config.yml', text: 'title: Bench\ntheme: just-the-docs\n'}]
  for (let m = 0; m < modules; m++) {
    const c = Math.floor(m / 10)
    const course = `Course ${c + 1}`
    const module = `Module ${c + 1}.${(m % 10) + 1}`
    const dir = `course-${c + 1}/module-${(m % 10) + 1}`
    if (m % 10 === 0) {
      files.push({
        path: `course-${c + 1}/index.md`,
        text: `---\ntitle: ${course}\nnav_order: ${c + 1}\n---\n`,
      })
    }
    files.push({
      path: `${dir}/index.md`,
      text: `---\ntitle: ${module}\nparent: ${course}\nnav_order: ${(m % 10) + 1}\n---\n\nAbout this module.\n`,
    })
    const count = Math.min(perModule, lessons - m * perModule)
    const group: Lesson[] = Array.from({length: count}, (_, i) => ({
      path: `${dir}/lesson-${i + 1}.md`,
      title: `Lesson ${m + 1}.${i + 1} ${WORDS[i % WORDS.length]}`,
    }))
    group.forEach((lesson, i) => {
      const front = `title: ${lesson.title}\nparent: ${module}\ngrand_parent: ${course}\nnav_order: ${i + 1}\nlayout: default`
      files.push({
        path: lesson.path,
        text: `---\n${front}\n---\n\n${lessonBody(rnd, lesson, group)}`,
      })
    })
  }
  return files
}

/** Writes a generated site into `dir`, one file per page, as `npm run import` reads it. */
export function writeSite(files: readonly SiteFile[], dir: string): void {
  for (const file of files) {
    const path = join(dir, ...file.path.split('/'))
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, file.text ?? file.bytes ?? '')
  }
}

/**
 * The page of the site in `folder` to edit, as a writer edits one: the first in path order of
 * the markdown pages the importer converts (what the site publishes, with a title) that has a
 * body. (An empty body's first line also changes the text before it, which Jekyll counts with
 * the front matter: that edit prepares the whole site, as a changed title does. An HTML page is
 * no markdown for the floor's remark-parse to parse: natalieagus/50002's `404.html` was taken.)
 */
export async function editablePage(folder: string): Promise<string> {
  const {files, others} = await readSite(folder)
  const {jobs} = prepareSite(files, {otherFiles: others})
  const page = jobs
    .filter((job) => MARKDOWN_FILE.test(job.file) && job.markdown.trim() !== '')
    .map((job) => job.file)
    .sort()[0]
  if (page === undefined)
    throw new Error(`Cannot measure a changed page: no page of ${folder} has a title and a body.`)
  return page
}
