import type {DefaultDocumentNodeResolver} from 'sanity/structure'

import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import {LessonPreview} from './views/LessonPreview.tsx'
import {ModulePreview} from './views/ModulePreview.tsx'

/** Lessons and modules open with their form and a "Preview" of the rendered page. */
export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) => {
  if (schemaType === DOCUMENT_TYPES.lesson) {
    return S.document().views([S.view.form(), S.view.component(LessonPreview).title('Preview')])
  }
  if (schemaType === DOCUMENT_TYPES.module) {
    return S.document().views([S.view.form(), S.view.component(ModulePreview).title('Preview')])
  }
  return S.document().views([S.view.form()])
}
