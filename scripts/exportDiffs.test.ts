import {describe, expect, it} from 'vitest'

import {exportSite} from '../exporter/index.ts'
import {importFiles} from '../exporter/roundtrip.test-support.ts'
import type {ImportedDocument} from '../importer/index.ts'
import {unifiedDiff} from './unifiedDiff.ts'

/** A small site in the canonical style: two courses, a module each, three lessons in the first. */
function page(title: string, lines: string[], body: string): string {
  return `---\ntitle: "${title}"\n${lines.join('\n')}\n---\n\n# ${title}\n\n${body}\n`
}

const SITE: Record<string, string> = {
  '_config.yml': 'title: Test site\n',
  'one/index.md': page('One', ['nav_order: 1'], 'The first course.'),
  'one/basics/index.md': page('Basics', ['parent: "One"', 'nav_order: 1'], 'A module.'),
  'one/basics/a.md': page(
    'Lesson A',
    ['parent: "Basics"', 'grand_parent: "One"', 'nav_order: 1'],
    'Text of lesson A.',
  ),
  'one/basics/b.md': page(
    'Lesson B',
    ['parent: "Basics"', 'grand_parent: "One"', 'nav_order: 2'],
    'Text of lesson B.',
  ),
  'one/basics/c.md': page(
    'Lesson C',
    ['parent: "Basics"', 'grand_parent: "One"', 'nav_order: 3'],
    'Text of lesson C.',
  ),
  'two/index.md': page('Two', ['nav_order: 2'], 'The second course.'),
  'two/more/index.md': page('More', ['parent: "Two"', 'nav_order: 1'], 'Another module.'),
  'two/more/d.md': page(
    'Lesson D',
    ['parent: "More"', 'grand_parent: "Two"', 'nav_order: 1'],
    'Text of lesson D.',
  ),
}

function byId(documents: ImportedDocument[], id: string): ImportedDocument {
  const doc = documents.find((candidate) => candidate._id === id)
  if (!doc) throw new Error(`Cannot find ${id}, expected it in the imported documents`)
  return doc
}

function refs(ids: string[]) {
  return ids.map((id) => ({_key: id, _type: 'reference', _ref: id}))
}

/** Exports the documents after `edit` and returns the diff of every file that changed. */
function diffAfter(edit: (documents: ImportedDocument[]) => void): Record<string, string> {
  const documents = importFiles(SITE)
  expect(Object.fromEntries(exportSite(documents).files)).toEqual(
    Object.fromEntries(Object.entries(SITE).filter(([path]) => path.endsWith('.md'))),
  )
  edit(documents)
  const diffs: Record<string, string> = {}
  for (const [path, text] of exportSite(documents).files) {
    const diff = unifiedDiff(
      SITE[path] ?? '',
      text,
      SITE[path] ? `a/${path}` : '/dev/null',
      `b/${path}`,
    )
    if (diff) diffs[path] = diff
  }
  return diffs
}

describe('small diffs: an editor change touches only the lines and files it must', () => {
  it('a changed word changes one line of one file', () => {
    const diffs = diffAfter((documents) => {
      const body = byId(documents, 'lesson-one_basics_b').body as Array<{
        children: Array<{text: string}>
      }>
      body[0].children[0].text = 'Text of lesson Bee.'
    })
    expect(diffs).toEqual({
      'one/basics/b.md': [
        '--- a/one/basics/b.md',
        '+++ b/one/basics/b.md',
        '@@ -7,4 +7,4 @@',
        ' ',
        ' # Lesson B',
        ' ',
        '-Text of lesson B.',
        '+Text of lesson Bee.',
        '',
      ].join('\n'),
    })
  })

  it('two lessons swapped in the module change the nav_order line of those two', () => {
    const diffs = diffAfter((documents) => {
      byId(documents, 'module-one_basics_index').lessons = refs([
        'lesson-one_basics_a',
        'lesson-one_basics_c',
        'lesson-one_basics_b',
      ])
    })
    expect(Object.keys(diffs).sort()).toEqual(['one/basics/b.md', 'one/basics/c.md'])
    expect(diffs['one/basics/b.md']).toContain('-nav_order: 2\n+nav_order: 3\n')
    expect(diffs['one/basics/c.md']).toContain('-nav_order: 3\n+nav_order: 2\n')
    for (const diff of Object.values(diffs)) {
      expect(diff.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toHaveLength(2)
    }
  })

  it('a new lesson at the end of a module is one new file, and no other file changes', () => {
    const diffs = diffAfter((documents) => {
      documents.push({
        _id: 'lesson-new',
        _type: 'lesson',
        title: 'Lesson E',
        slug: {_type: 'slug', current: 'lesson-e'},
        body: [
          {
            _type: 'block',
            _key: 'k',
            style: 'normal',
            markDefs: [],
            children: [{_type: 'span', _key: 's', text: 'New text.', marks: []}],
          },
        ],
      })
      const module = byId(documents, 'module-one_basics_index')
      module.lessons = [...(module.lessons as object[]), ...refs(['lesson-new'])]
    })
    expect(Object.keys(diffs)).toEqual(['one/basics/lesson-e.md'])
    expect(diffs['one/basics/lesson-e.md']).toBe(
      [
        '--- /dev/null',
        '+++ b/one/basics/lesson-e.md',
        '@@ -0,0 +1,10 @@',
        '+---',
        '+title: "Lesson E"',
        '+parent: "Basics"',
        '+grand_parent: "One"',
        '+nav_order: 4',
        '+---',
        '+',
        '+# Lesson E',
        '+',
        '+New text.',
        '',
      ].join('\n'),
    )
  })

  it('a module moved to another course changes its parent line and its lessons’ grand_parent line', () => {
    const diffs = diffAfter((documents) => {
      byId(documents, 'course-one_index').contents = []
      byId(documents, 'course-two_index').contents = refs([
        'module-two_more_index',
        'module-one_basics_index',
      ])
    })
    expect(Object.keys(diffs).sort()).toEqual([
      'one/basics/a.md',
      'one/basics/b.md',
      'one/basics/c.md',
      'one/basics/index.md',
    ])
    expect(diffs['one/basics/index.md']).toContain(
      '-parent: "One"\n-nav_order: 1\n+parent: "Two"\n+nav_order: 2\n',
    )
    for (const lesson of ['a', 'b', 'c']) {
      const changed = diffs[`one/basics/${lesson}.md`]
        .split('\n')
        .filter((line) => /^[-+][^-+]/.test(line))
      expect(changed).toEqual(['-grand_parent: "One"', '+grand_parent: "Two"'])
    }
  })
})
