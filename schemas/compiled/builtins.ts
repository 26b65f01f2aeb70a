/**
 * The built-in types Sanity adds to every schema, as the validator needs them: the names of its
 * core types and the object types that have fields of their own (slug, image hotspot and crop).
 */

/** A schema type definition as written with `defineType`/`defineField`/`defineArrayMember`. */
export type Definition = Record<string, unknown>

/** Core types and their JSON types; everything else is a named type of the schema. */
export const CORE_TYPES = {
  string: 'string',
  text: 'string',
  url: 'string',
  datetime: 'string',
  date: 'string',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  document: 'object',
  reference: 'object',
  image: 'object',
  block: 'object',
  span: 'object',
  array: 'array',
} as const

/** A core type name. */
export type CoreType = keyof typeof CORE_TYPES

const requiredNumbers = (names: string[]): Definition[] =>
  names.map((name) => ({
    name,
    type: 'number',
    validation: (rule: {required(): unknown}) => rule.required(),
  }))

/** Object types Sanity registers in every schema, with the fields it gives them. */
export const BUILTIN_OBJECTS: Record<string, Definition> = {
  slug: {
    name: 'slug',
    type: 'object',
    fields: [
      {
        name: 'current',
        type: 'string',
        validation: (rule: {required(): unknown}) => rule.required(),
      },
      {name: 'source', type: 'string'},
    ],
  },
  'sanity.imageHotspot': {
    name: 'sanity.imageHotspot',
    type: 'object',
    fields: requiredNumbers(['x', 'y', 'height', 'width']),
  },
  'sanity.imageCrop': {
    name: 'sanity.imageCrop',
    type: 'object',
    fields: requiredNumbers(['top', 'bottom', 'left', 'right']),
  },
}

/** The fields Sanity puts before an image's own (the Media Library link cannot be checked here). */
export const IMAGE_FIELDS: Definition[] = [
  {name: 'asset', type: 'reference', to: [{type: 'sanity.imageAsset'}]},
  {name: 'media', type: 'object', unsupported: 'a Media Library asset link'},
  {name: 'hotspot', type: 'sanity.imageHotspot'},
  {name: 'crop', type: 'sanity.imageCrop'},
]

/** The fields of a reference. */
export const REFERENCE_FIELDS: Definition[] = [
  {name: '_ref', type: 'string'},
  {name: '_weak', type: 'boolean'},
]

/** The fields of a span. */
export const SPAN_FIELDS: Definition[] = [
  {name: 'marks', type: 'array', of: [{type: 'string'}]},
  {name: 'text', type: 'string'},
]

/** Block styles when a block type declares none. */
export const DEFAULT_STYLES = ['normal', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']

/** List types when a block type declares none. */
export const DEFAULT_LISTS = ['bullet', 'number']
