import {seeded} from '../../testing/seeded.ts'

/**
 * A small seeded generator of just-the-docs markdown: random nesting of the constructs real
 * sites use (lists with code and images in items, quotes, callouts, tables, HTML, definition
 * lists, `{:toc}`, empty and unclosed blocks). The same seed always gives the same page.
 */
export function generateMarkdown(seed: number, maxBlocks = 8): string {
  const random = seeded(seed)
  const gen = new Generator(random)
  const count = 1 + Math.floor(random() * maxBlocks)
  return gen.blocks(count, 0).join('\n') + '\n'
}

const WORDS = ['step', 'open', 'the', 'file', 'run', '`npm test`', '**bold**', '_note_', 'List<T>']
const INLINE = [
  '[a link](https://example.com)',
  '[page](other.md)',
  '[empty]()',
  '![alt text](/assets/a.png)',
  '![](/assets/b.png)',
  '<b>html bold</b>',
  '<br>',
  'text[^1]',
  '{{ page.title }}',
  '<span>span</span>',
]
const HTML = [
  ['<div class="note" markdown="1">', 'Inside *div*', '</div>'],
  ['<details>', '<summary>More</summary>', '', 'Hidden text', '', '</details>'],
  ['<img src="https://example.com/x.png" alt="remote">'],
  ['<iframe src="https://www.youtube.com/embed/x"></iframe>'],
  ['<table>', '<tr><td>cell</td></tr>', '</table>'],
  ['<!-- a comment -->'],
  ['<form><input name="q"></form>'],
  ['<div>'],
  ['<ol start="3">', '<li>three</li>', '<li>four</li>', '</ol>'],
]
const IAL = ['{: .note }', '{: .warning }', '{: .no_toc }', '{:toc}', '{: .btn }', '{: start="4"}']

class Generator {
  private random: () => number

  constructor(random: () => number) {
    this.random = random
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]
  }

  text(): string {
    const length = 1 + Math.floor(this.random() * 6)
    return Array.from({length}, () =>
      this.random() < 0.2 ? this.pick(INLINE) : this.pick(WORDS),
    ).join(' ')
  }

  blocks(count: number, depth: number): string[] {
    const lines: string[] = []
    for (let i = 0; i < count; i++) {
      if (i > 0 && this.random() < 0.85) lines.push('')
      lines.push(...this.block(depth))
    }
    return lines
  }

  block(depth: number): string[] {
    const kinds = depth > 4 ? ['paragraph', 'code'] : KINDS
    switch (this.pick(kinds)) {
      case 'heading':
        return [`${'#'.repeat(1 + Math.floor(this.random() * 6))} ${this.text()}`]
      case 'list':
        return this.list(depth)
      case 'quote':
        return this.blocks(1 + Math.floor(this.random() * 3), depth + 1).map((line) =>
          line === '' ? '>' : `> ${line}`,
        )
      case 'code':
        return this.code()
      case 'table':
        return ['| a | b |', '| --- | :-: |', `| ${this.text()} | ${this.text()} |`]
      case 'html':
        return this.pick(HTML)
      case 'ial':
        return [this.text(), this.pick(IAL)]
      case 'definitions':
        return [
          this.text(),
          `: ${this.text()}`,
          ...(this.random() < 0.5 ? ['', `  ${this.text()}`] : []),
        ]
      case 'footnote':
        return [`[^1]: ${this.text()}`]
      case 'rule':
        return ['---']
      case 'empty':
        return this.pick([['-'], ['1.'], ['>'], ['```', '```'], ['- [ ]']])
      default:
        return [this.text(), ...(this.random() < 0.3 ? [this.text()] : [])]
    }
  }

  code(): string[] {
    const fence = this.pick(['```', '~~~', '````'])
    const body = this.random() < 0.3 ? [] : [this.text(), '  indented {{ site.x }}']
    const closed = this.random() < 0.9
    return [`${fence}${this.pick(['', 'js', 'bash'])}`, ...body, ...(closed ? [fence] : [])]
  }

  list(depth: number): string[] {
    const ordered = this.random() < 0.6
    const task = !ordered && this.random() < 0.2
    const lines: string[] = []
    const items = 1 + Math.floor(this.random() * 4)
    for (let i = 0; i < items; i++) {
      const marker = ordered ? `${i + 1}.` : task ? `- [${this.random() < 0.5 ? 'x' : ' '}]` : '-'
      const indent = ' '.repeat((ordered ? `${i + 1}.` : '-').length + 1)
      const content = this.blocks(1 + Math.floor(this.random() * 3), depth + 1)
      if (this.random() < 0.15) content.push(this.pick(IAL))
      lines.push(`${marker} ${content[0]}`.trimEnd())
      for (const line of content.slice(1)) lines.push(line === '' ? '' : indent + line)
      if (this.random() < 0.3) lines.push('')
    }
    if (this.random() < 0.15) lines.push(this.pick(IAL))
    return lines
  }
}

const KINDS = [
  'paragraph',
  'paragraph',
  'heading',
  'list',
  'list',
  'quote',
  'code',
  'table',
  'html',
  'ial',
  'definitions',
  'footnote',
  'rule',
  'empty',
]
