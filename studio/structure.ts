import {BookIcon} from '@sanity/icons/Book'
import {EyeClosedIcon} from '@sanity/icons/EyeClosed'
import {HomeIcon} from '@sanity/icons/Home'
import {TiersIcon} from '@sanity/icons/Tiers'
import {WrenchIcon} from '@sanity/icons/Wrench'
import {distinctUntilChanged, map, of, switchMap, take, type Observable} from 'rxjs'
import type {
  ComponentBuilder,
  DocumentBuilder,
  ListBuilder,
  StructureBuilder,
  StructureResolver,
  StructureResolverContext,
} from 'sanity/structure'

import {DOCUMENT_TYPES, SITE_ID} from '../schemas/constants.ts'
import {ChildPagesPane, detailsChildId, type ChildPagesOptions} from './ChildPagesPane.tsx'
import {coursesInSiteOrder, type CourseItem} from './courseOrder.ts'
import {STUDIO_API_VERSION} from './env.ts'

const {course, module, lesson, responsibility, responsibilityArea, tool, toolCategory, site} =
  DOCUMENT_TYPES

/** Course, module and lesson documents that no site, course, module or lesson lists. */
export const NOT_IN_NAVIGATION = /* groq */ `
  _type in [$course, $module, $lesson]
  && !(_id in *[_type == $site].courses[]._ref)
  && !(_id in *[_type == $site].collections[].courses[]._ref)
  && !(_id in *[_type == $course].contents[]._ref)
  && !(_id in *[_type in [$module, $lesson]].lessons[]._ref)
`

/**
 * Desk structure: the site, courses (in the site's order) → modules → lessons in order,
 * responsibilities by area, tools by category.
 */
export const structure: StructureResolver = (S, context) =>
  S.list()
    .title('Content')
    .items([
      S.listItem()
        .id('site')
        .title('Site')
        .icon(HomeIcon)
        .schemaType(site)
        .child(S.document().schemaType(site).documentId(SITE_ID)),
      S.listItem()
        .id('courses')
        .title('Courses')
        .icon(BookIcon)
        .child((): Observable<ListBuilder> => siteCourses(S, context)),
      S.listItem()
        .id('not-in-navigation')
        .title("Not in the site's navigation")
        .icon(EyeClosedIcon)
        .child(
          S.documentList()
            .title("Not in the site's navigation")
            .apiVersion(STUDIO_API_VERSION)
            // Pages no site, course, module or lesson lists; each preview says why the source
            // hides it. Adding one to a course or module places it (and removes it from here).
            .filter(NOT_IN_NAVIGATION)
            .params({site, course, module, lesson})
            // It lists only some lessons: opening any lesson (a link, search) must not land here.
            .canHandleIntent(() => false),
        ),
      S.divider(),
      S.listItem()
        .id('responsibilities')
        .title('Responsibilities by area')
        .icon(TiersIcon)
        .child(
          S.documentTypeList(responsibilityArea)
            .title('Areas')
            .defaultOrdering([{field: 'order', direction: 'asc'}])
            .child((areaId) =>
              S.documentList()
                .title('Responsibilities')
                .schemaType(responsibility)
                .filter('_type == $type && area._ref == $areaId')
                .params({type: responsibility, areaId})
                .defaultOrdering([{field: 'order', direction: 'asc'}]),
            ),
        ),
      S.listItem()
        .id('tools')
        .title('Tools by category')
        .icon(WrenchIcon)
        .child(
          S.documentTypeList(toolCategory)
            .title('Categories')
            .defaultOrdering([{field: 'order', direction: 'asc'}])
            .child((categoryId) =>
              S.documentList()
                .title('Tools')
                .schemaType(tool)
                .filter('_type == $type && category._ref == $categoryId')
                .params({type: tool, categoryId})
                .defaultOrdering([{field: 'name', direction: 'asc'}]),
            ),
        ),
      S.divider(),
      ...[course, module, lesson, responsibilityArea, responsibility, toolCategory, tool].map(
        (type) => S.documentTypeListItem(type),
      ),
    ])

/**
 * The Courses pane: courses in the order of the site document's `courses` array (draft first),
 * then the courses it does not list, each opening its ordered contents. It follows the
 * dataset: reordering in the site document, or a new course, shows without reopening.
 */
function siteCourses(
  S: StructureBuilder,
  context: StructureResolverContext,
): Observable<ListBuilder> {
  return context.documentStore
    .listenQuery(
      {
        fetch: `{
          "order": (*[_id in [$site, "drafts." + $site]] | order(_updatedAt desc))[0]{
            "refs": coalesce(courses[]._ref, []) + coalesce(collections[].courses[]._ref, [])
          }.refs,
          "courses": *[_type == $course]{_id, title, "notInNavigation": source.notInNavigation}
        }`,
        listen: '*[_type == $course || _id in [$site, "drafts." + $site]]',
      },
      {site: SITE_ID, course},
      {apiVersion: STUDIO_API_VERSION, perspective: 'raw'},
    )
    .pipe(
      map(({order, courses}: {order: string[] | null; courses: CourseItem[]}) =>
        S.list()
          .id('courses-in-site-order')
          .title('Courses')
          .initialValueTemplates([S.initialValueTemplateItem(course)])
          .items(
            coursesInSiteOrder(order, courses).map((item) =>
              S.listItem()
                .id(item.id)
                .title(item.title ?? 'Untitled course')
                .schemaType(course)
                .child((): Observable<ComponentBuilder> =>
                  orderedChildren(S, context, item.id, course),
                ),
            ),
          ),
      ),
    )
}

/**
 * A course or module pane: its details first, then the items of its ordered reference array
 * (`contents` or `lessons`) in array order, where the editor drags to reorder and adds pages
 * (`ChildPagesPane`). Its title follows the parent's (draft first); a module opens another such
 * pane, a lesson its document.
 */
function orderedChildren(
  S: StructureBuilder,
  context: StructureResolverContext,
  parentId: string,
  parentType: ChildPagesOptions['parentType'],
): Observable<ComponentBuilder> {
  const options: ChildPagesOptions = {parentId, parentType}
  return context.documentStore
    .listenQuery(
      {
        fetch: 'coalesce(*[_id == "drafts." + $id][0].title, *[_id == $id][0].title)',
        listen: '*[_id in [$id, "drafts." + $id]]',
      },
      {id: parentId},
      {apiVersion: STUDIO_API_VERSION, perspective: 'raw'},
    )
    .pipe(
      map((title: string | null) => title ?? `Untitled ${parentType}`),
      distinctUntilChanged(),
      map((title) =>
        S.component(ChildPagesPane)
          .id(`${parentId}-children`)
          .title(title)
          .options({...options})
          .child((childId: string) =>
            childId === detailsChildId(parentId)
              ? S.defaultDocument({schemaType: parentType, documentId: parentId})
              : childPane(S, context, childId),
          ),
      ),
    )
}

/** The pane a course or module item opens: a module's own ordered pane, or the document. */
function childPane(
  S: StructureBuilder,
  context: StructureResolverContext,
  childId: string,
): Observable<ComponentBuilder | DocumentBuilder> {
  return context.documentStore.resolveTypeForDocument(childId).pipe(
    take(1),
    switchMap((type: string | null): Observable<ComponentBuilder | DocumentBuilder> =>
      type === module
        ? orderedChildren(S, context, childId, module)
        : // With no type (the page was deleted meanwhile) the document pane says it is missing.
          of(
            type
              ? S.defaultDocument({schemaType: type, documentId: childId})
              : S.document().documentId(childId),
          ),
    ),
  )
}
