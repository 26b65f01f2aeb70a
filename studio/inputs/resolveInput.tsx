import type {InputProps, SchemaType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../../schemas/constants.ts'
import {BodyInput} from './BodyInput.tsx'
import {TableGridInput} from './TableGridInput.tsx'

/** Whether `type` is the named type or extends it (a field's type is a subtype of its named type). */
function isOfType(type: SchemaType | undefined, name: string): boolean {
  for (let current = type; current; current = current.type) if (current.name === name) return true
  return false
}

/**
 * The project's inputs, chosen by schema type here rather than in schemas/, which the importer
 * loads on Node's type stripping (no JSX): a grid for tables and a tall body editor.
 */
export function resolveInput(props: InputProps) {
  if (isOfType(props.schemaType, BLOCK_TYPES.table))
    return <TableGridInput {...(props as Parameters<typeof TableGridInput>[0])} />
  if (isOfType(props.schemaType, OBJECT_TYPES.lessonBody))
    return <BodyInput {...(props as Parameters<typeof BodyInput>[0])} />
  return props.renderDefault(props)
}
