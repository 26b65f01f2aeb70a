/** A course as the Studio structure lists it (raw perspective: drafts have their own ids). */
export interface CourseItem {
  _id: string
  title?: string
  /** Why the source's navigation hides this course (`source.notInNavigation`), if it does. */
  notInNavigation?: string
}

/**
 * Courses in the site document's order (`order`: its `courses[]._ref`), then the courses it does
 * not list, by title (code point order, as the GROQ queries sort); a draft and its published document are one course, shown with the draft's
 * title. Release versions are left out, as the Studio lists them elsewhere.
 */
export function coursesInSiteOrder(
  order: readonly (string | null)[] | null | undefined,
  courses: readonly CourseItem[],
): Array<{id: string; title?: string}> {
  const byId = new Map<string, {id: string; title?: string}>()
  const hidden = new Set<string>()
  for (const item of courses) {
    if (item._id.startsWith('versions.')) continue
    const id = item._id.replace(/^drafts\./, '')
    if (!byId.has(id) || item._id !== id) byId.set(id, {id, title: item.title})
    if (item.notInNavigation) hidden.add(id)
  }
  const listed = (order ?? []).flatMap((id) => {
    const item = id ? byId.get(id) : undefined
    if (item) byId.delete(id!)
    return item ? [item] : []
  })
  // A course the site hides (nav_exclude) and does not list is shown under "Not in the site's
  // navigation"; a course an editor made stays here until they place it. By code point, as
  // GROQ's `order(title asc)` sorts the courses the queries list.
  const others = [...byId.values()]
    .filter((item) => !hidden.has(item.id))
    .sort((a, b) => {
      const [x, y] = [a.title ?? '', b.title ?? '']
      return x < y ? -1 : x > y ? 1 : 0
    })
  return [...listed, ...others]
}
