import {course} from './documents/course.ts'
import {lesson} from './documents/lesson.ts'
import {module} from './documents/module.ts'
import {responsibility} from './documents/responsibility.ts'
import {responsibilityArea} from './documents/responsibilityArea.ts'
import {site} from './documents/site.ts'
import {tool} from './documents/tool.ts'
import {toolCategory} from './documents/toolCategory.ts'
import {callout} from './objects/callout.ts'
import {codeBlock} from './objects/codeBlock.ts'
import {definitionList} from './objects/definitionList.ts'
import {definitionListItem} from './objects/definitionListItem.ts'
import {details} from './objects/details.ts'
import {divider} from './objects/divider.ts'
import {embed} from './objects/embed.ts'
import {footnote} from './objects/footnote.ts'
import {footnoteReference} from './objects/footnoteReference.ts'
import {frontMatterEntry} from './objects/frontMatterEntry.ts'
import {includeUse} from './objects/includeUse.ts'
import {internalLink} from './objects/internalLink.ts'
import {label} from './objects/label.ts'
import {lessonBody} from './objects/lessonBody.ts'
import {link} from './objects/link.ts'
import {inlineMath, math} from './objects/math.ts'
import {navCollection} from './objects/navCollection.ts'
import {nextLink} from './objects/nextLink.ts'
import {quote} from './objects/quote.ts'
import {rawHtml} from './objects/rawHtml.ts'
import {responsibilitySection} from './objects/responsibilitySection.ts'
import {cellBody, richText, titleText} from './objects/richText.ts'
import {quoteBody, sectionBody} from './objects/sectionBody.ts'
import {sourceInfo} from './objects/sourceInfo.ts'
import {table} from './objects/table.ts'
import {tableOfContents} from './objects/tableOfContents.ts'
import {tableCell} from './objects/tableCell.ts'
import {tableRow} from './objects/tableRow.ts'
import {taskCheck} from './objects/taskCheck.ts'
import {toolTable} from './objects/toolTable.ts'
import {toolTableRow} from './objects/toolTableRow.ts'

/** Every document type of the content model. */
export const documentTypes = [
  site,
  course,
  module,
  lesson,
  responsibilityArea,
  responsibility,
  toolCategory,
  tool,
]

/** Every object type: Portable Text arrays, annotations, inline objects and custom blocks. */
export const objectTypes = [
  lessonBody,
  sectionBody,
  quoteBody,
  richText,
  titleText,
  cellBody,
  link,
  internalLink,
  label,
  taskCheck,
  footnoteReference,
  inlineMath,
  math,
  navCollection,
  codeBlock,
  table,
  tableRow,
  tableCell,
  callout,
  quote,
  details,
  footnote,
  divider,
  embed,
  rawHtml,
  responsibilitySection,
  toolTable,
  toolTableRow,
  tableOfContents,
  definitionList,
  definitionListItem,
  sourceInfo,
  frontMatterEntry,
  includeUse,
  nextLink,
]

/** The schema types registered in the Studio. */
export const schemaTypes = [...documentTypes, ...objectTypes]
