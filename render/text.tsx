import type {
  PortableTextBlockComponent,
  PortableTextListComponent,
  PortableTextListItemComponent,
  PortableTextMarkComponent,
  PortableTextMarkComponentProps,
  PortableTextTypeComponentProps,
} from '@portabletext/react'
import type {ReactNode} from 'react'

import {labelClasses} from '../schemas/constants.ts'

import {footnoteIds} from './blocks/footnote.tsx'
import {useHeadingId} from './headings.ts'

type Level = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'

function heading(Tag: Level): PortableTextBlockComponent {
  return function Heading({value, children}) {
    return <Tag id={useHeadingId(value)}>{children}</Tag>
  }
}

/** Block styles, keyed like `BLOCK_STYLES`. */
export const blockStyles = {
  normal: ({children}: {children?: ReactNode}) => <p>{children}</p>,
  h1: heading('h1'),
  h2: heading('h2'),
  h3: heading('h3'),
  h4: heading('h4'),
  h5: heading('h5'),
  h6: heading('h6'),
  blockquote: ({children}: {children?: ReactNode}) => (
    <blockquote>
      <p>{children}</p>
    </blockquote>
  ),
} satisfies Record<string, PortableTextBlockComponent>

/** Lists, keyed like `LIST_TYPES`. */
export const lists = {
  bullet: ({children}) => <ul>{children}</ul>,
  number: ({value, children}) => {
    const start = (value as {start?: unknown}).start
    return <ol start={typeof start === 'number' && start !== 1 ? start : undefined}>{children}</ol>
  },
  task: ({children}) => <ul className="contains-task-list">{children}</ul>,
} satisfies Record<string, PortableTextListComponent>

/** List items, keyed like `LIST_TYPES`. */
export const listItems = {
  bullet: ({children}) => <li>{children}</li>,
  number: ({children}) => <li>{children}</li>,
  task: ({children}) => <li className="task-list-item">{children}</li>,
} satisfies Record<string, PortableTextListItemComponent>

/** Decorators, keyed like `DECORATORS`. */
export const decorators = {
  strong: ({children}) => <strong>{children}</strong>,
  em: ({children}) => <em>{children}</em>,
  code: ({children}) => <code>{children}</code>,
  'strike-through': ({children}) => <del>{children}</del>,
} satisfies Record<string, PortableTextMarkComponent>

/**
 * The `label` annotation: a badge, with the classes just-the-docs styles (`label label-purple`), so
 * a site's own CSS for its colours applies too.
 */
export function LabelMark({
  value,
  children,
}: PortableTextMarkComponentProps<{_type: 'label'; _key: string; color?: string}>) {
  return <span className={labelClasses(value?.color).join(' ')}>{children}</span>
}

/** The checkbox starting a task-list item, read-only. */
export function TaskCheck({
  value,
}: PortableTextTypeComponentProps<{_type: 'taskCheck'; checked?: boolean}>) {
  return <input type="checkbox" checked={value.checked === true} disabled readOnly />
}

/** An inline footnote marker linking to its footnote. */
export function FootnoteReference({
  value,
}: PortableTextTypeComponentProps<{_type: 'footnoteReference'; label?: string}>) {
  const ids = footnoteIds(value.label)
  return (
    <sup className="footnote-reference">
      <a id={ids.reference} href={`#${ids.note}`}>
        {value.label}
      </a>
    </sup>
  )
}
