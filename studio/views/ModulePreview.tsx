import type {UserViewComponent} from 'sanity/structure'

import {modulePreviewQuery} from '../../queries/modulePage.ts'
import type {ModulePreviewQueryResult, ModulePageQueryResult} from '../../sanity.types.ts'
import {ModulePage} from '../../render/pages/ModulePage.tsx'
import {PreviewFrame} from './PreviewFrame.tsx'
import {usePreviewPage} from './usePreviewPage.ts'

/** The "Preview" view of a module: its page content and lesson list, following the editor. */
export const ModulePreview: UserViewComponent = ({document, documentId}) => {
  const state = usePreviewPage<ModulePreviewQueryResult>(
    modulePreviewQuery,
    'module',
    document.displayed,
    documentId,
  )
  // A projection of a `$param` has no schema type for typegen; it is the module page's shape.
  const page = state.page as ModulePageQueryResult
  return (
    <PreviewFrame error={state.status === 'error' ? state.message : undefined}>
      {page ? (
        <ModulePage page={page} />
      ) : (
        <p>{state.status === 'loading' ? 'Loading preview…' : 'Nothing to preview yet.'}</p>
      )}
    </PreviewFrame>
  )
}
