/**
 * The site's course order, shared by the queries that list courses: the singleton `site`
 * document's `courses` array (what an editor drags in Studio, and the source's top-level order),
 * then any course it does not list, by title.
 */

/** The courses the site document lists, in its order (missing or non-course references dropped). */
export const listedCourses = /* groq */ `(*[_type == "site"][0].courses[]->)[_type == "course"]`

/** The courses the site document does not list (all of them when there is no site document). */
export const unlistedCourses = /* groq */ `*[_type == "course" && !(_id in coalesce(*[_type == "site"][0].courses[]._ref, []))] | order(title asc)`
