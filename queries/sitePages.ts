import {defineQuery} from 'groq'

/** Every course, module and lesson with its slug and source file, for building a site's paths. */
export const sitePagesQuery = defineQuery(`
  *[_type in ["course", "module", "lesson"]] | order(_type asc, _id asc){
    _id,
    _type,
    title,
    "slug": slug.current,
    "sourcePath": source.path
  }
`)
