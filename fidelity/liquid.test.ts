import {describe, expect, it} from 'vitest'

import {evaluateJekyllLiquid} from './liquid.ts'

const context = {
  page: {title: 'Page', tags: ['a', 'b']},
  site: {title: 'Site', baseurl: '/docs', url: 'https://x.org'},
  include: (name: string) => (name === 'note.md' ? 'Note: {{ include.text | upcase }}' : undefined),
}

describe('evaluateJekyllLiquid', () => {
  it('evaluates variables and the URL filters, unset variables as nothing', () => {
    expect(
      evaluateJekyllLiquid(
        '{{ page.title }} {{site.title}} {{ "/a" | relative_url }} {{ "/b" | absolute_url }} [{{ page.none }}]',
        context,
      ).text,
    ).toBe('Page Site /docs/a https://x.org/docs/b []')
  })

  it('unwraps raw, drops comments and turns highlight into a fence', () => {
    const source =
      '{% raw %}{{ kept }}{% endraw %}{% comment %}gone{% endcomment %}\n{% highlight ruby %}\nputs 1\n{% endhighlight %}'
    expect(evaluateJekyllLiquid(source, context).text).toBe('{{ kept }}\n\n```ruby\nputs 1\n```\n')
  })

  it('resolves includes with parameters and reports what it cannot emulate', () => {
    const result = evaluateJekyllLiquid(
      '{% include note.md text="hi" %} {% include missing.html %}{% if x %}shown{% endif %}{{ x | slugify }}',
      context,
    )
    expect(result.text).toBe('Note: HI shown')
    expect(result.notEmulated).toEqual([
      'control flow (every branch shown)',
      'filter slugify',
      'include missing.html (not found)',
    ])
  })

  it('turns a link tag into the site path of the file', () => {
    expect(evaluateJekyllLiquid('{{ site.baseurl }}{% link docs/a.md %}', context).text).toBe(
      '/docs/docs/a.md',
    )
  })
})
