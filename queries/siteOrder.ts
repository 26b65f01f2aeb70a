/**
 * The site's course order, shared by the queries that list courses: the singleton `site`
 * document's `courses` array (what an editor drags in Studio, and the source's top-level order),
 * then the courses of its navigation sections (`collections[].courses`: the Jekyll collections
 * the theme shows after the pages), then any course it lists nowhere, by title.
 */

/** The courses the site document lists, in its order (missing or non-course references dropped). */
export const listedCourses = /* groq */ `(*[_type == "site"][0].courses[]->)[_type == "course"]`

/** The courses of the site's navigation sections, section by section, each in its order. */
export const sectionCourses = /* groq */ `(*[_type == "site"][0].collections[].courses[]->)[_type == "course"]`

/** The courses the site document lists nowhere (all of them when there is no site document). */
export const unlistedCourses = /* groq */ `*[_type == "course" && !(_id in coalesce(*[_type == "site"][0].courses[]._ref, [])) && !(_id in coalesce(*[_type == "site"][0].collections[].courses[]._ref, []))] | order(title asc)`
