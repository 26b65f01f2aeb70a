import {defineQuery} from 'groq'

import {pageLinkFields, responsibilityAreaFields, richTextFields} from './fields.ts'

/** Every responsibility area in order, each responsibility with the lessons that use it. */
export const responsibilitiesByAreaQuery = defineQuery(`
  *[_type == "responsibilityArea"] | order(order asc, title asc){
    ${responsibilityAreaFields},
    "responsibilities": *[_type == "responsibility" && area._ref == ^._id]
      | order(order asc, name asc){
        _id,
        name,
        "slug": slug.current,
        description[]{${richTextFields}},
        "lessons": *[_type == "lesson" && references(^._id)] | order(title asc){${pageLinkFields}}
      }
  }
`)
