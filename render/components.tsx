import type {PortableTextComponents} from '@portabletext/react'

import {ANNOTATIONS, BLOCK_TYPES, INLINE_TYPES} from '../schemas/constants.ts'
import {CalloutBlock} from './blocks/callout.tsx'
import {CodeBlock} from './blocks/codeBlock.tsx'
import {DefinitionListBlock} from './blocks/definitionList.tsx'
import {DetailsBlock} from './blocks/details.tsx'
import {DividerBlock} from './blocks/divider.tsx'
import {EmbedBlock} from './blocks/embed.tsx'
import {FootnoteBlock} from './blocks/footnote.tsx'
import {ImageBlock} from './blocks/image.tsx'
import {InlineImage} from './blocks/inlineImage.tsx'
import {InlineMath, MathBlock} from './blocks/math.tsx'
import {QuoteBlock} from './blocks/quote.tsx'
import {RawHtmlBlock} from './blocks/rawHtml.tsx'
import {ResponsibilitySectionBlock} from './blocks/responsibilitySection.tsx'
import {TableBlock} from './blocks/table.tsx'
import {TableOfContentsBlock} from './blocks/tableOfContents.tsx'
import {ToolTableBlock} from './blocks/toolTable.tsx'
import {InternalLinkMark, LinkMark} from './links.tsx'
import {
  blockStyles,
  decorators,
  FootnoteReference,
  LabelMark,
  listItems,
  lists,
  TaskCheck,
} from './text.tsx'

/**
 * Every block type, inline object, style, list, decorator and annotation a lesson body may
 * hold, keyed like the data. Unknown ones fall back to the library's defaults and are
 * reported through `onMissingComponent`.
 */
export const bodyComponents = {
  types: {
    [BLOCK_TYPES.table]: TableBlock,
    [BLOCK_TYPES.code]: CodeBlock,
    [BLOCK_TYPES.image]: ImageBlock,
    [BLOCK_TYPES.callout]: CalloutBlock,
    [BLOCK_TYPES.quote]: QuoteBlock,
    [BLOCK_TYPES.footnote]: FootnoteBlock,
    [BLOCK_TYPES.rawHtml]: RawHtmlBlock,
    [BLOCK_TYPES.embed]: EmbedBlock,
    [BLOCK_TYPES.divider]: DividerBlock,
    [BLOCK_TYPES.details]: DetailsBlock,
    [BLOCK_TYPES.responsibilitySection]: ResponsibilitySectionBlock,
    [BLOCK_TYPES.toolTable]: ToolTableBlock,
    [BLOCK_TYPES.tableOfContents]: TableOfContentsBlock,
    [BLOCK_TYPES.definitionList]: DefinitionListBlock,
    [BLOCK_TYPES.math]: MathBlock,
    [INLINE_TYPES.taskCheck]: TaskCheck,
    [INLINE_TYPES.footnoteReference]: FootnoteReference,
    [INLINE_TYPES.inlineMath]: InlineMath,
    [INLINE_TYPES.inlineImage]: InlineImage,
  },
  marks: {
    ...decorators,
    [ANNOTATIONS.link]: LinkMark,
    [ANNOTATIONS.internalLink]: InternalLinkMark,
    [ANNOTATIONS.label]: LabelMark,
  },
  block: blockStyles,
  list: lists,
  listItem: listItems,
} as PortableTextComponents
