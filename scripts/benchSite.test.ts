import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {editablePage, writeSite} from './bench-site.ts'

const scratch = mkdtempSync(join(tmpdir(), 'bench-site-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** A site folder holding `files` (text by path). */
function site(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name)
  writeSite(
    Object.entries(files).map(([path, text]) => ({path, text})),
    dir,
  )
  return dir
}

describe('the page the benchmark edits', () => {
  it('is the first markdown page the site publishes with a title and a body, as a writer edits one', async () => {
    const dir = site('pages', {
      '.github/issue.md': '---\ntitle: Issue\n---\n\nA template.\n',
      // An HTML page: the floor parses the edited page as markdown.
      '404.html': '---\ntitle: Not found\n---\n\n<p>Nothing here.</p>\n',
      '_drafts/draft.md': '---\ntitle: Draft\n---\n\nNot yet.\n',
      'a/index.md': '---\ntitle: Course\nnav_order: 1\n---\n',
      'a/b.md': '---\nnav_order: 2\n---\n\nNo title.\n',
      'a/c.md': '---\ntitle: Lesson\n---\n\nA body.\n',
      'a/d.md': '---\ntitle: Later\n---\n\nAnother body.\n',
    })
    expect(await editablePage(dir)).toBe('a/c.md')
  })

  it('says so when no page has a title and a body', async () => {
    const dir = site('none', {'index.md': '---\ntitle: Home\n---\n\n  \n'})
    await expect(editablePage(dir)).rejects.toThrow(/no page of .*none has a title and a body/)
  })
})
