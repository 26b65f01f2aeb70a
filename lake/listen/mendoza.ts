type Json = unknown
type Op = Json

// Opcodes from the mendoza format (github.com/sanity-io/mendoza), as the mendoza npm decoder reads them.
const VALUE = 0
const PUSH_FIELD_COPY = 10
const RETURN_INTO_OBJECT_SAME_KEY_POP = 15
const OBJECT_SET_FIELD_VALUE = 17
const OBJECT_DELETE_FIELD = 19

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Deep equality for JSON values. */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => key in b && jsonEqual(a[key], b[key]))
    )
  }
  return false
}

function diffObject(left: Record<string, Json>, right: Record<string, Json>, ops: Op[]): void {
  const leftKeys = Object.keys(left).sort()
  for (const [key, value] of Object.entries(right)) {
    if (!(key in left)) {
      ops.push(OBJECT_SET_FIELD_VALUE, value, key)
    } else if (!jsonEqual(left[key], value)) {
      const before = left[key]
      if (isPlainObject(before) && isPlainObject(value)) {
        ops.push(PUSH_FIELD_COPY, leftKeys.indexOf(key))
        diffObject(before, value, ops)
        ops.push(RETURN_INTO_OBJECT_SAME_KEY_POP)
      } else {
        ops.push(OBJECT_SET_FIELD_VALUE, value, key)
      }
    }
  }
  leftKeys.forEach((key, index) => {
    if (!(key in right)) ops.push(OBJECT_DELETE_FIELD, index)
  })
}

/** A mendoza patch that turns `left` into `right`: objects are diffed per field, the rest replaced. */
export function mendozaDiff(left: Json, right: Json): Op[] {
  if (isPlainObject(left) && isPlainObject(right)) {
    const ops: Op[] = []
    diffObject(left, right, ops)
    return ops
  }
  return [VALUE, right]
}
