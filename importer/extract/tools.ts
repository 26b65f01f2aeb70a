import type {Table, TableCell} from 'mdast'

import {DOCUMENT_TYPES} from '../../schemas/constants.ts'
import {phrasingText} from '../body/blocks/phrasing-text.ts'
import type {Walk} from '../body/blocks/walk.ts'
import {BLOCK_TYPES, OBJECT_TYPES} from '../body/names.ts'
import type {State} from '../body/state.ts'
import {report} from '../body/state.ts'
import {slugify} from '../slug.ts'
import {documentId, reference} from './ids.ts'

/**
 * A two-column GFM table whose header matches a configured tool-table header ("Tool Type |
 * Examples") becomes tool categories, tools and a `toolTable` block. Cells must be plain text:
 * a formatted or linked cell would lose meaning as a name, so such a table stays a table.
 */
export function toolTable(walk: Walk, state: State): boolean {
  const config = state.extraction.tools
  const node = walk.nodes[walk.index]
  if (!config.enabled || node.type !== 'table') return false
  const [header, ...rows] = node.children
  const titles = header?.children.map((cell) => phrasingText(cell.children).trim()) ?? []
  const matches = config.headers.some(
    ([category, tools]) =>
      titles.length === 2 &&
      titles[0].toLowerCase() === category.toLowerCase() &&
      titles[1].toLowerCase() === tools.toLowerCase(),
  )
  if (!matches || rows.length === 0) return false
  if (!plainCells(node)) {
    report(
      state,
      'info',
      'tool-table-skipped',
      node,
      'Kept a tool table as an ordinary table: some cells hold links or formatting.',
      'Write tool names as plain text to extract them as tools.',
    )
    return false
  }
  const parsed = rows.map((row) => ({
    category: text(row.children[0]),
    tools: text(row.children[1])
      .split(config.separator)
      .map((name) => name.trim())
      .filter(Boolean),
  }))
  if (parsed.some((row) => row.category === '' || row.tools.length === 0)) return false

  walk.out.push({
    _type: BLOCK_TYPES.toolTable,
    columnTitles: titles,
    rows: parsed.map((row, index) => {
      const categoryId = documentId(DOCUMENT_TYPES.toolCategory, row.category)
      state.documents.set(categoryId, {
        _id: categoryId,
        _type: DOCUMENT_TYPES.toolCategory,
        title: row.category,
        slug: {_type: 'slug', current: slugify(row.category)},
        order: index + 1,
      })
      const toolIds = [...new Set(row.tools.map((name) => addTool(name, categoryId, state, node)))]
      return {
        _type: OBJECT_TYPES.toolTableRow,
        category: reference(categoryId),
        tools: toolIds.map(reference),
      }
    }),
  })
  return true
}

function addTool(name: string, categoryId: string, state: State, node: Table): string {
  const id = documentId(DOCUMENT_TYPES.tool, name)
  const existing = state.documents.get(id)
  if (existing && (existing.category as {_ref?: string} | undefined)?._ref !== categoryId) {
    report(
      state,
      'warning',
      'tool-category-conflict',
      node,
      `Kept "${name}" in its first category: a tool has one category, and this table lists it twice.`,
      'List each tool under one category.',
    )
  }
  if (!existing) {
    state.documents.set(id, {
      _id: id,
      _type: DOCUMENT_TYPES.tool,
      name,
      slug: {_type: 'slug', current: slugify(name)},
      category: reference(categoryId),
    })
  }
  return id
}

function plainCells(table: Table): boolean {
  return table.children.every((row) =>
    row.children.every((cell) => cell.children.every((child) => child.type === 'text')),
  )
}

function text(cell: TableCell | undefined): string {
  return cell ? phrasingText(cell.children).trim() : ''
}
