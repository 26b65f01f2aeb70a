import {DOCUMENT_TYPES, type DocumentTypeName} from '../../schemas/constants.ts'
import type {NavNode, NavTree, SourcePage} from '../site/types.ts'
import {pageId, placeholderId} from './ids.ts'

type PageType =
  typeof DOCUMENT_TYPES.course | typeof DOCUMENT_TYPES.module | typeof DOCUMENT_TYPES.lesson

/** One course, module or lesson document to write, before its body is converted. */
export interface PlannedDocument {
  id: string
  type: PageType & DocumentTypeName
  title: string
  /** Absent for a placeholder parent that has no page of its own. */
  page?: SourcePage
  parentId?: string
  /** Documents listed under this one, in navigation order (hidden pages are not listed). */
  children: PlannedDocument[]
  /** 1 for courses; 0 for pages outside the navigation. */
  depth: number
  /** `nav_exclude: true` on this page or one above it. */
  hidden: boolean
  /** Why the theme leaves this page out of the navigation (it is listed by no parent). */
  hiddenReason?: string
  /** For a course: the collection whose navigation section lists it (absent: the site's). */
  collection?: string
}

/**
 * Level 1 is a course; level 2 is a module when it has pages below it, otherwise a lesson
 * directly in the course; level 3 and deeper are lessons, each listed by its parent (a module,
 * or for level 4+ the parent lesson's `lessons`). Pages outside the navigation are lessons.
 */
export function documentType(node: NavNode): PageType {
  if (node.depth === 1) return DOCUMENT_TYPES.course
  if (node.depth === 2 && node.children.length > 0) return DOCUMENT_TYPES.module
  return DOCUMENT_TYPES.lesson
}

function titleChain(node: NavNode): string[] {
  const titles: string[] = []
  for (let up: NavNode | undefined = node; up; up = up.parent) titles.unshift(up.title)
  return titles
}

/** Turns the navigation tree (and the pages it could not place) into planned documents. */
export function planDocuments(tree: NavTree): PlannedDocument[] {
  const plans: PlannedDocument[] = []
  const visit = (node: NavNode, parent?: PlannedDocument): PlannedDocument => {
    const type = documentType(node)
    const plan: PlannedDocument = {
      id: node.page ? pageId(type, node.page.file) : placeholderId(type, titleChain(node)),
      type,
      title: node.title,
      page: node.page,
      parentId: parent?.id,
      children: [],
      depth: node.depth,
      hidden: node.hidden,
      ...(node.collection === undefined ? {} : {collection: node.collection}),
      // The page with nav_exclude leaves the navigation; its own subtree stays listed under it.
      ...(node.hidden && !parent?.hidden ? {hiddenReason: 'it has `nav_exclude: true`'} : {}),
    }
    plans.push(plan)
    for (const child of node.children) {
      const childPlan = visit(child, plan)
      // Only the page with nav_exclude leaves its parent's list; its own subtree stays intact.
      if (!child.hidden || node.hidden) plan.children.push(childPlan)
    }
    return plan
  }
  for (const root of tree.roots) visit(root)
  for (const {page, reason} of tree.unplaced) {
    plans.push({
      id: pageId(DOCUMENT_TYPES.lesson, page.file),
      type: DOCUMENT_TYPES.lesson,
      title: page.title ?? '',
      page,
      children: [],
      depth: 0,
      hidden: false,
      hiddenReason: reason,
    })
  }
  return plans
}
