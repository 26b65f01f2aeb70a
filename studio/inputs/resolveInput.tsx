import type {InputProps, SchemaType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../../schemas/constants.ts'
import {RefusedSaveNotice} from '../saving/RefusedSaveNotice.tsx'
import {KeepUnsavedEdits} from '../session/KeepUnsavedEdits.tsx'
import {BodyInput} from './BodyInput.tsx'
import {TableGridInput} from './TableGridInput.tsx'

/** Whether `type` is the named type or extends it (a field's type is a subtype of its named type). */
function isOfType(type: SchemaType | undefined, name: string): boolean {
  for (let current = type; current; current = current.type) if (current.name === name) return true
  return false
}

/**
 * The project's inputs, chosen by schema type here rather than in schemas/, which the importer
 * loads on Node's type stripping (no JSX): a grid for tables, a tall body editor, and around each
 * document's form the notice that says why its changes are not saved.
 */
export function resolveInput(props: InputProps) {
  const id = (props.value as {_id?: unknown} | undefined)?._id
  if (props.path.length === 0 && isOfType(props.schemaType, 'document') && typeof id === 'string')
    return (
      <>
        <RefusedSaveNotice documentId={id} documentType={props.schemaType.name} />
        <KeepUnsavedEdits documentId={id} documentType={props.schemaType.name} />
        {props.renderDefault(props)}
      </>
    )
  if (isOfType(props.schemaType, BLOCK_TYPES.table))
    return <TableGridInput {...(props as Parameters<typeof TableGridInput>[0])} />
  if (isOfType(props.schemaType, OBJECT_TYPES.lessonBody))
    return <BodyInput {...(props as Parameters<typeof BodyInput>[0])} />
  return props.renderDefault(props)
}
