import type {RecordedRule} from './rule.ts'

/** JSON types a compiled schema type can have. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean'

/** A schema type compiled for validation: what to check on a value and where to descend. */
export interface TypeNode {
  /** The type's name as an array member (`name`, else its type's name), for member lookup. */
  name: string
  /** The name of the type it extends (Sanity's `type.type.name`), for member lookup. */
  typeName: string | undefined
  jsonType: JsonType
  rules: readonly RecordedRule[]
  /** Whether any rule requires a value (then an absent object's fields are checked too). */
  required: boolean
  /** Object fields, in declaration order. */
  fields: readonly FieldNode[]
  /** Array member types. */
  of: readonly TypeNode[]
  /** A weak reference: its target need not exist. */
  weak: boolean
  /** An array holding text blocks (Sanity words its length messages as "blocks"). */
  blocks: boolean
  /** Set on a type the validator cannot check: a value present there fails loudly. */
  unsupported?: string
}

/** A named field of an object type. */
export interface FieldNode {
  name: string
  type: TypeNode
}
