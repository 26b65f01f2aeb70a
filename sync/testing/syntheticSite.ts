/** A synthetic just-the-docs site: courses → modules → lessons of realistic markdown. */
export type SyntheticOptions = {
  courses?: number
  modulesPerCourse?: number
  lessonsPerModule?: number
}

/** A site file as the importer reads it. */
export type GeneratedFile = {path: string; bytes: Uint8Array}

const WORDS =
  'product roadmap customer discovery metric experiment launch backlog stakeholder vision strategy feedback iteration prototype interview market segment pricing retention onboarding'.split(
    ' ',
  )

function sentence(seed: number, length = 14): string {
  const words = Array.from({length}, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length])
  const text = words.join(' ')
  return text[0].toUpperCase() + text.slice(1) + '.'
}

function lessonBody(seed: number, title: string): string {
  return [
    `# ${title}`,
    '',
    `${sentence(seed)} ${sentence(seed + 1)} **${WORDS[seed % WORDS.length]}** and _${WORDS[(seed + 3) % WORDS.length]}_ matter.`,
    '',
    '## Key ideas',
    '',
    ...Array.from({length: 4}, (_, i) => `- ${sentence(seed + i, 8)}`),
    '',
    '## In practice',
    '',
    sentence(seed + 5, 30),
    '',
    '```js',
    `const score = reach * impact * ${seed % 10} / effort`,
    '```',
    '',
    '| Step | Owner |',
    '| ---- | ----- |',
    `| ${WORDS[seed % WORDS.length]} | PM |`,
    `| ${WORDS[(seed + 1) % WORDS.length]} | Team |`,
    '',
    `> ${sentence(seed + 9, 12)}`,
    '',
    sentence(seed + 11, 40),
    '',
  ].join('\n')
}

const encode = (text: string) => new TextEncoder().encode(text)
const frontMatter = (fields: Record<string, string | number | boolean>) =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`)
    .join('\n')}\n---\n\n`

/** The site's files; the default is 10 courses × 25 modules × 20 lessons = 5,000 lessons. */
export function syntheticSite(options: SyntheticOptions = {}): GeneratedFile[] {
  const {courses = 10, modulesPerCourse = 25, lessonsPerModule = 20} = options
  const files: GeneratedFile[] = [
    {path: '_config.yml', bytes: encode('title: Synthetic courses\ntheme: just-the-docs\n')},
  ]
  let seed = 0
  for (let c = 1; c <= courses; c++) {
    const course = `Course ${c}`
    files.push({
      path: `course-${c}/index.md`,
      bytes: encode(
        frontMatter({title: course, nav_order: c, has_children: true}) +
          `# ${course}\n\n${sentence(c, 20)}\n`,
      ),
    })
    for (let m = 1; m <= modulesPerCourse; m++) {
      const module = `Course ${c} module ${m}`
      files.push({
        path: `course-${c}/module-${m}/index.md`,
        bytes: encode(
          frontMatter({title: module, parent: course, nav_order: m, has_children: true}) +
            `# ${module}\n\n${sentence(c * m, 20)}\n`,
        ),
      })
      for (let l = 1; l <= lessonsPerModule; l++) {
        const title = `Lesson ${c}.${m}.${l}`
        files.push({
          path: `course-${c}/module-${m}/lesson-${l}.md`,
          bytes: encode(
            frontMatter({title, parent: module, grand_parent: course, nav_order: l}) +
              lessonBody(seed++, title),
          ),
        })
      }
    }
  }
  return files
}
