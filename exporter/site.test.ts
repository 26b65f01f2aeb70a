import {describe, expect, it} from 'vitest'

import {exportSite} from './index.ts'
import {comparable, exportFiles, importFiles, roundTrip} from './roundtrip.test-support.ts'
import {importHash, withImportStamp} from '../sync/hash.ts'

const CONFIG = 'title: Test site\n'

/** A one-page site whose lesson body is `body`, written in the canonical style. */
function page(body: string, title = 'Lesson'): Record<string, string> {
  return {
    '_config.yml': CONFIG,
    'course/index.md': '---\ntitle: "Course"\nnav_order: 1\n---\n\n# Course\n',
    'course/lesson.md': `---\ntitle: "${title}"\nparent: "Course"\nnav_order: 1\n---\n\n# ${title}\n\n${body}\n`,
  }
}

// Each construct as the canonical style writes it: exporting its import gives the same bytes.
const CANONICAL: Record<string, string> = {
  paragraphs: 'One paragraph.\n\nAnother, with a hard break  \nand the next line.',
  'line breaks in a row':
    '> **Input: Where is MIT?  \n> Output: Cambridge  \n> <br>\n> Input: Where is Stanford?**\n\nA  \n<br>\n<br>\nB',
  headings: '## Second\n\n### Third\n\n#### Fourth\n\n##### Fifth\n\n###### Sixth',
  'heading ids': '## The Operating System {#the-os}\n\nText.\n\n## Setup',
  'images on lines of their own in list items':
    '1. Open the form\n   ![The form](form.png)\n   and fill it in.\n2. Save it\n   ![Saved](saved.png)\n\n   Then close it.',
  'headings with line breaks':
    '### [Ada Lovelace](https://example.org/ada)<br>**she/her**\n\n## Week one<br>Setup and *tools*',
  marks:
    'Some **bold**, *em*, `code`, ~~gone~~, _**both**_, __*both*__ and **nested *em* inside**; `` a`b ``.',
  'code spans with spaces': 'Run `DEALLOCATE(1) ` then ``  000111 `` and `` a`b ``.',
  'emphasis inside a word around strong':
    'Proficient. A*dditional **ALU functionality*** presented.',
  escapes: 'Not \\*emphasis\\*, not a \\[link\\], a \\| pipe, snake_case and \\_under\\_.',
  backslashes:
    'Before punctuation kramdown does not escape a backslash is text: 50\\\\% and \\\\, in \\$a\\\\,b\\$.',
  'entities as text': 'The entity &amp;amp; written out, and &amp;#65; too.',
  'line starts': '\\# not a heading\n\n1\\. not a list\n\n\\- not a bullet',
  links:
    'See [the site](https://example.com "Example"), [mail](mailto:me@example.com) and [a part](#part).',
  'links with spaces in their text':
    '## [Binary Number System ](https://example.com/video)\n\nSee [ the video](https://example.com/video).',
  'internal links': 'Go [back to the course](index.md) or [its part](index.md#part).',
  labels:
    '<span class="label label-purple">Introduced 3.1</span>\n\nDue: **Lecture**{: .label .label-blue }, `make`{: .label } and **<span class="label label-yellow">Quiz 1</span><span class="label label-yellow">HW 1</span>**.',
  'bullet lists':
    '- one\n- two with **bold**\n  - nested a\n  - nested b\n    1. deep one\n    2. deep two\n- three',
  'numbered lists': '1. first\n2. second\n3. third',
  'list start': '1. counted as five\n2. counted as six\n{: start="5"}',
  'numbered lists one after another':
    '1. the first list\n\n<!-- -->\n\n1. the second list\n2. its second step',
  'numbered lists after a list of two':
    '1. a list\n\n<!-- -->\n\n1. a second list\n2. of two items\n\n<!-- -->\n\n1. a third list',
  'numbered lists of one item one after another':
    '1. open\n\n<!-- -->\n\n1. run\n\n<!-- -->\n\n1. read\n\n<!-- -->\n\n1. fix\n\n<!-- -->\n\n1. ship\n2. rest',
  'bullet lists one after another':
    '- **Always**\n  - be polite\n\n<!-- -->\n\n- **Never**\n  - sound annoyed\n\n<!-- -->\n\n- [ ] a task list of its own\n\n<!-- -->\n\n- and a fourth list',
  'task lists': '- [ ] todo\n- [x] done\n  - [ ] nested todo',
  'task items and bullets in one list': '- [ ] todo\n- a plain item\n- [x] done',
  'blocks inside items':
    '1. Clone the repository:\n\n   ```bash\n   git clone https://example.com/p.git\n   ```\n\n   The folder now holds the sources.\n2. Install:\n\n   ```\n   npm install\n   ```\n3. Done.',
  'items that start with a block or hold a rule':
    '1. Open the settings.\n2. ---\n\n   A step that starts with a rule keeps its number.\n3. ```sh\n   make\n   ```\n4. Save:\n\n    ---\n\n   the rule stays in the step.',
  'headings and quotes as items':
    '1. ### Install\n\n   Run the installer.\n2. > Quoted in the step.\n3. Done.',
  'bullet items that start with a rule':
    '- Open the settings.\n- ***\n\n  A step that starts with a rule.',
  'lists that open an item':
    '1. - a bullet opening the step\n   - another\n\n   The step goes on.\n2. Next.',
  'definition lists inside items':
    '1. Term\n   : The definition.\n\n   A paragraph of the step, after the list.\n2. Next.',
  'code with lines of spaces inside items':
    '1. Configure:\n\n   ```yaml\n   a: 1\n    \n   b: 2\n       \n   c: 3\n   ```\n2. Run.',
  'a callout opening an item':
    '1. > Stop the detector first.\n   {: .important }\n\n2. Then change its settings.',
  'lists below a callout inside an item':
    '1. Configure it.\n\n   {: .note }\n   > A restart is required.\n\n   1. Option 1\n   2. Option 2\n2. Run it.',
  'paragraphs inside items': '1. first\n2. second\n\n   more of second\n\n   - nested under second',
  code: '```python\nprint("hi")\n```\n\n```\nno language\n```',
  images: '![A diagram](images/diagram.png "The caption")\n\n![](images/no-alt.png)',
  'inline image': 'Text before ![remote](https://example.com/pic.jpg) text after.',
  'an image on a line of its own in a paragraph':
    'The caption above\n![A diagram](images/diagram.png)\nand the text under it.',
  'an image after a hard break': 'The circuit, drawn:  \n![A diagram](images/diagram.png)',
  'lists in an item one after another':
    '1. **Explain:**\n   - the use\n   - the layout\n\n   <!-- -->\n\n   - the implications',
  blockquote: '> A plain quote.',
  'quotes of several blocks':
    '> First paragraph.\n>\n> ## A heading\n>\n> 1. a step\n> 2. another\n>\n> ```\n> code\n> ```\n\n> A quote of its own.',
  'a quote of several blocks inside a quote and a callout':
    '> Outer.\n>\n> > Inner one.\n> >\n> > Inner two.\n>\n> After.\n\n{: .note }\n> A note\n>\n> > q1\n> >\n> > q2',
  'a quote of several blocks inside an item':
    '1. Step one.\n\n   > A note.\n   >\n   > - its detail\n\n2. Step two.',
  callouts:
    '{: .note }\n> Read this first.\n\n{: .warning }\n> Be careful.\n>\n> Very careful.\n\n{: .important-title }\n> Heads up\n>\n> Important text.\n\n{: .tip-title }\n> The `always` block, **bold** and [linked](https://example.com)\n>\n> Tip text.',
  details:
    '<details markdown="1">\n<summary>Click to expand</summary>\n\nHidden **markdown** content.\n\n- a list inside\n\n</details>',
  'details inside details':
    '<details markdown="1">\n<summary>Steps</summary>\n\nRun it.\n\n<details markdown="1">\n<summary>Request</summary>\n\n```json\nGET /_search\n```\n\n</details>\n\nAfter the request.\n\n</details>',
  'details with a marked summary':
    '<details markdown="1">\n<summary markdown="span">Fields: `config` and **bold**</summary>\n\nBody.\n\n</details>',
  footnotes:
    'A claim[^1] and another[^note].\n\n[^1]: The first footnote.\n\n[^note]: A footnote with **bold**.\n\n    Second paragraph of the note.',
  tables:
    '| Left | Center | Right | None |\n| :--- | :---: | ---: | --- |\n| **bold** | `code` | [link](https://example.com) | a \\| pipe |',
  'pipes in table cells':
    '| Operator | Meaning |\n| --- | --- |\n| `a|b` | either, as $$a \\| b$$ or [a link](https://example.com/a\\|b) |',
  'backticks in table cells':
    '| Parameter | Description |\n| --- | --- |\n| `a` | See [the `a` parameter&#96;](#a). |\n| `b` | Also `b`. |',
  'linked images':
    '[![A badge](https://img.shields.io/badge.svg)](https://ci.example.com)\n\n| Logo |\n| --- |\n| [![Home](images/home.png)](https://example.com) |',
  'merged table cells':
    '<table>\n<thead>\n<tr>\n<th colspan="2" align="center" markdown="1">\nLab **week**\n</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="center" markdown="1">\nCircuits\n</td>\n<td rowspan="2" align="center" markdown="1">\nB-104\n</td>\n</tr>\n<tr>\n<td align="center" markdown="1">\nAdders\n</td>\n</tr>\n<tr>\n<td align="center"></td>\n<td align="center" markdown="1">\nClosed\n</td>\n</tr>\n</tbody>\n</table>',
  'code in table cells':
    '<table>\n<thead>\n<tr>\n<th markdown="1">\nCommand\n</th>\n<th markdown="1">\nOutput\n</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td markdown="block">\n```console\n$ ls\n```\n</td>\n<td markdown="block">\n```\n{\n  "a": 1\n}\n```\n</td>\n</tr>\n</tbody>\n</table>',
  'images in table cells':
    '| Icon | Name |\n| --- | --- |\n| ![Done](images/done.png) | Finished |',
  divider: 'Before.\n\n---\n\nAfter.',
  embeds:
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Intro"></iframe>\n\n<video controls src="movie.mp4"></video>',
  'list embed':
    '1. Watch this:\n\n   <iframe src="https://www.youtube.com/embed/abc123" title="Intro"></iframe>\n2. Then this.',
  'definition lists':
    'Term one\n: The first definition.\n\nTerm two\n: Definition A.\n: Definition B.',
  'definitions holding blocks':
    'Shell\n: ```sh\n  npm run import\n  ```\n\n  Runs the import.\n\nSteps\n: 1. Open the folder.\n  2. Run it.\n\nNested\n: inner term\n  : inner description',
  'table of contents': '## On this page\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n## Installing\n\nText.',
  'table of contents leaving out a heading with a formula':
    '- TOC\n{:toc}\n\n# Building the $$\\beta$$ CPU\n{: .no_toc }\n\n## Datapath',
  'table of contents folded in details':
    '<details markdown="1">\n<summary>Table of contents</summary>\n\n- TOC\n{:toc}\n\n</details>\n\n## Setup\n\n## Another look\n{: .no_toc }',
  'table of contents levels':
    '## On this page\n{: .no_toc }\n\n- TOC\n{:toc}\n\n{::options toc_levels="2..3" /}\n\n## Installing\n\n#### Not listed',
  'callout bodies with blocks':
    '{: .note }\n> Run:\n>\n> ```sh\n> make\n> ```\n>\n> ![A diagram](images/diagram.png)',
  'details bodies with blocks':
    '<details markdown="1">\n<summary>More</summary>\n\n## Setup\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n</details>',
  math: 'The curve is $$q_d = 10 - p$$ and costs \\$5.\n\n$$\n\\begin{aligned}\nq &= 1\n\\end{aligned}\n$$\n\n$$\\pi = TR - TC$$',
  'formulas holding Liquid braces':
    'State {% raw %}$$\\overline{{S_1}}$${% endraw %} next.\n\n{% raw %}\n$$\\overline{{S_{1_i}}} \\cdot x$$\n{% endraw %}',
  'raw html': '<form action="/x"><input name="q"></form>',
  'linked formula': 'Typeset by [$$\\KaTeX$$](https://katex.org).',
  'formulas over lines':
    'The matrix $$\\left( \\begin{array}{cc}\na & b \\\\\nc & d \\end{array} \\right)$$  \nis given.',
  'formulas holding a pipe, which kramdown reads as a table on a line of its own':
    'Each token is looked up in a matrix\n$$E \\in \\R^{|V| \\times d}$$ (a parameter).\n\n$$|x|$$\nis the absolute value.',
  'link addresses holding angle brackets':
    '[2](https://example.com/names>) and [3](https://example.com/a<b).',
  'formula inside a link':
    'A [link with $$x^2$$ inside](https://katex.org), [$$y$$ first](https://katex.org/y).',
}

describe('exportSite', () => {
  for (const [construct, body] of Object.entries(CANONICAL)) {
    it(`writes ${construct} back byte for byte and re-imports the same documents`, () => {
      const files = page(body)
      const {before, after, exported} = roundTrip(files)
      expect(after).toEqual(before)
      expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
    })
  }

  // kramdown's parse_block_html reads every HTML block's content as markdown: a plain
  // `<summary>` would then run on to the end of the page, unless the export marks it as HTML.
  for (const [construct, body] of Object.entries(CANONICAL)) {
    it(`writes ${construct} so that a site reading block HTML as markdown reads the same documents`, () => {
      const files = page(body)
      const documents = importFiles(files)
      const reading = {...files, '_config.yml': `${CONFIG}kramdown:\n  parse_block_html: true\n`}
      const after = importFiles(exportFiles(reading, documents)).map(comparable)
      expect(after).toEqual(documents.map(comparable))
    })
  }

  it('keeps the title heading out of the table of contents when the page did', () => {
    const files = page('')
    files['course/lesson.md'] = files['course/lesson.md'].replace(
      '# Lesson\n\n\n',
      '# Lesson\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n## Setup\n',
    )
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
  })

  it('writes a definition term or definition readers do not see so that the list stays a list', () => {
    const files = page('Apr 10\n: A first entry.\n: [](#)\n   : **10PM** due\n\nApr 11\n: [](#)')
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toContain(
      'Apr 10\n: A first entry.\n\n  <span></span>\n  : **10PM** due\n\nApr 11\n: <span></span>',
    )
  })

  it('keeps a block below a task item whose text an editor emptied, off the checkbox line', () => {
    const documents = importFiles(page('- [ ] Build it:\n\n  ```sh\n  make\n  ```'))
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    const head = (lesson.body as Array<{children: Array<{_type: string; text?: string}>}>)[0]
    for (const child of head.children) if (child._type === 'span') child.text = ''
    const written = exportSite(documents).files.get('course/lesson.md')!
    expect(written).toContain('- [ ] \n\n  ```sh\n  make\n  ```')
    expect(written).not.toContain('[ ] ```')
  })

  it('writes collections back: a section’s pages, a data collection’s documents without a title, no defaults', () => {
    const files: Record<string, string> = {
      ...page('Text.'),
      '_config.yml': `${CONFIG}collections:\n  guides:\n    output: true\n  staff:\njust_the_docs:\n  collections:\n    guides:\n      name: Guides\ndefaults:\n  - scope: {path: '', type: staff}\n    values: {layout: staffer}\n`,
      '_guides/setup.md': '---\ntitle: "Setup"\nnav_order: 1\n---\n\nSet it up.\n',
      '_staff/ada.md': '---\nname: Ada\nrole: Instructor\n---\n\nTeaches the course.\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['_guides/setup.md']).toBe(files['_guides/setup.md'])
    expect(exported['_staff/ada.md']).toBe(files['_staff/ada.md'])
  })

  it('writes internal links back as the page wrote them while they still lead there', () => {
    const body =
      'A [tag link]({% link course/index.md %}#part), a [relative one](index.md) and a [page address](/course/).'
    const files = page(body)
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
    // Once the course moves, the written forms lead nowhere: the links follow the document.
    const documents = importFiles(files)
    const course = documents.find((doc) => doc._type === 'course')!
    ;(course.source as {path: string}).path = 'moved/index.md'
    const moved = exportSite(documents).files.get('course/lesson.md')
    expect(moved).toContain('[tag link](../moved/index.md#part)')
    expect(moved).toContain('[relative one](../moved/index.md)')
    expect(moved).toContain('[page address](../moved/index.md)')
  })

  it('leaves the file of a page read from HTML as it is while nobody edited the page, its scripts with it', () => {
    const files = {
      ...page('Use the [calculator](tools.html).'),
      'course/tools.html':
        '---\ntitle: Tools\nparent: Course\n---\n<p>Sum</p><script src="calc.js"></script>\n',
    }
    // Documents as the dataset holds them: stamped by the sync with what the import wrote.
    const stored = importFiles(files).map((doc) => withImportStamp(doc, importHash(doc), 'now'))
    const tools = stored.find((doc) => doc.title === 'Tools')!
    const result = exportSite(stored)
    expect([...result.files.keys()].sort()).toEqual(['course/index.md', 'course/lesson.md'])
    expect([...result.keptHtml]).toEqual(['course/tools.html'])
    expect(result.replaced.size).toBe(0)
    expect(result.diagnostics).toEqual([])
    expect(result.files.get('course/lesson.md')).toContain('[calculator](tools.html)')
    // Once edited, it is written as markdown in its place, and the export says what that drops.
    const edited = {...tools, title: 'Calculator'}
    const after = exportSite(stored.map((doc) => (doc === tools ? edited : doc)))
    expect([...after.replaced]).toEqual([['course/tools.html', 'course/tools.md']])
    expect(after.diagnostics).toEqual([
      expect.objectContaining({code: 'html-page-as-markdown', severity: 'warning'}),
    ])
  })

  it('writes an edited page read from HTML as markdown at the same address, which imports to the same document', () => {
    const files = {
      ...page('Use the [calculator](tools.html).'),
      'course/tools.html':
        '---\ntitle: Tools\nparent: Course\nnav_order: 2\n---\n<h2>Sum</h2>\n<p>Adds <b>two</b> numbers.</p>\n',
    }
    // Unstamped documents count as edited: nothing says they are what the import wrote.
    const documents = importFiles(files)
    const {files: written, diagnostics} = exportSite(documents)
    expect([...written.keys()].sort()).toEqual([
      'course/index.md',
      'course/lesson.md',
      'course/tools.md',
    ])
    expect(written.get('course/tools.md')).toContain('## Sum\n\nAdds **two** numbers.')
    expect(written.get('course/lesson.md')).toContain('[calculator](tools.html)')
    expect(diagnostics).toEqual([
      expect.objectContaining({code: 'html-page-as-markdown', file: 'course/tools.md'}),
    ])
    const {before, after} = roundTrip(files)
    const path = (doc: (typeof before)[number]) => (doc.source as {path?: string} | undefined)?.path
    expect(after.map((doc) => doc._id)).toEqual(before.map((doc) => doc._id))
    expect(after.map(path)).toEqual(before.map((doc) => path(doc)?.replace(/\.html$/, '.md')))
    const withoutPath = (doc: (typeof before)[number]) => ({
      ...doc,
      source: {...(doc.source as object), path: undefined},
    })
    expect(after.map(withoutPath)).toEqual(before.map(withoutPath))
  })

  it('writes an {% include %} back as the tag while its blocks are as the include made them', () => {
    const files: Record<string, string> = {
      ...page('Before.\n\n{% include note.md level="intro" %}\n\nAfter.'),
      '_includes/note.md': 'A **shared** {{ include.level }} note.\n\n- one\n- two\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
    // An editor changes a block the include made: the page now differs from the include, so
    // its blocks are written out and the tag is not.
    const documents = importFiles(files)
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    const body = lesson.body as Array<{children?: Array<{text?: string}>}>
    body[1].children![0].text = 'An edited '
    const edited = exportSite(documents).files.get('course/lesson.md')!
    expect(edited).not.toContain('{% include')
    expect(edited).toContain('An edited **shared** intro note.\n\n- one\n- two')
  })

  it('writes an {% include %} that made no block back after the block it followed, in its list item', () => {
    // What OpenSearch writes under each request: a label only the site's copy button reads.
    const files: Record<string, string> = {
      ...page(
        [
          '{% include copy.html %}',
          'Run this:',
          '```sh\nmake\n```',
          '{% include copy.html %}',
          '{% include copy.html %}',
          '1. Build\n2. Run',
          '{% include copy.html %}',
          '1. A list of its own:\n\n   ```sh\n   make all\n   ```\n\n   {% include copy.html %}\n2. A step\n   - nested\n\n     {% include copy.html %}\n3. Last step',
          'The end.',
        ].join('\n\n'),
      ),
      '_includes/copy.html': '<label hidden class="copy-label">copy</label>\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
    // The block it followed deleted in the Studio: the tag goes with it.
    const documents = importFiles(files)
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    const body = lesson.body as Array<{_type: string}>
    lesson.body = body.filter((block) => block._type !== 'codeBlock')
    const edited = exportSite(documents).files.get('course/lesson.md')!
    expect(edited.match(/\{% include copy\.html %\}/g)).toHaveLength(3)
    expect(edited).toContain('# Lesson\n\n{% include copy.html %}\n\nRun this:\n\n1. Build')
  })

  it('writes an {% include %} that shows nothing here back, for where it shows something', () => {
    // Its text depends on a parameter this page does not pass: Jekyll writes nothing for it.
    const files: Record<string, string> = {
      ...page(
        [
          'Intro.',
          '{% include more.html %}',
          '1. Step\n\n   {% include more.html %}\n\n   ```sh\n   make\n   ```\n2. Next',
        ].join('\n\n'),
      ),
      '_includes/more.html':
        '{% if include.link %}<a href="{{ include.link }}">Documentation</a>{% endif %}\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
  })

  it('does not stop at malformed percent-escapes in a written link or an asset address', () => {
    const documents = importFiles(page('Go [back](index.md).'))
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    const body = lesson.body as Array<{markDefs?: Array<Record<string, unknown>>}>
    body[0].markDefs![0].written = 'in%zz.md'
    lesson.body = [
      ...(lesson.body as object[]),
      {_type: 'image', _key: 'up', alt: 'A chart', asset: {_type: 'reference', _ref: 'image-x'}},
    ]
    documents.push({_id: 'image-x', _type: 'sanity.imageAsset', url: '/images/p/d/a%zz.png'})
    const {files, diagnostics} = exportSite(documents)
    expect(files.get('course/lesson.md')).toContain('Go [back](index.md).')
    expect(diagnostics).toEqual([expect.objectContaining({code: 'image-without-src'})])
  })

  it('writes no title H1 for a page whose body opens with an H1 of its own', () => {
    const files = {
      ...page(''),
      'course/lesson.md':
        '---\ntitle: "Lesson"\nparent: "Course"\nnav_order: 1\n---\n\n# Welcome\n\nText.\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
  })

  it('writes the title H1 only for a page that had one, as the import recorded it', () => {
    const files = {
      ...page(''),
      'course/lesson.md': '---\ntitle: "Lesson"\nparent: "Course"\nnav_order: 1\n---\n\nText.\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
    // A page whose body opens with a second H1 after the title's keeps both.
    const twice = {
      ...page(''),
      'course/lesson.md':
        '---\ntitle: "Lesson"\nparent: "Course"\nnav_order: 1\n---\n\n# Lesson\n\n# Welcome\n\nText.\n',
    }
    expect(roundTrip(twice).exported['course/lesson.md']).toBe(twice['course/lesson.md'])
  })

  it('reports text an editor left in a cell a merged cell covers, which the page cannot show', () => {
    const documents = importFiles(
      page(
        '<table>\n<tr><td rowspan="2">Monday</td><td>Circuits</td></tr>\n<tr><td>Adders</td></tr>\n</table>',
      ),
    )
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    const table = (lesson.body as Array<{rows: Array<{cells: Array<{content: unknown[]}>}>}>)[0]!
    table.rows[1]!.cells[0]!.content = table.rows[0]!.cells[1]!.content
    const {files, diagnostics} = exportSite(documents)
    expect(files.get('course/lesson.md')).not.toMatch(/Circuits[^]*Circuits/)
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'table-cell-covered',
        message: expect.stringMatching(/^Cannot write row 2, column 1 of a table \("Circuits"\)/),
      }),
    ])
  })

  it('reports an uploaded image that has no file in the site and leaves it out', () => {
    const documents = importFiles(page('Text.'))
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    lesson.body = [
      ...(lesson.body as object[]),
      {_type: 'image', _key: 'up', alt: 'A chart', asset: {_type: 'reference', _ref: 'image-abc'}},
    ]
    const {files, diagnostics} = exportSite(documents)
    expect(files.get('course/lesson.md')).toBe(page('Text.')['course/lesson.md'])
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'image-without-src',
        file: 'course/lesson.md',
        documentId: lesson._id,
      }),
    ])
  })

  it('writes responsibility sections and tool tables in the source shape', () => {
    const body = [
      '## Execution 🛠️',
      'Bringing the product vision to life.',
      '- **Collaboration**: Work closely with teams.\n- **Iteration**: Iterate on the product.',
      '## Tools',
      '| Tool Type | Examples |\n| --- | --- |\n| Project Management | Jira, Trello |',
    ].join('\n\n')
    const files = page(body, 'Core Responsibilities')
    const {before, after, exported} = roundTrip(files)
    const ids = before.map((doc) => doc._id)
    expect(ids).toEqual(
      expect.arrayContaining([
        'responsibility-collaboration',
        'tool-jira',
        'toolCategory-project-management',
      ]),
    )
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
  })

  /** A lesson whose next-lesson block names a second lesson, in the canonical style. */
  const nextLessonSite = (): Record<string, string> => ({
    ...page(
      'Lesson text.\n\n---\n\n<div class="nav-buttons">\n    <a href="/course/second.html" class="btn btn-primary">Next: Second 👉</a>\n</div>',
    ),
    'course/second.md':
      '---\ntitle: "Second"\nparent: "Course"\nnav_order: 2\n---\n\n# Second\n\nMore.\n',
  })

  it('writes the next-lesson navigation block with the address of the lesson it names', () => {
    const files = nextLessonSite()
    const {before, after, exported} = roundTrip(files)
    const lesson = before.find((doc) => doc._id.includes('lesson'))!
    expect(lesson.next).toMatchObject({lesson: {_ref: 'lesson-course_second'}})
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toBe(files['course/lesson.md'])
  })

  it('marks the next-lesson block as HTML on a site that reads block HTML as markdown', () => {
    const files = nextLessonSite()
    const documents = importFiles(files)
    const reading = {...files, '_config.yml': `${CONFIG}kramdown:\n  parse_block_html: true\n`}
    const exported = exportFiles(reading, documents)
    // Read as markdown, the indented link would be a code block.
    expect(exported['course/lesson.md']).toContain('<div class="nav-buttons" markdown="0">')
    expect(importFiles(exported).map(comparable)).toEqual(documents.map(comparable))
  })

  it('writes modules with grand_parent on their lessons and keeps other front matter', () => {
    const files: Record<string, string> = {
      '_config.yml': CONFIG,
      'c/index.md': '---\ntitle: "C"\nnav_order: 1\nhas_children: true\n---\n\n# C\n',
      'c/m/index.md':
        '---\ntitle: "M"\nparent: "C"\nnav_order: 1\nhas_children: true\n---\n\n# M\n',
      'c/m/l.md':
        '---\ntitle: "L"\nparent: "M"\ngrand_parent: "C"\nnav_order: 1\nlayout: default\ntags:\n  - a\n  - "yes"\n---\n\n# L 🚀\n\nText.\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    for (const path of Object.keys(files)) expect(exported[path]).toBe(files[path])
  })

  it('writes ancestor where parent and grand_parent name two places', () => {
    const files: Record<string, string> = {
      '_config.yml': CONFIG,
      'x.md': '---\ntitle: "X"\nnav_order: 1\n---\n\n# X\n',
      'xs.md': '---\ntitle: "S"\nparent: "X"\nnav_order: 1\n---\n\n# S\n',
      'xt.md': '---\ntitle: "T"\nparent: "S"\ngrand_parent: "X"\nnav_order: 1\n---\n\n# T\n',
      'y.md': '---\ntitle: "Y"\nnav_order: 2\n---\n\n# Y\n',
      'ys.md': '---\ntitle: "S"\nparent: "Y"\nnav_order: 1\n---\n\n# S\n',
      'yt.md': '---\ntitle: "T"\nparent: "S"\ngrand_parent: "Y"\nnav_order: 1\n---\n\n# T\n',
      'yu.md':
        '---\ntitle: "U"\nparent: "T"\ngrand_parent: "S"\nancestor: "Y"\nnav_order: 1\n---\n\n# U\n',
    }
    const {before, after, exported} = roundTrip(files)
    expect(before.find((doc) => doc._id === 'lesson-yt')?.lessons).toEqual([
      expect.objectContaining({_ref: 'lesson-yu'}),
    ])
    expect(after).toEqual(before)
    for (const path of Object.keys(files)) expect(exported[path]).toBe(files[path])
  })

  it('keeps a no-break space that starts a line after a hard break, which readers see', () => {
    const {before, after} = roundTrip(page('Host ranges:  \n&nbsp; 150.12.200.1 to 150.12.203.254'))
    const text = JSON.stringify(before.find((doc) => doc._type === 'lesson')?.body)
    expect(text).toContain('\u00a0 150.12.200.1')
    expect(after).toEqual(before)
  })

  it('re-imports the same documents for the seed page, which is not in the canonical style', () => {
    const files = page(
      'Intro text\nwrapped over two lines, with a [link](https://example.com).\n\n* star bullet\n* another\n\n***\n\nSetext\n------',
    )
    const {before, after} = roundTrip(files)
    expect(after).toEqual(before)
  })

  it('re-imports the same documents for labels side by side written as attribute lists, each its own badge', () => {
    const files = page(
      'Due: **Quiz 1**{: .label .label-yellow }**HW 1**{: .label .label-yellow } and **Lab**{: .label }',
    )
    const {before, after, exported} = roundTrip(files)
    expect(after).toEqual(before)
    expect(exported['course/lesson.md']).toContain(
      '**<span class="label label-yellow">Quiz 1</span><span class="label label-yellow">HW 1</span>**',
    )
  })

  it('leaves out the source hash when comparing, so a rewritten file can still compare equal', () => {
    const docs = importFiles(page('Text.'))
    expect(comparable(docs[0]).source).not.toHaveProperty('contentHash')
  })
})
