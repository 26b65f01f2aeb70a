/**
 * Shared GROQ projections. Document and block type names are written as literals, not
 * `$params`, because `sanity typegen` narrows result types only on literal `_type`
 * comparisons; `queries/contract.test.ts` checks every literal against `schemas/constants.ts`.
 */

/** What a link to a course, module or lesson needs: id, type, title, emoji and slug. */
export const pageLinkFields = /* groq */ `
  _id,
  _type,
  title,
  emoji,
  "slug": slug.current
`

/**
 * Whether the page's markdown opened with an H1 repeating its title: kramdown gave that heading
 * an id, which the body's headings then count (`## About` under `# About` is `#about-1`).
 */
export const titleHeadingField = /* groq */ `"titleHeading": source.titleHeading == true`

/** Rich text blocks with internal links resolved to their target page and inline images' URLs. */
export const richTextFields = /* groq */ `
  ...,
  markDefs[]{
    ...,
    _type == "internalLink" => {
      "target": reference->{${pageLinkFields}}
    }
  },
  children[]{
    ...,
    _type == "inlineImage" => {"url": asset->url}
  }
`

/** A responsibility area as a lesson shows it, its intro's internal links resolved. */
export const responsibilityAreaFields = /* groq */ `
  _id,
  title,
  emoji,
  intro[]{${richTextFields}},
  "slug": slug.current
`

/** A responsibility as a lesson shows it. */
export const responsibilityFields = /* groq */ `
  _id,
  name,
  "slug": slug.current,
  order,
  description[]{${richTextFields}}
`

/** A tool as a lesson shows it. */
export const toolFields = /* groq */ `
  _id,
  name,
  "slug": slug.current,
  url
`

/** A table's cells (text, and code blocks) and an image's URL, as any block content holds them. */
const tableAndImageFields = /* groq */ `
  _type == "table" => {
    rows[]{..., cells[]{..., content[]{..., _type == "block" => {${richTextFields}}}}}
  },
  _type == "image" => {
    "url": asset->url,
    "dimensions": asset->metadata.dimensions
  }
`

/**
 * A definition's blocks, references resolved. A definition may hold a definition list of its
 * own (kramdown reads a definition as blocks): just-the-class's schedule nests one per day,
 * whose definitions link the lecture notes. GROQ projections do not recurse, so the text of a
 * list nested deeper still comes as stored (links to pages by reference only), for
 * `resolveNestedReferences` (nestedReferences.ts) to resolve with one more query.
 */
const definitionFields = /* groq */ `
  ...,
  _type == "block" => {${richTextFields}},
  _type == "definitionList" => {
    items[]{
      ...,
      term[]{${richTextFields}},
      definition[]{..., _type == "block" => {${richTextFields}}}
    }
  },
  ${tableAndImageFields}
`

/**
 * The items a callout's or collapsible section's content holds, references resolved, but for a
 * collapsible section inside it (see sectionFields).
 */
const sectionItemFields = /* groq */ `
  ...,
  _type == "block" => {${richTextFields}},
  _type == "definitionList" => {
    items[]{..., term[]{${richTextFields}}, definition[]{${definitionFields}}}
  },
  ${tableAndImageFields}
`

/** A collapsible section's summary (one line of rich text, or an earlier import's string). */
const summaryField = /* groq */ `
  "summary": select(defined(summary[0]) => summary[]{${richTextFields}}, summary)
`

/**
 * The items a callout's or collapsible section's content holds, references resolved, a
 * collapsible section or a quote inside it included (OpenSearch's "Steps" holding each step's
 * "Request").
 * GROQ projections do not recurse: a section nested deeper still comes as stored, its links
 * and images resolved by `resolveNestedReferences` (nestedReferences.ts).
 */
const sectionFields = /* groq */ `
  ${sectionItemFields},
  _type == "details" => {body[]{${sectionItemFields}}, ${summaryField}},
  _type == "quote" => {body[]{${sectionItemFields}}}
`

/**
 * A callout's title and content, references resolved; a title an earlier import stored as a
 * string is kept as it is.
 */
const calloutFields = /* groq */ `
  body[]{${sectionFields}},
  "title": select(defined(title[0]) => title[]{${richTextFields}}, title)
`

/** A collapsible section's summary and content, likewise. */
const detailsFields = /* groq */ `
  body[]{${sectionFields}},
  ${summaryField}
`

/** Every item of a lesson body with its references resolved. */
export const bodyFields = /* groq */ `
  ${sectionItemFields},
  _type == "callout" => {${calloutFields}},
  _type == "quote" => {body[]{${sectionFields}, _type == "callout" => {${calloutFields}}}},
  _type == "details" => {${detailsFields}},
  _type == "footnote" => {body[]{${richTextFields}}},
  _type == "responsibilitySection" => {
    "area": area->{${responsibilityAreaFields}},
    "responsibilities": responsibilities[]->{${responsibilityFields}}
  },
  _type == "toolTable" => {
    rows[]{
      _key,
      _type,
      "category": category->{_id, title, "slug": slug.current},
      "tools": tools[]->{${toolFields}}
    }
  }
`

/**
 * The ids of a parent's lessons (`lessons` or a course's `contents`) joined as `|a|b|c|`:
 * GROQ has no index-of, so the previous and next lesson are read by splitting this string
 * around `|<own id>|`. Document ids cannot contain `|`. The neighbour is then read by
 * dereferencing `{"_ref": id}`, an index lookup, rather than by a `*[_id == …]` scan.
 */
export const siblingIdsFields = /* groq */ `
  "siblingIds": "|" + array::join(lessons[]._ref, "|") + "|"
`

/**
 * The projection of a lesson page, applied to a lesson document (stored or being edited):
 * body, next link, breadcrumbs, previous and next lesson.
 */
export const lessonPageFields = /* groq */ `{
  ${pageLinkFields},
  description,
  ${titleHeadingField},
  body[]{${bodyFields}},
  next{label, href, "lesson": lesson->{${pageLinkFields}}},
  "parentLesson": *[_type == "lesson" && ^._id in lessons[]._ref][0]{
    ${pageLinkFields},
    ${siblingIdsFields},
    "module": *[_type == "module" && ^._id in lessons[]._ref][0]{
      ${pageLinkFields},
      "course": *[_type == "course" && ^._id in contents[]._ref][0]{${pageLinkFields}}
    },
    "course": *[_type == "course" && ^._id in contents[]._ref][0]{${pageLinkFields}}
  },
  "module": *[_type == "module" && ^._id in lessons[]._ref][0]{
    ${pageLinkFields},
    ${siblingIdsFields},
    "course": *[_type == "course" && ^._id in contents[]._ref][0]{${pageLinkFields}}
  },
  "directCourse": *[_type == "course" && ^._id in contents[]._ref][0]{
    ${pageLinkFields},
    "siblingIds": "|" + array::join(contents[@->_type == "lesson"]._ref, "|") + "|"
  }
}{
  ...,
  "course": coalesce(module.course, directCourse, parentLesson.module.course, parentLesson.course),
  "around": string::split(
    coalesce(parentLesson.siblingIds, module.siblingIds, directCourse.siblingIds, ""),
    "|" + _id + "|"
  )
}{
  _id,
  _type,
  title,
  emoji,
  slug,
  description,
  titleHeading,
  body,
  next,
  "breadcrumbs": [
    course{_id, _type, title, emoji, slug},
    coalesce(module, parentLesson.module){_id, _type, title, emoji, slug},
    parentLesson{_id, _type, title, emoji, slug}
  ][defined(@)],
  "previous": coalesce(
    {"_ref": string::split(around[0], "|")[-1]}->{${pageLinkFields}},
    *[_type == "lesson" && next.lesson._ref == ^._id][0]{${pageLinkFields}}
  ),
  "nextLesson": coalesce(
    next.lesson,
    {"_ref": string::split(around[1], "|")[0]}->{${pageLinkFields}}
  )
}`
