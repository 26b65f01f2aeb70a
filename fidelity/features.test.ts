import {describe, expect, it} from 'vitest'

import {extractFeatures} from './features.ts'
import {parseFragment} from './html.ts'

const features = (html: string) => extractFeatures(parseFragment(html))

describe('extractFeatures', () => {
  it('reads words across blocks and inline elements, entities decoded by the parser', () => {
    expect(features('<p>one <strong>t</strong>wo</p><p>three&amp;four</p>').words).toEqual([
      'one',
      'two',
      'three&four',
    ])
  })

  it('reads each quote as the blocks in its one frame, callout boxes among them, callouts themselves left out', () => {
    const html =
      '<blockquote><p>a</p><p>b</p></blockquote><blockquote><p>c</p></blockquote>' +
      '<blockquote>\\[x^2\\]\n<h2>H</h2><ol><li>one</li></ol><pre><code>c</code></pre><blockquote><p>in</p></blockquote></blockquote>' +
      '<blockquote class="note"><p>a callout</p></blockquote><blockquote class="other"><p>styled</p></blockquote>' +
      '<blockquote><div class="math math-display">\\[y\\]</div>text <em>run</em></blockquote>' +
      '<blockquote><p class="note">n</p><div><p>in a plain div</p></div><aside class="callout callout-tip"><p>t</p></aside></blockquote>'
    const result = extractFeatures(parseFragment(html), {callout: (name) => name === 'note'})
    expect(result.quotes).toEqual([
      'p p',
      'p',
      'math h ol pre blockquote',
      'p',
      'p',
      'math p',
      'callout p callout',
    ])
  })

  it('reads each label as its colour class and text, two side by side as two', () => {
    const html =
      '<p class="label label-purple">Introduced 3.1</p><p>Due <strong class="label label-yellow">Quiz 1</strong>' +
      '<strong class="label label-yellow">HW 1</strong> and <span class="label">plain</span></p>'
    expect(features(html).labels).toEqual([
      'label-purple Introduced 3.1',
      'label-yellow Quiz 1',
      'label-yellow HW 1',
      'label plain',
    ])
  })

  it('reads the runs of bold, italic, code and struck-through words as a reader sees them', () => {
    const html =
      '<p><strong>Bold <code>code</code> and</strong> <strong>more</strong> then <em>t, h</em> \\(\\Rightarrow\\) <em>th</em></p>' +
      '<p><span style="font-weight: 700">styled</span> <kbd>Ctrl</kbd> <del>gone</del> <b>a<br>b</b></p>' +
      '<p><strong>split</strong></p><p><strong>blocks</strong></p><pre><code>not <b>this</b></code></pre>' +
      '<ul><li><em>one</em><br><br><em>paragraph each</em></li></ul>'
    expect(features(html).emphasis).toEqual([
      'b Bold',
      'bc code',
      'b and more',
      'i t, h th',
      'b styled',
      'c Ctrl',
      's gone',
      'b a b',
      'b split',
      'b blocks',
      'i one',
      'i paragraph each',
    ])
  })

  it("reads a page's own math-classed span as what it shows, and only the project's formula as a formula", () => {
    const kramdown = '<p><span class="math inline"><em>k</em></span>-NN, \\(x\\)</p>'
    const project = '<p><em>k</em>-NN, <span class="math math-inline">\\(x\\)</span></p>'
    for (const html of [kramdown, project]) expect(features(html).emphasis).toEqual(['i k'])
  })

  it("reads a titled callout's first paragraph as bold, as just-the-docs shows its title", () => {
    const kramdown = '<blockquote class="note-title"><p>Title</p><p>Body</p></blockquote>'
    const project = '<aside class="callout"><p class="callout-title">Title</p><p>Body</p></aside>'
    const callout = (name: string) => name === 'note'
    for (const html of [kramdown, project])
      expect(extractFeatures(parseFragment(html), {callout}).emphasis).toEqual(['b Title'])
  })

  it('leaves out script and style but keeps what a sandboxed frame shows', () => {
    const html =
      '<p>a</p><script>hidden()</script><style>p{}</style><iframe sandbox srcdoc="<p>framed <b>text</b></p>"></iframe>'
    expect(features(html).words).toEqual(['a', 'framed', 'text'])
  })

  it('leaves out what a hidden element or one styled display: none holds, as a browser shows nothing of it', () => {
    const html =
      '<pre><code>GET /</code></pre><p><label hidden="" class="copy-curl-label">copy</label></p>' +
      '<p>shown <span style="color: red; display:none">secret</span>text</p><div hidden><a href="/x">x</a></div>'
    const result = features(html)
    expect(result.words).toEqual(['GET', '/', 'shown', 'text'])
    expect(result.links).toEqual([])
  })

  it('leaves out the text a browser shows only when it cannot play a video or a sound', () => {
    const html =
      '<p>Open it:</p><video controls><source src="a.mp4" type="video/mp4">Your browser does not support the video tag.</video>' +
      '<audio src="b.mp3">No audio.</audio><p>done</p>'
    expect(features(html).words).toEqual(['Open', 'it:', 'done'])
  })

  it("never runs a frame's text into its neighbours': each frame is a document of its own", () => {
    const html =
      '<iframe srcdoc="<button>REST</button>"></iframe><iframe srcdoc="<button>Python</button>"></iframe>after'
    expect(features(html).words).toEqual(['REST', 'Python', 'after'])
  })

  it('sees an <object> or <embed> showing an image as that image, its content as the description', () => {
    const result = features(
      '<p><object type="image/svg+xml" data="/a.svg"></object><object data="/b.png">The plan</object>' +
        '<embed src="/c.gif"></p><object data="/d.pdf" type="application/pdf">Get the PDF</object>',
    )
    expect(result.images).toEqual(['/a.svg | ', '/b.png | The plan', '/c.gif | '])
    expect(result.words).toEqual(['Get', 'the', 'PDF'])
  })

  it('tells an image in a line of words from one on a line of its own', () => {
    const result = features(
      '<p>Select the <a href="#"><img src="/e.png" alt="ellipsis"></a> icon.</p>' +
        '<p>Caption above\n<img src="/a.png" alt="a">\nmore text</p>' +
        '<p>Caption, then a break:<br><img src="/b.png" alt="b"></p>' +
        '<figure><img src="/c.png" alt="c"></figure><p><img src="/d.png" alt="d"> <img src="/f.png" alt="f"></p>',
    )
    expect(result.images).toEqual([
      '/e.png | ellipsis | in a line of text',
      '/a.png | a',
      '/b.png | b',
      '/c.png | c',
      '/d.png | d',
      '/f.png | f',
    ])
  })

  it('numbers ordered items from the start attribute, and records nesting per list', () => {
    const result = features(
      '<ol start="3"><li><p>three</p><pre><code>x</code></pre><ul><li>sub</li></ul></li><li>four</li></ol>',
    )
    expect(result.numbered).toEqual([
      {number: 3, words: 'three'},
      {number: 4, words: 'four'},
    ])
    expect(result.lists).toEqual(['ol 2', '  ul 1'])
  })

  it('counts no list that has no items and shows nothing, as a reader sees none', () => {
    // just-the-docs' home: <ul> around a loop over GitHub's contributors, which gave none.
    const result = features('<ul class="list-style-none">\n\n</ul><p>x</p><ol><li>one</li></ol>')
    expect(result.lists).toEqual(['ol 1'])
  })

  it('reads code with its language from the code, the pre or a wrapping element', () => {
    const html =
      '<pre><code class="language-js">a &lt; b\n</code></pre><div class="language-ruby highlighter-rouge"><pre class="highlight"><code><span>puts</span> 1</code></pre></div>'
    expect(features(html).code).toEqual(['js: a < b', 'ruby: puts 1'])
  })

  it('reads tables, links, images and headings', () => {
    const result = features(
      '<h2 id="x">Head <em>ing</em></h2><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td><a href="/p">2</a></td></tr></table><img src="i.png" alt="pic">',
    )
    expect(result.headings).toEqual(['h2 Head ing'])
    expect(result.tables).toEqual([
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ])
    expect(result.links).toEqual(['/p 2'])
    expect(result.images).toEqual(['i.png | pic'])
  })

  it('reads which words each term of a definition list defines, however the definitions are split', () => {
    const kramdown =
      '<dl><dt>Port</dt><dd>The number.</dd><dd>Often <b>8080</b>.</dd><dt>A</dt><dt>B</dt><dd></dd><dd>Both.</dd></dl>'
    const project =
      '<dl><dt>Port</dt><dd><p>The number.</p><p>Often <b>8080</b>.</p></dd><dt>A</dt><dt>B</dt><dd>Both.</dd></dl>'
    expect(features(kramdown).definitions).toEqual([
      'Port : The number. Often 8080. / A | B : Both.',
    ])
    expect(features(project).definitions).toEqual(features(kramdown).definitions)
    // The same words, one paragraph moved out of the definition: a difference.
    const moved = '<dl><dt>Port</dt><dd>The number.</dd></dl><p>Often 8080.</p>'
    expect(features(moved).definitions).toEqual(['Port : The number.'])
  })

  it('reads links to the same address side by side as the one link a reader sees', () => {
    const html =
      '<p><a href="/v">Propagation Delay </a><a href="/v"><span>\\(t_{pd}\\)</span></a>, <a href="/v">again</a> <a href="/w">other</a></p>'
    expect(features(html).links).toEqual(['/v Propagation Delay t_{pd}', '/v again', '/w other'])
  })

  it('reads a link around blocks (a card) as the link on each block the project keeps', () => {
    const kramdown =
      '<a href="/run/"><div class="menu-card"><div><p>Run an example</p></div>\n<p>On your machine</p></div></a>'
    const project =
      '<p><a href="/run/">Run an example</a></p>\n<p><a href="/run/">On your machine</a></p>'
    expect(features(kramdown).links).toEqual(['/run/ Run an example', '/run/ On your machine'])
    expect(features(project).links).toEqual(features(kramdown).links)
    // Around text, an image or a line break it is one link.
    expect(
      features('<p><a href="/a">A<br>B</a> <a href="/b"><img src="b.svg" alt=""></a></p>').links,
    ).toEqual(['/a A B', '/b '])
  })

  it('reads an alt text broken over lines as the words a screen reader says', () => {
    expect(features('<img src="a.png" alt="Before and after\n  the push">').images).toEqual([
      'a.png | Before and after the push',
    ])
  })

  it('compares typography as typed', () => {
    expect(features('<p>\u201cquoted\u201d \u2013 it\u2019s\u2026</p>').words).toEqual([
      '"quoted"',
      '--',
      "it's...",
    ])
  })
})
