import {defineArrayMember, defineField, type ReferenceRule} from 'sanity'

import {BLOCK_TYPES, LINK_SCHEMES, OBJECT_TYPES, type DocumentTypeName} from './constants.ts'
import {checkLinkHref, checkSlug} from './validation.ts'

/** Field groups shared by the page-like documents. */
export const pageGroups = [
  {name: 'content', title: 'Content', default: true},
  {name: 'source', title: 'Source'},
]

/** The required title field, named `field` (`title` or `name`). */
export function titleField(field: 'title' | 'name' = 'title', group?: string) {
  const what = field
  return defineField({
    name: field,
    title: field === 'title' ? 'Title' : 'Name',
    type: 'string',
    group,
    validation: (rule) => rule.required().error(`Give it a ${what}.`),
  })
}

/** The URL slug, generated from `source`. */
export function slugField(source: 'title' | 'name' = 'title', group?: string) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    group,
    options: {source, maxLength: 96},
    validation: (rule) =>
      rule
        .required()
        .custom((slug) => checkSlug(slug as {current?: string}))
        .error(),
  })
}

/** An optional single emoji shown next to the title. */
export function emojiField(group?: string) {
  return defineField({
    name: 'emoji',
    title: 'Emoji',
    type: 'string',
    group,
    description: 'One emoji shown beside the title, e.g. 🚀.',
    validation: (rule) =>
      rule
        .max(32)
        .custom((value: unknown) =>
          typeof value !== 'string' ||
          !/[\p{L}\p{N}]/u.test(value.replace(/[\u{FE0F}\u{20E3}]/gu, ''))
            ? true
            : 'Use an emoji only; put words in the title.',
        ),
  })
}

/** The read-only source information written by the importer. */
export function sourceField(group?: string) {
  return defineField({
    name: 'source',
    title: 'Source',
    type: OBJECT_TYPES.sourceInfo,
    group,
  })
}

/** Tag of the query that checks a reference's target type; in-memory validation answers it from an index. */
export const REFERENCE_TYPE_TAG = 'validation.reference-type'

/**
 * A reference array member that also checks the target's type: the Studio's reference
 * input only offers the right types, but imported or API-written data may point anywhere.
 */
export function referenceTo(types: readonly string[]) {
  return defineArrayMember({
    type: 'reference',
    to: types.map((type) => ({type})),
    validation: (rule: ReferenceRule) =>
      rule
        .custom(async (value, context) => {
          const id = (value as {_ref?: string} | undefined)?._ref
          if (!id) return true
          const target = await context
            .getClient({apiVersion: '2025-02-19'})
            .fetch<string | null>(
              '*[_id in [$id, "drafts." + $id]][0]._type',
              {id},
              {tag: REFERENCE_TYPE_TAG},
            )
          return !target || types.includes(target)
            ? true
            : `This points at a ${target}; choose a ${types.join(' or ')} instead.`
        })
        .error(),
  })
}

/**
 * The content fields every page-like document (course, module, lesson) starts with: title,
 * slug, emoji, description and the page's own Portable Text body.
 */
export function pageContentFields(body: {title: string; description?: string}) {
  return [
    titleField('title', 'content'),
    slugField('title', 'content'),
    emojiField('content'),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      group: 'content',
    }),
    defineField({
      name: 'body',
      title: body.title,
      type: OBJECT_TYPES.lessonBody,
      group: 'content',
      description: body.description,
    }),
  ]
}

/** An ordered, drag-and-drop array of references to pages below this one. */
export function childPagesField(options: {
  name: string
  title: string
  description: string
  to: readonly DocumentTypeName[]
  duplicateMessage: string
}) {
  return defineField({
    name: options.name,
    title: options.title,
    type: 'array',
    group: 'content',
    description: options.description,
    of: [referenceTo(options.to)],
    validation: (rule) => rule.unique().error(options.duplicateMessage),
  })
}

/** A preview title: the title followed by its emoji, when it has one. */
export function titleWithEmoji(title: unknown, emoji: unknown): string {
  return [title, emoji].filter(Boolean).join(' ')
}

/** `1 lesson`, `2 lessons`: a count with its noun, for previews. */
export function counted(count: unknown, noun: string): string {
  const n = typeof count === 'number' ? count : 0
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/**
 * The first names of a list and how many more, `Jira, Trello, Asana and 2 more`, for previews
 * (a preview can only select a few paths, so the rest is counted).
 */
export function namesPreview(
  names: readonly unknown[],
  count: unknown,
  one: string,
  many: string,
): string {
  const shown = names.filter((name): name is string => typeof name === 'string' && name !== '')
  const total = typeof count === 'number' ? count : shown.length
  if (shown.length === 0) return `${total} ${total === 1 ? one : many}`
  const rest = total - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ')
}

/** An image's alternative text: a warning, not an error, when missing. */
export function imageAltField() {
  return defineField({
    name: 'alt',
    title: 'Alternative text',
    type: 'string',
    description: 'What the image shows, for readers who cannot see it.',
    validation: (rule) =>
      rule.required().warning('Describe the image in a few words for screen readers.'),
  })
}

/** Where the importer found an image (read-only): the sync uploads a local file it names. */
export function imageSrcField() {
  return defineField({
    name: 'src',
    title: 'Source address',
    type: 'string',
    readOnly: true,
    description:
      'Where the importer found the image. A remote image stays a link until someone uploads it.',
  })
}

/**
 * Where clicking an image or an inline formula leads (`[![alt](src)](href)`, `[$$x$$](href)` in
 * the source: a link mark cannot cover an inline object), checked like a link.
 */
export function imageLinkField() {
  return defineField({
    name: 'href',
    title: 'Link',
    type: 'string',
    description: `Where clicking it leads: ${LINK_SCHEMES.join(', ')}, a relative path or #anchor.`,
    validation: (rule) => rule.custom((href: unknown) => (href ? checkLinkHref(href) : true)),
  })
}

/** Where an image comes from, for its preview: uploaded, or the host of a remote address. */
export function imageSubtitle(src: unknown, uploaded: boolean): string {
  if (uploaded) return 'Image · uploaded'
  if (typeof src !== 'string' || !src) return 'Image · no file yet'
  try {
    return `Image · remote, ${new URL(src).host}`
  } catch {
    return `Image · ${src}`
  }
}

/** A page preview's subtitle: its kind and detail, or why the source's navigation hides it. */
export function pageSubtitle(kind: string, detail: string, notInNavigation: unknown): string {
  return typeof notInNavigation === 'string' && notInNavigation
    ? `${kind} · not in the source's navigation: ${notInNavigation}`
    : `${kind} · ${detail}`
}

type RichBlock = {
  _type?: string
  children?: unknown
  code?: unknown
  summary?: unknown
  body?: unknown
}

/**
 * The text of rich text blocks, joined by spaces, for one-line previews and subtitles: a code
 * block a table cell holds counts by its code, a block holding rich text of its own (a callout,
 * a collapsible section, a quote) by the text it holds.
 */
export function richTextPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  return blocks
    .map((block: RichBlock) =>
      block?._type === 'block' && Array.isArray(block.children)
        ? block.children.map((child: {text?: unknown}) => String(child?.text ?? '')).join('')
        : block?._type === BLOCK_TYPES.code && typeof block.code === 'string'
          ? block.code.replace(/\s+/g, ' ').trim()
          : [block?.summary, block?.body].map(richTextPlainText).filter(Boolean).join(' '),
    )
    .filter(Boolean)
    .join(' ')
}

/**
 * A preview's title for rich text: its text, else the types of what it holds (`(image)` for a
 * quote of one image), else `empty`: a block that holds something never reads as empty.
 */
export function richTextTitle(blocks: unknown, empty: string): string {
  const text = richTextPlainText(blocks)
  if (text || !Array.isArray(blocks) || blocks.length === 0) return text || empty
  const types = [...new Set(blocks.map((block: RichBlock) => block?._type).filter(Boolean))]
  return types.length > 0 ? `(${types.join(', ')})` : empty
}
