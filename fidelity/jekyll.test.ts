import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {jekyllMajor, jekyllMissing, jekyllReference, liquidWithJekyll} from './jekyll.ts'

const site: Record<string, string> = {
  '_config.yml':
    'title: Course\ntheme: just-the-docs\nplugins: [jekyll-seo-tag]\ncollections:\n  staffers:\n    output: false\n',
  '_layouts/staffer.html': '<div class="staffer">{{ page.name }}: {{ content }}</div>\n',
  '_staffers/b.md': '---\nname: Bea\nrole: TA\nlayout: staffer\n---\nLikes *proofs*.\n',
  '_staffers/a.md': '---\nname: Ada\nrole: Instructor\nlayout: staffer\n---\nTeaches.\n',
  '_data/links.yml': '- {title: Forum, url: "https://forum.example"}\n',
  'staff.md': [
    '---',
    'title: Staff',
    '---',
    "{% assign tas = site.staffers | where: 'role', 'TA' %}",
    '{% for staffer in tas %}{{ staffer }}{% endfor %}',
    '{% for link in site.data.links %}[{{ link.title }}]({{ link.url }}){% endfor %}',
    '{% if page.title == "Staff" %}shown{% else %}hidden{% endif %}',
    '',
  ].join('\n'),
  'broken.md': '---\ntitle: Broken\n---\n{% include missing.html %}\n',
}

describe.skipIf(jekyllMissing() !== null)('liquidWithJekyll', () => {
  const root = mkdtempSync(join(tmpdir(), 'fidelity-jekyll-'))
  for (const [path, text] of Object.entries(site)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it("gives each page's markdown after Jekyll's Liquid, collection documents rendered in their layouts first", async () => {
    const pages = await liquidWithJekyll(root)
    const staff = pages.get('staff.md')
    expect(staff && 'markdown' in staff && staff.markdown.trim().split('\n')).toEqual([
      '<div class="staffer">Bea: <p>Likes <em>proofs</em>.</p>',
      '</div>',
      '',
      '[Forum](https://forum.example)',
      'shown',
    ])
    expect(pages.get('_staffers/a.md')).toEqual({markdown: 'Teaches.\n'})
  })

  it("names Jekyll's error for a page it cannot evaluate, and still evaluates the others", async () => {
    const pages = await liquidWithJekyll(root)
    expect(pages.get('broken.md')).toEqual({
      error: expect.stringMatching(/^IOError: Could not locate the included file 'missing\.html'/),
    })
    expect(pages.get('staff.md')).toHaveProperty('markdown')
  })

  it('falls back to the emulation, saying why, when Jekyll cannot read the site at all', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'fidelity-jekyll-broken-'))
    try {
      writeFileSync(join(broken, '_config.yml'), 'title: [unclosed\n')
      writeFileSync(join(broken, 'page.md'), '---\ntitle: P\n---\nText.\n')
      const said: string[] = []
      expect(await jekyllReference(broken, (message) => said.push(message))).toBeUndefined()
      expect(said).toEqual([expect.stringMatching(/Psych::SyntaxError.*Liquid is emulated/)])
    } finally {
      rmSync(broken, {recursive: true, force: true})
    }
  })

  it("writes `{% link %}` without the baseurl where the site's Gemfile.lock names Jekyll 3, with it otherwise", async () => {
    const linking = (lock?: string) => {
      const folder = mkdtempSync(join(tmpdir(), 'fidelity-jekyll-link-'))
      writeFileSync(join(folder, '_config.yml'), 'title: Desk\nbaseurl: /desk\n')
      writeFileSync(join(folder, 'faq.md'), '---\ntitle: FAQ\n---\nAnswers.\n')
      writeFileSync(
        join(folder, 'index.md'),
        '---\ntitle: Home\n---\n[FAQ]({{ site.baseurl }}{% link faq.md %})\n',
      )
      if (lock) writeFileSync(join(folder, 'Gemfile.lock'), lock)
      return folder
    }
    const three = linking('GEM\n  specs:\n    jekyll (3.10.0)\n      addressable (~> 2.4)\n')
    const four = linking()
    try {
      expect(jekyllMajor(three)).toBe('3')
      expect(jekyllMajor(four)).toBeUndefined()
      expect((await liquidWithJekyll(three)).get('index.md')).toEqual({
        markdown: '[FAQ](/desk/faq.html)\n',
      })
      expect((await liquidWithJekyll(four)).get('index.md')).toEqual({
        markdown: '[FAQ](/desk/desk/faq.html)\n',
      })
    } finally {
      rmSync(three, {recursive: true, force: true})
      rmSync(four, {recursive: true, force: true})
    }
  })
})
