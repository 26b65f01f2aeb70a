import {LABEL_BACKGROUNDS, labelTextColor} from '../labelColors.ts'

/** Rules of the generated pages' minimal styling: selector list, then declarations. */
const RULES: readonly [string, string][] = [
  [':root', 'color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --accent: #5b4ad6'],
  ['body', 'font: 16px/1.6 system-ui, sans-serif; margin: 0'],
  ['main', 'max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 4rem'],
  ['a', 'color: var(--accent)'],
  // The Studio resets these inside its panes; the preview shows them as the site does.
  ['p, ul, ol, pre, table, dl', 'margin: 0 0 1rem'],
  ['strong, b, th', 'font-weight: 700'],
  ['em, i', 'font-style: italic'],
  ['h1, h2, h3, h4, h5, h6', 'font-weight: 700; line-height: 1.25; margin: 1.5rem 0 .75rem'],
  [
    '.breadcrumbs ol, .pager',
    'display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0',
  ],
  ['.breadcrumbs li + li::before', 'content: "›"; margin-right: .5rem; color: var(--muted)'],
  [
    '.pager',
    'justify-content: space-between; border-top: 1px solid var(--line); padding-top: 1rem; margin-top: 2rem',
  ],
  ['.description', 'color: var(--muted); font-size: 1.1rem'],
  ['table', 'border-collapse: collapse; width: 100%; margin: 1rem 0'],
  [
    'th, td',
    'border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top',
  ],
  [
    'pre',
    'overflow-x: auto; padding: .75rem; background: rgba(127,127,127,.12); border-radius: 4px',
  ],
  ['pre.raw-html', 'border-left: 4px solid #d97706; white-space: pre-wrap'],
  [
    'blockquote',
    'border-left: 4px solid var(--line); margin-left: 0; padding-left: 1rem; color: var(--muted)',
  ],
  [
    '.callout',
    'border-left: 4px solid var(--accent); padding: .5rem 1rem; margin: 1rem 0; background: rgba(91,74,214,.08)',
  ],
  [
    '.callout::before',
    'display: block; font-weight: 600; text-transform: uppercase; font-size: .8rem',
  ],
  ['.callout-note::before', 'content: "Note"'],
  ['.callout-tip::before', 'content: "Tip"'],
  ['.callout-warning::before', 'content: "Warning"'],
  ['.callout-important::before', 'content: "Important"'],
  ['.callout-warning', 'border-color: #d97706'],
  ['.callout-important', 'border-color: #dc2626'],
  ['.footnote', 'font-size: .9rem; color: var(--muted); display: flex; gap: .5rem'],
  ['.footnote::before', 'content: attr(data-label) "."'],
  ['.footnote-backref::after', 'content: "↩"'],
  ['.footnote p', 'margin: 0'],
  ['.task-list-item', 'list-style: none'],
  ['.contains-task-list', 'padding-left: 1.2rem'],
  ['.link-unavailable', 'text-decoration: underline dotted'],
  ['.next-link', 'margin-top: 2rem'],
  ['.next-link a', 'font-weight: 600'],
  ['img', 'max-width: 100%; height: auto'],
  // just-the-docs' labels: a badge, blue unless a colour class says otherwise.
  [
    '.label',
    `display: inline-block; margin: 0 .25rem .25rem 0; padding: .1rem .5rem; border-radius: 12px; background: ${LABEL_BACKGROUNDS.blue}; color: #fff; font-size: .75em; font-weight: 600; text-transform: uppercase; vertical-align: middle`,
  ],
  ...Object.entries(LABEL_BACKGROUNDS).map(([color, background]): [string, string] => [
    `.label-${color}`,
    `background: ${background}; color: ${labelTextColor(color)}`,
  ]),
]

/**
 * The stylesheet; with `scope`, every selector is limited to that container (`:root`,
 * `body` and `main` become the container itself), for showing a page inside the Studio.
 */
export function pageStyle(scope?: string): string {
  const select = (selector: string) =>
    selector
      .split(',')
      .map((part) => {
        const trimmed = part.trim()
        if (!scope) return trimmed
        return /^(?::root|body|main)$/.test(trimmed) ? scope : `${scope} ${trimmed}`
      })
      .join(', ')
  return RULES.map(([selector, declarations]) => `${select(selector)} { ${declarations} }`).join(
    '\n',
  )
}
