import {describe, expect, it} from 'vitest'

import {extractFeatures} from './features.ts'
import {parseFragment} from './html.ts'
import {kramdownAddresses, prepareKramdown, prepareProject, unknownElements} from './intentional.ts'

function kramdown(html: string, title = 'Setup') {
  const root = parseFragment(html)
  const footnotes = prepareKramdown(root, title)
  return {...extractFeatures(root), footnotes}
}

describe('prepareKramdown', () => {
  it('leaves out the H1 repeating the title, emoji aside, and keeps other H1s', () => {
    const result = kramdown('<h1>Setup 🚀</h1><p>x</p><h1>Other</h1>')
    expect(result.headings).toEqual(['h1 Other'])
  })

  it('leaves the title H1 out of kramdown’s table of contents, its sub-entries in its place', () => {
    const result = kramdown(
      '<ul id="markdown-toc"><li><a href="#setup" id="markdown-toc-setup">Setup</a><ul><li><a href="#step" id="markdown-toc-step">Step</a></li></ul></li></ul><h1 id="setup">Setup</h1><h2 id="step">Step</h2>',
    )
    expect(result.lists).toEqual(['ul 1'])
    expect(result.words).toEqual(['Step', 'Step'])
  })

  it('keeps the H1 repeating the title under another heading, as the importer keeps it', () => {
    // lethalcompanymodding's guides: an HTML <h3> and a badge above `# Choosing a License`.
    const result = kramdown('<h3>Up to date for:</h3><p>x</p><h1>Setup</h1><p>y</p>')
    expect(result.headings).toEqual(['h3 Up to date for:', 'h1 Setup'])
  })

  it('keeps a first H1 that is not the title', () => {
    expect(kramdown('<h1>Intro</h1>').headings).toEqual(['h1 Intro'])
  })

  it('leaves out the navigation block and the rule right before it', () => {
    const result = kramdown(
      '<p>a</p>\n<hr />\n<div class="nav-buttons"><a href="n.md">Next</a></div><p>b</p>',
    )
    expect(result.words).toEqual(['a', 'b'])
    expect(result.links).toEqual([])
  })

  it('collects footnotes without their back links and drops the markers', () => {
    const result = kramdown(
      '<p>x<sup role="doc-noteref"><a href="#fn:1" class="footnote">1</a></sup></p><div class="footnotes"><ol><li><p>note <a class="reversefootnote" href="#fnref:1">↩</a></p></li></ol></div>',
    )
    expect(result.words).toEqual(['x'])
    expect(result.footnotes).toEqual(['note'])
  })

  it("drops the markers inside a footnote too: a footnote's own reference is numbered, as in the text", () => {
    const result = kramdown(
      '<p>x<sup role="doc-noteref"><a href="#fn:dd">1</a></sup></p><div class="footnotes"><ol><li><p>A copy tool.<sup role="doc-noteref"><a href="#fn:dd2">2</a></sup> <a class="reversefootnote" href="#fnref:dd">↩</a></p></li><li><p>Like cp?</p></li></ol></div>',
    )
    expect(result.footnotes).toEqual(['A copy tool.', 'Like cp?'])
  })

  it('leaves out a link with nothing inside and keeps one around an image', () => {
    const result = kramdown(
      '<p><a href="#"></a> a <a href="x.html"><img src="i.png" alt="" /></a></p>',
    )
    expect(result.links.map((link) => link.split(' ')[0])).toEqual(['x.html'])
  })

  it('keeps the text of a script link and leaves out a script image', () => {
    const result = kramdown(
      '<p><a href=" javascript:alert(1)">click</a><img src="javascript:x" alt="y"></p>',
    )
    expect(result.words).toEqual(['click'])
    expect(result.links).toEqual([])
    expect(result.images).toEqual([])
  })

  it('keeps the text of a link with an empty address, and the links with an address', () => {
    const result = kramdown('<p><a href="">Quiz 4</a> and <a href="#">top</a></p>')
    expect(result.words).toEqual(['Quiz', '4', 'and', 'top'])
    expect(result.links).toEqual(['# top'])
  })
})

describe('embed-links', () => {
  it('compares a frame of another page as the link the project shows, without its fallback content', () => {
    const result = kramdown(
      '<p>Slides:</p><iframe src="concepts.html" title="the slide deck"><p>Your browser does not support iframes.</p></iframe><iframe src="https://chat.example.com/bot"></iframe>',
    )
    expect(result.words).toEqual([
      'Slides:',
      'the',
      'slide',
      'deck',
      'https://chat.example.com/bot',
    ])
    expect(result.links).toEqual([
      'concepts.html the slide deck',
      'https://chat.example.com/bot https://chat.example.com/bot',
    ])
  })

  it('compares an embedded file or object as the link the project shows, without its fallback content', () => {
    const result = kramdown(
      '<div class="center"><embed src="./figures/q6.pdf" /></div><object data="slides.pdf" title="Slides"><p>No PDF viewer.</p></object>',
    )
    expect(result.words).toEqual(['./figures/q6.pdf', 'Slides'])
    expect(result.links).toEqual(['./figures/q6.pdf ./figures/q6.pdf', 'slides.pdf Slides'])
  })

  it('leaves an object of an image to be compared as the image it shows', () => {
    const result = kramdown('<object type="image/svg+xml" data="roadmap.svg">Roadmap</object>')
    expect(result.links).toEqual([])
    expect(result.images).toEqual([expect.stringContaining('roadmap.svg')])
  })

  it('keeps a YouTube player a frame, its fallback content left out', () => {
    const result = kramdown(
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Talk"><p>No frames here.</p></iframe>',
    )
    expect(result.words).toEqual([])
    expect(result.links).toEqual([])
  })
})

describe('prepareProject', () => {
  it('takes out footnotes, their markers and image captions', () => {
    const root = parseFragment(
      '<p>x<sup class="footnote-reference"><a href="#fn-a">a</a></sup></p><figure><img src="i" alt=""><figcaption>cap</figcaption></figure><aside class="footnote"><p>note</p></aside>',
    )
    expect(prepareProject(root)).toEqual(['note'])
    expect(extractFeatures(root).words).toEqual(['x'])
  })

  it('takes out the markers inside a footnote too, labelled as in the text', () => {
    const root = parseFragment(
      '<aside class="footnote"><p>A copy tool.<sup class="footnote-reference"><a href="#fn-dd2">dd2</a></sup></p></aside><aside class="footnote"><p>Like cp?</p></aside>',
    )
    expect(prepareProject(root)).toEqual(['A copy tool.', 'Like cp?'])
  })
})

describe('tags-shown', () => {
  it("leaves out of the project's words the tags of elements no browser knows that kramdown's page has, outside code", () => {
    const reference = parseFragment('<p>A List<string> of names and the <b>field</b>.</string></p>')
    const names = unknownElements(reference)
    expect([...names]).toEqual(['string'])
    const root = parseFragment(
      '<p>A List&lt;String&gt; of names and the &lt;b&gt;field.</p><p><code>List&lt;String&gt;</code></p>',
    )
    prepareProject(root, names)
    expect(extractFeatures(root).words).toEqual([
      'A',
      'List',
      'of',
      'names',
      'and',
      'the',
      '<b>field.',
      'List<String>',
    ])
  })

  it('reads a name as a browser does, underscores and all', () => {
    const text = 'Replace &lt;your_github_username&gt; as appropriate.'
    const root = parseFragment(`<p>${text}</p>`)
    prepareProject(
      root,
      unknownElements(parseFragment('<p>Replace <your_github_username> as appropriate.</p>')),
    )
    expect(extractFeatures(root).words).toEqual(['Replace', 'as', 'appropriate.'])
  })

  it('keeps such text when kramdown has no element of that name', () => {
    const root = parseFragment('<p>Use the &lt;field&gt; placeholder.</p>')
    prepareProject(
      root,
      unknownElements(parseFragment('<p>Use the &lt;field&gt; placeholder.</p>')),
    )
    expect(extractFeatures(root).words).toEqual(['Use', 'the', '<field>', 'placeholder.'])
  })
})

describe('kramdownAddresses', () => {
  const addresses = kramdownAddresses('/docs/', (href) =>
    href === '/guide.md' ? 'lesson-guide' : null,
  )

  it('names a resolved page by id, keeping its anchor decoded', () => {
    expect(addresses.href('/docs/guide.md#a%20b')).toBe('page:lesson-guide#a b')
  })

  it('keeps an unresolved href as written and strips the base URL from image sources', () => {
    expect(addresses.href('/docs/file.pdf')).toBe('/docs/file.pdf')
    expect(addresses.src('/docs/assets/i.png')).toBe('/assets/i.png')
    expect(addresses.src('https://x.org/docs/i.png')).toBe('https://x.org/docs/i.png')
  })

  it("reads an image source's slashes after the base URL as one, as the site's server does", () => {
    expect(addresses.src('/docs//assets/i.png')).toBe('/assets/i.png')
    expect(addresses.src('//cdn.example/i.png')).toBe('//cdn.example/i.png')
  })
})

describe('details-label', () => {
  it('compares a details element without a summary with the label a browser shows for it', () => {
    expect(kramdown('<details><p>It means a deep dive.</p></details>').words).toEqual([
      'Details',
      'It',
      'means',
      'a',
      'deep',
      'dive.',
    ])
    expect(kramdown('<details><summary>Hint</summary><p>Look again.</p></details>').words).toEqual([
      'Hint',
      'Look',
      'again.',
    ])
  })
})
