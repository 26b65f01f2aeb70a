import {DOCUMENT_TYPES, OBJECT_TYPES} from '../../schemas/constants.ts'
import type {ConvertResult} from '../body/index.ts'
import type {Diagnostic, ImportedDocument, Reference} from '../types.ts'
import type {PlannedDocument} from './plan.ts'
import {assignSlugs} from './slugs.ts'
import {contentHash, frontMatterEntries} from './source.ts'

function references(children: readonly PlannedDocument[]): Array<Reference & {_key: string}> {
  return children.map((child) => ({_key: child.id, _type: 'reference', _ref: child.id}))
}

function sourceInfo(plan: PlannedDocument, result?: ConvertResult): Record<string, unknown> {
  const page = plan.page
  if (!page) return {_type: OBJECT_TYPES.sourceInfo, hasSourcePage: false}
  const navOrder = page.data.nav_order
  return {
    _type: OBJECT_TYPES.sourceInfo,
    path: page.file,
    hasSourcePage: true,
    frontMatter: frontMatterEntries(page.own ?? page.data, plan.hiddenReason !== undefined),
    ...(typeof navOrder === 'number' || typeof navOrder === 'string'
      ? {navOrder: String(navOrder)}
      : {}),
    contentHash: page.textHash ?? contentHash(page.text),
    ...(result ? {titleHeading: result.titleHeading === true} : {}),
    ...(result?.titleNoToc ? {titleNoToc: true} : {}),
    ...(result?.includes?.length
      ? {
          includes: result.includes.map((run, index) => ({
            _type: OBJECT_TYPES.includeUse,
            // An include that made no block has none to name it: its place in the list does.
            _key: 'firstKey' in run ? run.firstKey : `include-${index}`,
            ...run,
          })),
        }
      : {}),
    ...(plan.hiddenReason ? {notInNavigation: plan.hiddenReason} : {}),
    ...(page.titleFromFile ? {titleFromFile: true} : {}),
  }
}

function nextLink(plan: PlannedDocument, next: NonNullable<ConvertResult['next']>) {
  const isLesson = next.target?._type === DOCUMENT_TYPES.lesson
  const diagnostics: Diagnostic[] = []
  // An unresolved address is the body stage's warning (next-link-unresolved); a page that
  // resolves but is not a lesson is only visible here.
  if (next.target && !isLesson && plan.page) {
    diagnostics.push({
      severity: 'warning',
      code: 'next-not-a-lesson',
      file: plan.page.file,
      message: `Cannot link "${next.label}" to a lesson, expected ${next.href} to be a lesson page, but it is a ${next.target._type}; the address is kept.`,
      hint: 'Point the link at a lesson page, or keep the address as it is.',
    })
  }
  const value = isLesson
    ? {
        _type: OBJECT_TYPES.nextLink,
        label: next.label,
        lesson: {_type: 'reference', _ref: next.target!._id, _weak: true},
      }
    : {_type: OBJECT_TYPES.nextLink, label: next.label, href: next.href}
  return {value, diagnostics}
}

/**
 * A document as validation reads one it does not check (references and unique slugs): its id,
 * type and slug.
 */
export const documentStub = (
  id: string,
  type: string,
  slug: string | undefined,
): ImportedDocument => ({_id: id, _type: type, slug: {_type: 'slug', current: slug}})

/** Options of {@link assembleDocuments}. */
export interface AssembleOptions {
  /**
   * The ids of the documents to build in full; every other is only its `_id`, `_type` and
   * `slug` (what validation reads of the other documents: references and unique slugs), for a
   * caller that writes only these (the rest are as the last import left them). Diagnostics are
   * found for every document either way.
   */
  only?: ReadonlySet<string>
  /** Each plan's slug by id, when known already ({@link planSlugs} of these very plans). */
  slugs?: ReadonlyMap<string, string>
}

/**
 * The slugs of each site's plans, planned once: an import's snapshot and its documents both
 * ask, and a site's plans do not change once planned.
 */
const plannedSlugs = new WeakMap<readonly PlannedDocument[], ReadonlyMap<string, string>>()

/** The slug of each planned document by id: every document's slug depends on every title. */
export function planSlugs(plans: readonly PlannedDocument[]): ReadonlyMap<string, string> {
  let slugs = plannedSlugs.get(plans)
  if (!slugs) {
    slugs = assignSlugs(
      plans.map((p) => ({id: p.id, type: p.type, title: p.title, parentId: p.parentId})),
    )
    plannedSlugs.set(plans, slugs)
  }
  return slugs
}

/**
 * Builds the course, module and lesson documents from the plan and each page's converted body.
 * Field order follows the schema so NDJSON diffs read like the Studio form.
 */
export function assembleDocuments(
  plans: readonly PlannedDocument[],
  converted: ReadonlyMap<string, ConvertResult>,
  {only, slugs = planSlugs(plans)}: AssembleOptions = {},
): {documents: ImportedDocument[]; diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = []
  const documents = plans.map((plan): ImportedDocument => {
    const result = converted.get(plan.id)
    const next = plan.type === DOCUMENT_TYPES.lesson && result?.next && nextLink(plan, result.next)
    if (next) diagnostics.push(...next.diagnostics)
    if (only && !only.has(plan.id)) return documentStub(plan.id, plan.type, slugs.get(plan.id))
    const slug = {_type: 'slug', current: slugs.get(plan.id)}
    const description = plan.page?.data.description
    const doc: ImportedDocument = {
      _id: plan.id,
      _type: plan.type,
      title: plan.title,
      slug,
      ...(result?.emoji ? {emoji: result.emoji} : {}),
      ...(typeof description === 'string' ? {description} : {}),
    }
    if (result && result.body.length > 0) doc.body = result.body
    if (plan.type === DOCUMENT_TYPES.course) {
      doc.contents = references(plan.children)
    } else {
      if (next) doc.next = next.value
      if (plan.type === DOCUMENT_TYPES.module || plan.children.length > 0) {
        doc.lessons = references(plan.children)
      }
    }
    doc.source = sourceInfo(plan, result)
    return doc
  })
  return {documents, diagnostics}
}

/**
 * Merges documents extracted from several pages (the same tool named twice is one document):
 * the first, in file order, is kept; a later one with different content gets a warning.
 */
export function mergeExtracted(
  pages: ReadonlyArray<{file: string; documents: readonly ImportedDocument[]}>,
): {documents: ImportedDocument[]; diagnostics: Diagnostic[]} {
  const byId = new Map<string, {doc: ImportedDocument; file: string; json: string}>()
  const diagnostics: Diagnostic[] = []
  for (const {file, documents} of pages) {
    for (const doc of documents) {
      const json = JSON.stringify(doc)
      const first = byId.get(doc._id)
      if (!first) byId.set(doc._id, {doc, file, json})
      else if (first.json !== json) {
        diagnostics.push({
          severity: 'warning',
          code: 'extracted-conflict',
          file,
          message: `Cannot merge ${doc._type} "${doc._id}" with the one from ${first.file}, expected the same content for the same name; the first is kept.`,
          hint: 'Describe the item the same way on both pages, or give them different names.',
        })
      }
    }
  }
  return {documents: [...byId.values()].map((entry) => entry.doc), diagnostics}
}
