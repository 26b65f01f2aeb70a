import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {describe, expect, it} from 'vitest'

import {resolveExtraction} from '../extract/config.ts'
import {convertBody} from './index.ts'
import type {ConvertContext} from './index.ts'
import {evaluateLiquid} from './liquid.ts'
import {portableTextToPlainText} from './plain-text.ts'
import {createState} from './state.ts'

const ctx = (overrides: Partial<ConvertContext> = {}): ConvertContext => ({
  file: 'docs/page.md',
  title: 'Page',
  lineOffset: 0,
  page: {},
  site: {},
  resolveLink: () => null,
  ...overrides,
})

/** The body after Liquid and the diagnostics Liquid reported. */
function liquid(source: string, overrides: Partial<ConvertContext> = {}) {
  const state = createState(ctx(overrides), resolveExtraction(undefined))
  const text = evaluateLiquid(source, state)
  return {text, diagnostics: state.diagnostics, state}
}

describe('{% include %}', () => {
  it('inserts an HTML include with a quoted parameter and a page variable as include.x', () => {
    const {text, diagnostics} = liquid(
      'A\n{% include card.html kind="tip" text=page.summary %}\nB\n',
      {
        page: {summary: 'Small steps.'},
        includes: {'card.html': '<div class="{{ include.kind }}">{{ include.text }}</div>\n'},
      },
    )
    expect(text).toBe('A\n<div class="tip">Small steps.</div>\n\nB\n')
    expect(diagnostics).toEqual([])
  })

  it('inserts a markdown include from a subfolder of _includes/, evaluating its own Liquid', () => {
    const {text} = liquid('{% include parts/intro.md %}', {
      site: {title: 'Handbook'},
      includes: {'parts/intro.md': 'Welcome to *{{ site.title }}*.'},
    })
    expect(text).toBe('Welcome to *Handbook*.')
  })

  it('passes parameters on through nested includes, and unescapes quoted values', () => {
    const {text} = liquid(`{% include outer.md who='Ana\\'s team' %}`, {
      includes: {
        'outer.md': '{% include inner.md name=include.who %}',
        'inner.md': 'Hello {{ include.name }}, {{ include.who }}!',
      },
    })
    expect(text).toBe("Hello Ana's team, !")
  })

  it('reads a file name built from a page variable', () => {
    const {text} = liquid('{% include {{ page.kind }}.html %}', {
      page: {kind: 'warning'},
      includes: {'warning.html': '<b>Careful</b>'},
    })
    expect(text).toBe('<b>Careful</b>')
  })

  it('keeps a missing include as text and names the _includes/ path it looked for', () => {
    const {text, diagnostics} = liquid('{% include nav/missing.html x="1" %}', {includes: {}})
    expect(text).toBe('{% include nav/missing.html x="1" %}')
    expect(diagnostics).toMatchObject([
      {
        severity: 'warning',
        code: 'liquid-include',
        line: 1,
        message: expect.stringContaining('_includes/nav/missing.html is not in the site'),
      },
    ])
  })

  it('does not take inherited object properties for include files', () => {
    const {text, diagnostics} = liquid('{% include constructor %}', {includes: {}})
    expect(text).toBe('{% include constructor %}')
    expect(diagnostics[0].code).toBe('liquid-include')
  })

  it('keeps a file name with ".." as text, as Jekyll rejects it', () => {
    const {text, diagnostics} = liquid('{% include ../secret.md %}', {
      includes: {'../secret.md': 'leaked'},
    })
    expect(text).toBe('{% include ../secret.md %}')
    expect(diagnostics[0]).toMatchObject({code: 'liquid-include'})
  })

  it('keeps an include whose parameters Jekyll rejects as text', () => {
    const {text, diagnostics} = liquid('{% include a.md flag %}', {includes: {'a.md': 'A'}})
    expect(text).toBe('{% include a.md flag %}')
    expect(diagnostics[0]).toMatchObject({code: 'liquid-include', message: /parameters/})
  })

  it('reports an include that includes itself as an error instead of recursing for ever', () => {
    const {text, diagnostics} = liquid('Top\n\n{% include a.md %}\n', {
      includes: {'a.md': 'A {% include b.md %}', 'b.md': 'B {% include a.md %}'},
    })
    expect(text).toBe('Top\n\nA B {% include a.md %}\n')
    expect(diagnostics).toMatchObject([
      {
        severity: 'error',
        code: 'liquid-include-cycle',
        line: 3,
        message: expect.stringContaining(
          'itself without end: _includes/a.md → _includes/b.md → _includes/a.md (in _includes/b.md)',
        ),
      },
    ])
  })

  it('stops includes that multiply beyond the size budget with an error', () => {
    const includes: Record<string, string> = {'leaf.md': 'x'.repeat(100_000)}
    for (let level = 0; level < 8; level++) {
      const next = level === 0 ? 'leaf.md' : `l${level - 1}.md`
      includes[`l${level}.md`] = `{% include ${next} %}{% include ${next} %}`
    }
    const {text, diagnostics} = liquid('{% include l7.md %}', {includes})
    expect(text.length).toBeLessThan(5 * 1024 * 1024)
    expect(diagnostics.some((d) => d.code === 'liquid-include-limit')).toBe(true)
  })

  it('stops includes nested deeper than the depth limit with an error', () => {
    const includes: Record<string, string> = {'d30.md': 'bottom'}
    for (let level = 0; level < 30; level++)
      includes[`d${level}.md`] = `{% include d${level + 1}.md %}`
    const {text, diagnostics} = liquid('{% include d0.md %}', {includes})
    expect(text).toBe('{% include d20.md %}')
    expect(diagnostics).toMatchObject([{severity: 'error', code: 'liquid-include-limit'}])
  })

  it('warns about a parameter whose variable it cannot read, and leaves it unset', () => {
    const {text, diagnostics} = liquid('{% include p.md v=forloop.index %}', {
      includes: {'p.md': '[{{ include.v }}]'},
    })
    expect(text).toBe('[]')
    expect(diagnostics.map((d) => d.code)).toEqual(['liquid-unknown', 'liquid-undefined'])
    expect(diagnostics[1].message).toContain('(in _includes/p.md)')
  })

  it('reports a problem of an include used twice under one page tag once', () => {
    const {diagnostics} = liquid('{% include outer.md %}\n{% include inner.md %}', {
      includes: {
        'outer.md': '{% include inner.md %} {% include inner.md %}',
        'inner.md': '{% if x %}',
      },
    })
    expect(diagnostics.map(({code, line}) => ({code, line}))).toEqual([
      {code: 'liquid-control', line: 1},
      {code: 'liquid-control', line: 2},
    ])
  })

  it('inserts the file include_relative names beside the page, as Jekyll does', () => {
    const {text, diagnostics} = liquid(
      '```python\n{% include_relative code/example.py %}\n```\n{% include_relative code/{{ page.lang }}.md %}',
      {
        page: {lang: 'en'},
        relativeIncludes: {
          'docs/code/example.py': 'print(1)',
          'docs/code/en.md': 'Hello {{ page.lang }}',
        },
      },
    )
    expect(text).toBe('```python\nprint(1)\n```\nHello en')
    expect(diagnostics).toEqual([])
  })

  it('keeps an include_relative of a file the site does not have as text, naming the path it looked for', () => {
    const {text, diagnostics} = liquid('{% include_relative code/example.py %}', {
      includes: {'code/example.py': 'print(1)'},
    })
    expect(text).toBe('{% include_relative code/example.py %}')
    expect(diagnostics[0]).toMatchObject({
      code: 'liquid-include',
      message: /docs\/code\/example\.py is not in the site/,
    })
  })
})

describe('lines after an include', () => {
  const includes = {'steps.md': '1. One\n2. Two [x](javascript:1)\n3. Three\n'}

  it('points diagnostics from included text at the include tag, later ones at their own line', () => {
    const source = 'Intro.\n\n{% include steps.md %}\n\nAfter [y](javascript:2).\n'
    const {diagnostics, body} = convertBody(source, ctx({lineOffset: 3, includes}))
    expect(portableTextToPlainText(body)).toContain('Two x')
    expect(diagnostics.map(({code, line, column}) => ({code, line, column}))).toEqual([
      {code: 'unsafe-link', line: 6, column: 1},
      {code: 'unsafe-link', line: 8, column: 7},
    ])
  })

  it('keeps page lines right after an include tag written over several lines', () => {
    const source = '{% include steps.md\n   kind="a" %}\n\n[z](javascript:3)\n'
    const {diagnostics} = convertBody(source, ctx({includes}))
    expect(diagnostics.map((d) => d.line)).toEqual([1, 4])
  })

  it('names page lines in limit diagnostics made after Liquid (delimiters, nesting)', () => {
    const lines = (source: string, limits: ConvertContext['limits']) =>
      convertBody(source, ctx({lineOffset: 2, includes, limits}))
        .diagnostics.filter((d) => d.code !== 'unsafe-link')
        .map(({code, line}) => ({code, line}))
    expect(lines('{% include steps.md %}\n\n*a* *b* *c* *d*\n', {maxDelimiters: 4})).toEqual([
      {code: 'too-many-delimiters', line: 5},
    ])
    expect(lines('{% include steps.md %}\n\n> > > > deep\n', {maxNesting: 3})).toEqual([
      {code: 'page-too-deep', line: 5},
    ])
  })
})

describe('whitespace control', () => {
  // The rows an include writes, as just-the-docs-tests' profiles page writes its tables.
  const includes = {
    'row.md':
      '{%- comment -%}\nOne row.\n{%- endcomment -%}\n\n{%- capture t -%}\nx{{ include.v }}\n{%- endcapture -%}\n\n| {{ t }} | b {{ include.v -}}\n',
  }

  it('drops the whitespace around a tag with - markers, and writes nothing for a comment, as Jekyll does', () => {
    expect(
      liquid('A\n{{- page.x -}}\n\nB {%- comment %}\nnote\n{% endcomment %}!', {page: {x: 1}}).text,
    ).toBe('A1B!')
    const rows = '| A | B |\n|:--|--:|\n{% include row.md v="1" %}\n{% include row.md v="2" %}\n'
    expect(liquid(rows, {includes}).text).toBe('| A | B |\n|:--|--:|\n| x1 | b 1\n| x2 | b 2\n')
  })

  it('keeps the rows an include writes in one table, and later lines on their page lines', () => {
    const rows = '| A | B |\n|:--|--:|\n{% include row.md v="1" %}\n{% include row.md v="2" %}\n'
    const source = `${rows}\n{%- comment -%}\nTwo\nlines.\n{%- endcomment %}\n\n[z](javascript:3)\n`
    const {body, diagnostics} = convertBody(source, ctx({includes}))
    expect(body.map((item) => [item._type, (item as {rows?: unknown[]}).rows?.length])).toEqual([
      ['table', 3],
      ['block', undefined],
    ])
    expect(diagnostics.filter((d) => d.code === 'unsafe-link').map((d) => d.line)).toEqual([11])
  })
})

describe('Liquid control flow', () => {
  const liquidSite = {
    data: {links: [{title: 'Forum', url: 'https://forum.example'}]},
    pages: [],
    collections: {
      staffers: [
        {
          file: '_staffers/ada.md',
          url: '/staffers/ada',
          data: {name: 'Ada', role: 'Instructor', layout: 'staffer'},
          body: 'Teaches *proofs*.\n',
          collection: 'staffers',
        },
        {
          file: '_staffers/bea.md',
          url: '/staffers/bea',
          data: {name: 'Bea', role: 'TA', layout: 'missing-theme-layout'},
          body: 'Grades.\n',
          collection: 'staffers',
        },
      ],
    },
    layouts: {staffer: {data: {}, body: '<div class="staffer">{{ page.name }}{{ content }}</div>'}},
  }

  it('evaluates if, for and assign over page, site and _data, and a later output reads what was assigned', () => {
    const {text, diagnostics} = liquid(
      [
        'Intro',
        '{% assign n = site.data.links | size %}{% if page.show %}Shown{% else %}Hidden{% endif %}',
        '{% for link in site.data.links %}- [{{ link.title }}]({{ link.url }}){% endfor %}',
        'There are {{ n }} links on {{ site.title }}.',
      ].join('\n'),
      {page: {show: true}, site: {title: 'Course'}, liquid: liquidSite},
    )
    expect(text).toBe(
      'Intro\nShown\n- [Forum](https://forum.example)\nThere are 1 links on Course.',
    )
    expect(diagnostics).toMatchObject([{severity: 'warning', code: 'liquid-evaluated', line: 2}])
  })

  it('passes _data to an include as its parameter, as Jekyll does (scenarios=site.data.migration-scenarios.scenarios)', () => {
    const loop =
      '{% assign scenarios = include.scenarios %}{% for s in scenarios %}- {{ s.title }}\n{% endfor %}'
    const {text, diagnostics} = liquid(
      '{% include scenarios.html scenarios=site.data.migration-scenarios.scenarios %}',
      {
        includes: {'scenarios.html': loop},
        liquid: {
          ...liquidSite,
          data: {'migration-scenarios': {scenarios: [{title: 'Backfill'}, {title: 'Replay'}]}},
        },
      },
    )
    expect(text).toBe('- Backfill\n- Replay\n')
    expect(diagnostics.map((d) => d.code)).toEqual(['liquid-evaluated'])
    // site.pages is a list of Jekyll's drops, which only liquidjs builds: said, not passed empty.
    const pages = liquid('{% include scenarios.html scenarios=site.pages %}', {
      includes: {'scenarios.html': loop},
      liquid: liquidSite,
    })
    expect(pages.diagnostics.map((d) => d.code)).toContain('liquid-unknown')
  })

  it("lists the site's static files, as a schedule checks a handout exists before linking it", () => {
    const {text} = liquid(
      [
        '{% assign handout = "/assets/discussions/disc01.pdf" %}{% assign found = false %}',
        '{% for file in site.static_files %}{% if file.path == handout %}{% assign found = true %}{% endif %}{% endfor %}',
        '{% if found %}[Handout]({{ handout }}){% else %}No handout yet{% endif %}.',
        '{% for file in site.static_files %}{{ file.name }} {{ file.basename }} {{ file.extname }};{% endfor %}',
      ].join('\n'),
      {liquid: {...liquidSite, staticFiles: ['/assets/discussions/disc01.pdf', '/notes/README']}},
    )
    expect(text).toBe(
      '\n\n[Handout](/assets/discussions/disc01.pdf).\ndisc01.pdf disc01 .pdf;README README ;',
    )
  })

  it("lists the site's posts in a loop over site.posts, and nothing without a warning where the site has none, as Jekyll does", () => {
    const loop = '<ul>{% for post in site.posts %}<li>{{ post.title }}</li>{% endfor %}</ul>'
    const none = liquid(loop, {
      liquid: {...liquidSite, collections: {...liquidSite.collections, posts: []}},
    })
    expect(none.text).toBe('<ul></ul>')
    expect(none.diagnostics.map((d) => d.code)).toEqual(['liquid-evaluated'])
    const post = (file: string, title: string) => ({
      file,
      data: {title},
      body: '',
      url: `/${title}.html`,
      collection: 'posts',
    })
    // Oldest first, as readPosts gives them: site.posts lists the newest first.
    const posts = [post('_posts/2023-01-02-a.md', 'A'), post('_posts/2023-02-01-b.md', 'B')]
    const collection = liquid(loop, {
      liquid: {...liquidSite, collections: {...liquidSite.collections, posts}},
    })
    expect(collection.text).toBe('<ul><li>B</li><li>A</li></ul>')
    expect(collection.diagnostics.map((d) => d.code)).toEqual(['liquid-evaluated'])
  })

  it('reads tags written without spaces inside their braces', () => {
    const {text} = liquid('A{%if page.show%}shown{%endif%}B', {page: {show: true}})
    expect(text).toBe('AshownB')
  })

  it('reads a tag whose quoted argument holds a percent sign, as a date format does', () => {
    const {text} = liquid(
      '{% assign day = page.date | date: "%Y-%m-%d" %}Due {{ day }}.{% if day %} Soon.{% endif %}',
      {page: {date: '2024-09-11T10:00:00Z'}, liquid: liquidSite},
    )
    expect(text).toBe('Due 2024-09-11. Soon.')
  })

  it("reads site.time as the import's time, as Jekyll's is its build's, and nil without one", () => {
    const shown = (time?: string) =>
      liquid(
        [
          '{% assign today = site.time | date: "%Y-%m-%d" %}',
          '{% for a in site.data.news %}{% if a.date <= today %}- {{ a.title }}\n{% endif %}{% endfor %}',
          'Built {{ site.time | date: "%Y" }}.',
        ].join('\n'),
        {
          liquid: {
            ...liquidSite,
            data: {
              news: [
                {title: 'Week 1', date: '2024-09-02'},
                {title: 'Week 2', date: '2024-09-09'},
              ],
            },
            ...(time ? {time} : {}),
          },
        },
      ).text
    expect(shown('2024-09-05T12:00:00Z')).toBe('\n- Week 1\n\nBuilt 2024.')
    expect(shown('2024-09-10T12:00:00Z')).toBe('\n- Week 1\n- Week 2\n\nBuilt 2024.')
    expect(shown()).toBe('\n\nBuilt .')
  })

  it("writes a list of records through Jekyll's filters (a map, a sentence), as Jekyll does", () => {
    const types = [
      {singular: 'Project', plural: 'Projects'},
      {singular: 'Working Group', plural: 'Working Groups'},
    ]
    const {text, diagnostics} = liquid(
      "## {{ site.project_types | map: 'plural' |  array_to_sentence_string }}\n\nOne {{ site.project_types | map: 'singular' | join: ' or ' }}.",
      {site: {project_types: types}},
    )
    expect(text).toBe('## Projects and Working Groups\n\nOne Project or Working Group.')
    expect(diagnostics.map((d) => d.code)).not.toContain('liquid-unknown')
  })

  it("reads a variable an include assigned, as Jekyll shares the page's variables with its includes", () => {
    const {text, diagnostics} = liquid(
      '{% include base_path %}\n\nSee [the guide]({{ base_path }}/guide/).',
      {
        site: {url: 'https://docs.example', baseurl: '/kit'},
        includes: {
          base_path:
            '{% if site.url %}\n  {% assign base_path = site.url | append: site.baseurl %}\n{% else %}\n  {% assign base_path = site.github.url %}\n{% endif %}',
        },
      },
    )
    expect(text.trim()).toBe('See [the guide](https://docs.example/kit/guide/).')
    expect(diagnostics.map((d) => d.code)).not.toContain('liquid-unknown')
    // One whose variables the page does not read stays an include, which the export writes back.
    const own = liquid('{% include cards.html %}\n\nText {{ page.title }}.', {
      page: {title: 'Intro'},
      includes: {'cards.html': '{% assign n = 2 %}<div class="cards">{{ n }} cards</div>'},
    })
    expect(own.text).toBe('<div class="cards">2 cards</div>\n\nText Intro.')
    expect(own.state.includeUses.map((use) => use.tag)).toEqual(['{% include cards.html %}'])
  })

  it('writes a highlight block inside an HTML element of the page as HTML, as Jekyll does, where a fence would be text', () => {
    const page = (first: string) =>
      `${first}<div class="columns">\n  <div>\n{% highlight ts %}\nlet a = 1 < 2\n{% endhighlight %}\n  </div>\n</div>\n\n{% highlight ts %}\nlet b\n{% endhighlight %}`
    const html = '<pre><code class="language-ts" data-lang="ts">let a = 1 &lt; 2</code></pre>'
    // Alone, and inside a region of control flow, which liquidjs renders.
    for (const first of ['', '{% assign x = 1 %}\n']) {
      const {text} = liquid(page(first))
      expect(text).toContain(`  <div>\n${html}\n  </div>`)
      expect(text).toContain('```ts\nlet b\n```')
    }
    // In a `markdown="1"` element the content is markdown: a fence.
    const {text} = liquid(
      '<div markdown="1">\n{% highlight ts %}\nlet c\n{% endhighlight %}\n</div>',
    )
    expect(text).toContain('```ts\nlet c\n```')
  })

  it('keeps the items `where` finds as Jekyll compares, as text: true is "true", 1 is "1"', () => {
    const {text} = liquid(
      '{% assign shown = page.topics | where: "published", "true" %}{% for t in shown %}{{ t.title }};{% endfor %}' +
        '|{% assign first = page.topics | where: "week", "1" %}{{ first | size }}' +
        '|{% assign tagged = page.topics | where: "tags", "js" %}{{ tagged | size }}',
      {
        page: {
          topics: [
            {title: 'Forms', published: true, week: 1, tags: ['js', 'html']},
            {title: 'Fetch', published: 'true', week: '1', tags: 'js'},
            {title: 'Draft', published: false, week: 2},
          ],
        },
      },
    )
    expect(text).toBe('Forms;Fetch;|2|2')
  })

  it('links a page whose path a {% link %} tag builds with Liquid, as Jekyll 4 renders the path first', () => {
    const asked: string[] = []
    const {body} = convertBody(
      '{% for t in page.topics %}[{{ t.title }}]({% link {{ t.page }} %})\n\n{% endfor %}',
      ctx({
        page: {topics: [{title: 'Forms', page: 'phase1/forms.md'}]},
        resolveLink: (href) => {
          asked.push(href)
          const target = {_id: 'lesson-forms', _type: 'lesson' as const}
          return href === '{% link phase1/forms.md %}' ? target : null
        },
      }),
    )
    expect(asked).toContain('{% link phase1/forms.md %}')
    expect(JSON.stringify(body)).toContain('lesson-forms')
  })

  it('passes the input of a filter Jekyll does not know on, as Jekyll does, and says so', () => {
    const {text, diagnostics} = liquid(
      '{% assign tab = "DATA" %}\n```html\n<mat-tab label="{{ tab | oTranslate }}">\n```',
    )
    expect(text).toBe('\n```html\n<mat-tab label="DATA">\n```')
    expect(diagnostics.find((d) => d.code === 'liquid-filter-unknown')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('`oTranslate`'),
    })
  })

  it('writes nothing for the nils of a list of texts mapped by a key, as Ruby does, not "undefined"', () => {
    const {text} = liquid(
      "{{ site.tac_projects | map: 'plural' | array_to_sentence_string }} are TAC projects.",
      {site: {tac_projects: ['Graduated Stage Projects', 'Long Term Working Groups']}},
    )
    // Jekyll shows " and are TAC projects." (kramdown then trims the paragraph's start).
    expect(text).toBe(' and  are TAC projects.')
  })

  it('runs a filter written without its colon as Jekyll does, without the arguments, and an empty output', () => {
    const {text, diagnostics} = liquid(
      '{% for c in page.classes %}{% endfor %}{% include cell.html classes=page.classes %}',
      {
        page: {classes: ['odd', 'lecture']},
        includes: {
          'cell.html':
            "<td class=\"{{ include.classes | join ' ' }}\">{{ include.classes | join: '+' }}</td>",
        },
        liquid: liquidSite,
      },
    )
    expect(text).toBe('<td class="odd lecture">odd+lecture</td>')
    expect(diagnostics.map((d) => d.code)).not.toContain('liquid-control')
  })

  it('writes a collection document out as Jekyll does: its body as markdown in the layout the site has, or bare', () => {
    const {text} = liquid(
      "{% assign staff = site.staffers | where: 'role', 'Instructor' %}{% for s in staff %}{{ s }}{% endfor %}|{% for s in site.staffers offset:1 %}{{ s }}{% endfor %}",
      {liquid: liquidSite},
    )
    expect(text).toBe(
      '<div class="staffer">Ada<div markdown="1">\n\nTeaches *proofs*.\n\n</div>\n</div>|<div markdown="1">\n\nGrades.\n\n</div>\n',
    )
  })

  it('writes out what an output names of the Liquid site outside any control flow, as Jekyll does', () => {
    const {text, diagnostics} = liquid(
      'Latest:\n\n{{ site.staffers.last }}\n{{ site.staffers | size }} staff; {{ site.title }}.',
      {site: {title: 'Course'}, liquid: liquidSite},
    )
    expect(text).toBe('Latest:\n\n<div markdown="1">\n\nGrades.\n\n</div>\n\n2 staff; Course.')
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('keeps a region it cannot evaluate as text, with one warning naming its page lines and why', () => {
    const {text, diagnostics} = liquid(
      'A\n{% for x in site.list %}\n{% no_such_tag x %}\n{% endfor %}\nB',
      {
        lineOffset: 3,
      },
    )
    expect(text).toBe('A\n{% for x in site.list %}\n{% no_such_tag x %}\n{% endfor %}\nB')
    expect(diagnostics.filter((d) => d.code === 'liquid-control')).toMatchObject([
      {
        severity: 'warning',
        line: 5,
        message: expect.stringMatching(
          /^Kept the Liquid control flow on lines 5–7 as text: .*no_such_tag/,
        ),
      },
    ])
  })

  it('stops a loop that would write more than the page limit, and keeps the page', () => {
    const {text, diagnostics} = liquid('{% for i in (1..100000000) %}xxxxxxxx{% endfor %}\nAfter', {
      limits: {maxPageBytes: 10_000},
    })
    expect(text).toBe('{% for i in (1..100000000) %}xxxxxxxx{% endfor %}\nAfter')
    expect(diagnostics.map((d) => d.code)).toContain('liquid-control')
  })

  it("says how to raise the page limit when what a loop writes is over it (a site's leaderboard)", () => {
    const {diagnostics} = liquid('{% for i in (1..2000) %}xxxxxxxx{% endfor %}\nAfter', {
      limits: {maxPageBytes: 10_000},
    })
    expect(diagnostics.find((d) => d.code === 'liquid-control')).toMatchObject({
      message: expect.stringContaining('it produces more than 10000 characters'),
      hint: expect.stringContaining('npm run import -- --max-page-kb <n>'),
    })
  })

  it('keeps the text of raw blocks, also inside a highlight block, without evaluating anything', () => {
    const {text, diagnostics} = liquid(
      '{% raw %}{% for x in y %}{% endraw %}\n{% highlight liquid %}\n{% raw %}{% if a %}b{% endif %}{% endraw %}\n{% endhighlight %}',
    )
    expect(text).toBe('{% for x in y %}\n```liquid\n{% if a %}b{% endif %}\n```')
    expect(diagnostics.map((d) => d.code)).not.toContain('liquid-evaluated')
  })

  it('renders the Liquid inside a highlight block, as Jekyll renders its body, with the variables the page assigned before it', () => {
    const {text, diagnostics} = liquid(
      '{% assign x = "hello" %}\n{% highlight text %}\nvalue {{ x }}\n{% if true %}yes{% endif %}\n{% endhighlight %}\n\n{% highlight sh %}\n{{ site.title }} {% if page.missing %}no{% endif %}\n{% endhighlight %}',
      {site: {title: 'Docs'}},
    )
    expect(text).toBe('\n```text\nvalue hello\nyes\n```\n\n```sh\nDocs\n```')
    expect(diagnostics.map((d) => d.code)).toContain('liquid-evaluated')
  })

  it('writes a highlight block in an HTML include as HTML, as Jekyll does, where a fence would be text', () => {
    const tabs =
      '<div class="tabs">\n{% highlight json %}\n{{ include.rest | strip }}\n{% endhighlight %}\n</div>\n'
    const loop =
      '<div>{% for lang in site.data.languages %}{% highlight python %}{{ include[lang] }} < 1{% endhighlight %}{% endfor %}</div>\n'
    const {text} = liquid(
      '{% capture request %}\nGET /_alias/a\n{% endcapture %}\n{% include tabs.html rest=request %}\n{% include loop.html python="print(1)" %}\n',
      {
        includes: {'tabs.html': tabs, 'loop.html': loop},
        site: {data: {languages: ['python']}},
      },
    )
    expect(text).toContain(
      '<pre><code class="language-json" data-lang="json">GET /_alias/a</code></pre>',
    )
    expect(text).toContain(
      '<pre><code class="language-python" data-lang="python">print(1) &lt; 1</code></pre>',
    )
    expect(text).not.toContain('```')
  })
})

describe('{{ site.x["a key"] }}', () => {
  it('reads a key in brackets and quotes, as Liquid does, beside dotted ones', () => {
    const {text, diagnostics} = liquid(
      `[Form]({{ site.aux_links["Extensions Form"] }}) {{ site.aux_links['Extensions Form'] }} {{ site.aux_links["Gone"] }}.`,
      {site: {aux_links: {'Extensions Form': ['https://forms.example/ext']}}},
    )
    expect(text).toBe('[Form](https://forms.example/ext) https://forms.example/ext .')
    expect(diagnostics).toMatchObject([{code: 'liquid-undefined'}])
  })
})

describe('spaces around the dots and brackets of a lookup', () => {
  it('separate nothing, as Liquid reads them: `page. title` is `page.title`, in quotes they stay', () => {
    const {text, diagnostics} = liquid(
      "# {{ page. title }} / {{ page .title | upcase }} / {{ site.aux_links[ 'A b' ] }} / {{ 'a . b' }}",
      {page: {title: 'Diagrams'}, site: {aux_links: {'A b': 'x'}}},
    )
    expect(text).toBe('# Diagrams / DIAGRAMS / x / a . b')
    expect(diagnostics).toEqual([])
  })
})

describe('relative_url and absolute_url', () => {
  it("resolve . and .. segments as Jekyll's normalized address does, and leave the query alone", () => {
    const {text} = liquid(
      "{{ '../assets/a.pdf' | relative_url }} {{ 'docs/./b/../c.pdf?up=../x' | relative_url }} {{ '../../x' | absolute_url }}",
      {site: {baseurl: '/course', url: 'https://example.org'}},
    )
    expect(text).toBe('/assets/a.pdf /course/docs/c.pdf?up=../x https://example.org/x')
  })

  it('resolve them the same way in control flow and layouts, where liquidjs runs them (a staffer photo `../assets/…`)', () => {
    // What `jekyll build` writes for this page.
    const {text} = liquid(
      "{% if true %}{{ '../assets/a.jpg' | relative_url }} {{ 'x/./y/../b.png' | absolute_url }} {{ '//cdn.example.org/a.js' | relative_url }}{% endif %}",
      {site: {baseurl: '/course', url: 'https://example.org'}},
    )
    expect(text).toBe(
      '/assets/a.jpg https://example.org/course/x/b.png /course//cdn.example.org/a.js',
    )
  })

  it("write the site's scheme and host in lower case, without the scheme's own port, as Jekyll's normalized address does", () => {
    // What `jekyll build` writes for these pages.
    const page = "{{ 'a.gif' | absolute_url }} {% if true %}{{ 'b.gif' | absolute_url }}{% endif %}"
    expect(liquid(page, {site: {url: 'HTTPS://UM-iRaL.github.io', baseurl: '/Site'}}).text).toBe(
      'https://um-iral.github.io/Site/a.gif https://um-iral.github.io/Site/b.gif',
    )
    expect(liquid(page, {site: {url: 'http://Example.org:80'}}).text).toBe(
      'http://example.org/a.gif http://example.org/b.gif',
    )
    expect(liquid(page, {site: {url: 'http://Example.org:8080'}}).text).toBe(
      'http://example.org:8080/a.gif http://example.org:8080/b.gif',
    )
  })
})

describe('{{ output }} with filters the importer does not evaluate itself', () => {
  it('evaluates them as Jekyll does, through liquidjs', () => {
    const {text, diagnostics} = liquid(
      '{{ site.theme | replace: "@", " @" }} {{ "a b" | split: " " | last }}',
      {
        site: {theme: 'owner/repo@v1'},
      },
    )
    expect(text).toBe('owner/repo @v1 b')
    expect(diagnostics).toEqual([])
  })

  it('counts the words a reader sees in a document written out, for a reading time in its layout', () => {
    const {text} = liquid(
      '{% for a in site.posts %}{{ a.content | strip_html | number_of_words }}{% endfor %}',
      {
        liquid: {
          data: {},
          pages: [],
          collections: {
            posts: [
              {
                file: '_posts/a.md',
                url: '/a',
                data: {},
                body: '## One two\n\n- three\n- [four](x)\n{: .note }\n',
                collection: 'posts',
              },
            ],
          },
          layouts: {},
        },
      },
    )
    expect(text).toBe('4')
  })
})

describe('documents written out inside documents', () => {
  it('writes nothing for a document that writes itself out, as Jekyll has no output for it yet', () => {
    const self = {
      file: '_notes/a.md',
      url: '/notes/a',
      data: {},
      body: 'Before {% for n in site.notes %}[{{ n }}]{% endfor %} after\n',
      collection: 'notes',
    }
    const {text, diagnostics} = liquid('{% for n in site.notes %}{{ n }}{% endfor %}', {
      liquid: {data: {}, pages: [], collections: {notes: [self]}, layouts: {}},
    })
    expect(text).toContain('Before [] after')
    expect(diagnostics.map((d) => d.code)).toEqual(['liquid-evaluated'])
  })
})

describe('an output of a variable nothing sets', () => {
  it('renders empty, as Jekyll renders it, with a warning at its line saying how to keep it', () => {
    const {text, diagnostics} = liquid('Before {{ P }} S\n\n    {{ Inv }}\n', {lineOffset: 2})
    expect(text).toBe('Before  S\n\n    \n')
    expect(diagnostics).toMatchObject([
      {code: 'liquid-undefined', line: 3, hint: expect.stringContaining('{% raw %}')},
      {code: 'liquid-undefined', line: 5},
    ])
  })

  it("reads what Liquid's strict parser refuses as its lax parser does: the first fragment", () => {
    const {text} = liquid('{{ w >= 1 }}|{{ 1 + 1 }}|{{ 16b0 }}|{{ ... }}|{{ page.title extra }}', {
      page: {title: 'Hoare'},
    })
    expect(text).toBe('|1|||Hoare')
  })

  it('keeps the output as text when a tag of the page may set it, or it names what Jekyll sets', () => {
    expect(liquid('{{ later }}\n{% assign later = 1 %}').diagnostics[0]).toMatchObject({
      code: 'liquid-unknown',
    })
    const {text, diagnostics} = liquid('{{ layout.title }} {{ paginator.page }}')
    expect(text).toBe('{{ layout.title }} {{ paginator.page }}')
    expect(diagnostics.map((d) => d.code)).toEqual(['liquid-unknown', 'liquid-unknown'])
  })
})

describe('Liquid dates', () => {
  it("writes month and day names in English, as Jekyll's Ruby does, on a machine set to another language", () => {
    const module = (path: string) =>
      JSON.stringify(pathToFileURL(join(import.meta.dirname, path)).href)
    const code = `
      import {resolveExtraction} from ${module('../extract/config.ts')}
      import {evaluateLiquid} from ${module('./liquid.ts')}
      import {createState} from ${module('./state.ts')}
      const ctx = {file: 'docs/page.md', title: 'Page', lineOffset: 0, site: {},
        page: {date: '2024-01-05T10:00:00Z'}, resolveLink: () => null,
        liquid: {data: {}, pages: [], collections: {}}}
      const state = createState(ctx, resolveExtraction(undefined))
      const date = evaluateLiquid(
        '{% if page.date %}{{ page.date | date: "%A %-d %B %Y" }}{% endif %}', state)
      const machine = new Intl.DateTimeFormat().resolvedOptions().locale
      process.stdout.write(JSON.stringify({date, machine}))
    `
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      encoding: 'utf8',
      env: {...process.env, LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8'},
    })
    expect(run.stderr).toBe('')
    // The machine really speaks German there (a Node without its locales would not tell).
    expect(JSON.parse(run.stdout)).toEqual({date: 'Friday 5 January 2024', machine: 'de-DE'})
  })
})
