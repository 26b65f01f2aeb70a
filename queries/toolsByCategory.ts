import {defineQuery} from 'groq'

import {pageLinkFields, toolFields} from './fields.ts'

/** Every tool category in order, each tool with the lessons that mention it. */
export const toolsByCategoryQuery = defineQuery(`
  *[_type == "toolCategory"] | order(order asc, title asc){
    _id,
    title,
    description,
    "slug": slug.current,
    "tools": *[_type == "tool" && category._ref == ^._id] | order(name asc){
      ${toolFields},
      description,
      "lessons": *[_type == "lesson" && references(^._id)] | order(title asc){${pageLinkFields}}
    }
  }
`)
