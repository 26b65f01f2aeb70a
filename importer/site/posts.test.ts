import {describe, expect, it} from 'vitest'

import {readConfig} from './config.ts'
import {readPosts} from './posts.ts'

const post = (path: string, front: string) => ({path, text: `---\n${front}\n---\nText.\n`})

describe('readPosts', () => {
  it('dates, titles and addresses posts as Jekyll does with its default permalink style', () => {
    // The addresses `jekyll build` (4.3) gives these files.
    const {posts, diagnostics} = readPosts(
      [
        post('_posts/2023-07-03-hello-world.md', 'redirect_to: https://example.org/slides'),
        post('_posts/2023-07-10-second-week.md', 'title: Week Two'),
        post('_posts/2023-07-05-draft.md', 'published: false'),
        post('_posts/2023-07-04-with-cat.md', 'category: Lecture Notes'),
        post('week1/_posts/2023-07-06-in-folder.md', 'title: In folder'),
        post('_posts/notes.md', 'title: No date in its name'),
      ],
      readConfig('title: Course\n').config,
    )
    expect(diagnostics).toEqual([])
    // The caller puts them in Jekyll's order (liquidSite.ts); here they are sorted by date.
    const byDate = [...posts].sort((a, b) => String(a.data.date).localeCompare(String(b.data.date)))
    expect(byDate.map((p) => [p.data.date, p.data.title, p.url, p.data.slug])).toEqual([
      ['2023-07-03', 'Hello World', '/2023/07/03/hello-world.html', 'hello-world'],
      ['2023-07-04', 'With Cat', '/lecture%20notes/2023/07/04/with-cat.html', 'with-cat'],
      ['2023-07-06', 'In folder', '/week1/2023/07/06/in-folder.html', 'in-folder'],
      ['2023-07-10', 'Week Two', '/2023/07/10/second-week.html', 'second-week'],
    ])
    expect(posts.every((p) => p.collection === 'posts')).toBe(true)
  })

  it('fills the placeholders of a permalink style from the front matter date and slug, as Jekyll does', () => {
    // The addresses `jekyll build` (4.3) gives these files with `permalink: weekdate`.
    const {posts} = readPosts(
      [
        post('_posts/2023-01-01-new-year.md', 'title: A'),
        post('_posts/2023-07-03-moved.md', 'date: 2023-08-01 10:00:00 -0700\nslug: Hello, World!'),
        post('_posts/2024-12-30-late.md', 'title: C'),
      ],
      readConfig('permalink: weekdate\n').config,
    )
    expect(posts.map((p) => p.url)).toEqual([
      '/2023/W52/Sun/new-year.html',
      '/2023/W31/Tue/Hello,-World!.html',
      '/2024/W01/Mon/late.html',
    ])
  })
})
