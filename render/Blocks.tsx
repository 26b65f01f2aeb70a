import {
  PortableText,
  type MissingComponentHandler,
  type PortableTextComponents,
  type PortableTextListComponent,
  type PortableTextListItemComponent,
} from '@portabletext/react'
import type {ReactNode} from 'react'

import {groupLists, isListNode, type Block, type ItemNode, type ListNode} from './lists.ts'

type Props = {
  components: PortableTextComponents
  onMissingComponent: MissingComponentHandler
}

const InlineNormal = ({children}: {children?: ReactNode}) => <>{children}</>
const inlineComponents = new WeakMap<PortableTextComponents, PortableTextComponents>()

/**
 * The components with a normal paragraph rendered without its `<p>` (a tight list item, a
 * table cell), made once per components object so `<PortableText>` gets the same one each render.
 */
export function withInlineParagraph(components: PortableTextComponents): PortableTextComponents {
  let inline = inlineComponents.get(components)
  if (!inline) {
    inline = {...components, block: {...(components.block as object), normal: InlineNormal}}
    inlineComponents.set(components, inline)
  }
  return inline
}

/**
 * Portable Text with lists grouped as kramdown nests them (`render/lists.ts`): one `<ol>` per
 * list whatever code blocks, images or paragraphs its items hold, numbered from its `start`.
 * Everything else renders through `<PortableText>` with the same components.
 */
export function Blocks({value, ...props}: Props & {value: readonly Block[]}) {
  return <>{groupLists(value).map((entry, i) => renderEntry(entry, i, props))}</>
}

function renderEntry(entry: Block | ListNode, key: number, props: Props): ReactNode {
  if (isListNode(entry)) return <ListView key={key} list={entry} {...props} />
  return (
    <PortableText
      key={entry._key ?? key}
      value={[entry]}
      components={props.components}
      onMissingComponent={props.onMissingComponent}
    />
  )
}

function ListView({list, ...props}: Props & {list: ListNode}) {
  const List = props.components.list as Record<string, PortableTextListComponent | undefined>
  const Component = List?.[list.listItem]
  const items = list.items.map((item, i) => <ItemView key={i} item={item} index={i} {...props} />)
  if (!Component) {
    props.onMissingComponent(`Unknown list style "${list.listItem}"`, {
      type: list.listItem,
      nodeType: 'listStyle',
    })
    return <ul>{items}</ul>
  }
  const value = {
    _type: '@list' as const,
    _key: list.items[0].head._key ?? String(list.level),
    mode: 'html' as const,
    level: list.level,
    listItem: list.listItem,
    start: list.start,
    children: [],
  }
  return (
    <Component value={value} index={0} isInline={false} renderNode={() => null}>
      {items}
    </Component>
  )
}

function ItemView({item, index, ...props}: Props & {item: ItemNode; index: number}) {
  const Items = props.components.listItem as Record<
    string,
    PortableTextListItemComponent | undefined
  >
  const head = item.head
  const Component = Items?.[String(head.listItem)]
  // The item's first paragraph renders without `<p>`, as in a tight markdown list.
  const text = {...head, listItem: undefined, level: undefined, start: undefined}
  const inner = (
    <>
      <PortableText
        value={[text]}
        components={withInlineParagraph(props.components)}
        onMissingComponent={props.onMissingComponent}
      />
      {item.content.map((entry, i) => renderEntry(entry, i, props))}
    </>
  )
  if (!Component) return <li>{inner}</li>
  return (
    <Component value={head as never} index={index} isInline={false} renderNode={() => null}>
      {inner}
    </Component>
  )
}
