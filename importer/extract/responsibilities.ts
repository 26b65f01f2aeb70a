import type {Heading, List, ListItem, Paragraph, PhrasingContent, RootContent} from 'mdast'

import {DOCUMENT_TYPES} from '../../schemas/constants.ts'
import {phrasingText} from '../body/blocks/phrasing-text.ts'
import {richBlocks, richInline} from '../body/blocks/rich-inline.ts'
import type {Walk} from '../body/blocks/walk.ts'
import {splitTrailingEmoji} from '../body/emoji.ts'
import {BLOCK_TYPES} from '../body/names.ts'
import type {State} from '../body/state.ts'
import {slugify} from '../slug.ts'
import {documentId, reference} from './ids.ts'

/** A bold label and the content after its colon: `**Roadmapping**: Develop …`. */
interface LabelledItem {
  name: string
  description: PhrasingContent[]
}

/**
 * An h2 section of an opted-in page whose content is intro paragraph(s) followed by one bullet
 * list where every item is `**Label**: description` becomes a responsibility area, its
 * responsibilities, and a `responsibilitySection` block in place of the heading, intro and list.
 * Anything else in the section (or a page not opted in) leaves it as ordinary text.
 */
export function responsibilitySection(walk: Walk, state: State): boolean {
  const config = state.extraction.responsibilities
  const heading = walk.nodes[walk.index]
  if (!config.enabled || heading.type !== 'heading' || heading.depth !== 2) return false
  if (!config.pages.some((page) => page.test(state.ctx.title) || page.test(state.ctx.file)))
    return false
  const headingText = phrasingText(heading.children).trim()
  if (!config.sections.some((section) => section.test(headingText))) return false
  const end = sectionEnd(walk.nodes, walk.index + 1)
  const content = walk.nodes.slice(walk.index + 1, end)
  const list = content[content.length - 1]
  const intro = content.slice(0, -1)
  if (list?.type !== 'list' || list.ordered || intro.length === 0) return false
  if (!intro.every((node) => node.type === 'paragraph')) return false
  const items = labelledItems(list)
  if (!items || items.length < config.minItems) return false

  emit(heading, intro as Paragraph[], items, state, walk)
  walk.index = end - 1
  return true
}

function emit(
  heading: Heading,
  intro: Paragraph[],
  items: LabelledItem[],
  state: State,
  walk: Walk,
): void {
  const {text, emoji} = splitTrailingEmoji(phrasingText(heading.children).trim())
  const title = text.trim()
  const areaId = documentId(DOCUMENT_TYPES.responsibilityArea, title)
  const order =
    1 +
    [...state.documents.values()].filter((doc) => doc._type === DOCUMENT_TYPES.responsibilityArea)
      .length
  state.documents.set(areaId, {
    _id: areaId,
    _type: DOCUMENT_TYPES.responsibilityArea,
    title,
    slug: {_type: 'slug', current: slugify(title)},
    ...(emoji ? {emoji} : {}),
    // Converted like body paragraphs, so the intro keeps marks, links and internal links.
    intro: richBlocks(intro, state),
    order,
  })
  const refs = items.map((item, index) => {
    const id = documentId(DOCUMENT_TYPES.responsibility, item.name)
    state.documents.set(id, {
      _id: id,
      _type: DOCUMENT_TYPES.responsibility,
      name: item.name,
      slug: {_type: 'slug', current: slugify(item.name)},
      area: reference(areaId),
      order: index + 1,
      description: richInline(item.description, state),
    })
    return reference(id)
  })
  walk.out.push({
    _type: BLOCK_TYPES.responsibilitySection,
    area: reference(areaId),
    responsibilities: refs.filter(
      (ref, i) => refs.findIndex((other) => other._ref === ref._ref) === i,
    ),
  })
}

function sectionEnd(nodes: RootContent[], from: number): number {
  let i = from
  while (i < nodes.length && !(nodes[i].type === 'heading' && (nodes[i] as Heading).depth <= 2)) i++
  return i
}

/** The items of a list if every one is a single `**Label**: description` paragraph. */
function labelledItems(list: List): LabelledItem[] | undefined {
  const items: LabelledItem[] = []
  for (const item of list.children) {
    const labelled = labelledItem(item)
    if (!labelled) return undefined
    items.push(labelled)
  }
  return items
}

function labelledItem(item: ListItem): LabelledItem | undefined {
  const paragraph = item.children[0]
  if (item.children.length !== 1 || paragraph?.type !== 'paragraph' || item.checked != null)
    return undefined
  const [label, after, ...rest] = paragraph.children
  if (label?.type !== 'strong') return undefined
  const labelText = phrasingText(label.children).trim()
  if (labelText.endsWith(':')) {
    const name = labelText.slice(0, -1).trim()
    const description =
      after?.type === 'text'
        ? [{...after, value: after.value.trimStart()}, ...rest]
        : paragraph.children.slice(1)
    return name && hasText(description) ? {name, description} : undefined
  }
  if (after?.type !== 'text' || !after.value.startsWith(':')) return undefined
  const description = [{...after, value: after.value.slice(1).trimStart()}, ...rest]
  return labelText && hasText(description) ? {name: labelText, description} : undefined
}

function hasText(nodes: PhrasingContent[]): boolean {
  return phrasingText(nodes).trim() !== ''
}
