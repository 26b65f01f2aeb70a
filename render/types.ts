import type {LessonPageQueryResult} from '../sanity.types.ts'

/** Any Portable Text node: it has a `_type`. */
export interface TypedObject {
  _type: string
  _key?: string
}

/** A lesson page as `lessonPageQuery` returns it. */
export type LessonPage = NonNullable<LessonPageQueryResult>

/** One item of a lesson body, with references resolved. */
export type BodyItem = NonNullable<LessonPage['body']>[number]

/** The body item of a given `_type`. */
export type BodyItemOf<T extends BodyItem['_type']> = Extract<BodyItem, {_type: T}>

/** A mark definition of a text block in a lesson body. */
export type MarkDef = NonNullable<BodyItemOf<'block'>['markDefs']>[number]
