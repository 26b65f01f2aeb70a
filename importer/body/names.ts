import {
  ANNOTATIONS,
  BLOCK_STYLES,
  BLOCK_TYPES,
  DECORATORS,
  INLINE_TYPES,
  LIST_TYPES,
  OBJECT_TYPES,
} from '../../schemas/constants.ts'

/** Picks a name from a shared constant list; a rename there fails here at load, not silently. */
function member<const T extends readonly string[]>(list: T, value: T[number]): T[number] {
  if (!list.includes(value)) throw new Error(`Cannot find "${value}" in ${list.join(', ')}`)
  return value
}

export const STYLE = {
  normal: member(BLOCK_STYLES, 'normal'),
  blockquote: member(BLOCK_STYLES, 'blockquote'),
  heading: (depth: number) => member(BLOCK_STYLES, `h${Math.min(6, Math.max(1, depth))}` as 'h2'),
}

export const MARK = {
  strong: member(DECORATORS, 'strong'),
  em: member(DECORATORS, 'em'),
  code: member(DECORATORS, 'code'),
  strike: member(DECORATORS, 'strike-through'),
}

export const LIST = {
  bullet: member(LIST_TYPES, 'bullet'),
  number: member(LIST_TYPES, 'number'),
  task: member(LIST_TYPES, 'task'),
}

export {ANNOTATIONS, BLOCK_TYPES, INLINE_TYPES, OBJECT_TYPES}
