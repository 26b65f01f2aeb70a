import type {SchemaTypeDefinition} from 'sanity'

import {ANNOTATIONS} from '../../schemas/constants.ts'
import {LabelAnnotation} from './LabelAnnotation.tsx'

/**
 * The schema types as the Studio uses them: with the components that draw them in the body
 * editor, which `schemas/` cannot hold (the importer loads it without JSX). The body editor draws
 * an annotation with its type's own component only, not the form's.
 */
export function withStudioComponents(types: SchemaTypeDefinition[]): SchemaTypeDefinition[] {
  return types.map((type) =>
    type.name === ANNOTATIONS.label
      ? ({...type, components: {annotation: LabelAnnotation}} as SchemaTypeDefinition)
      : type,
  )
}
