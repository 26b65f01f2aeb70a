import type {UserViewComponent} from 'sanity/structure'

import {lessonPreviewQuery} from '../../queries/lessonPage.ts'
import {LessonPage} from '../../render/pages/LessonPage.tsx'
import type {LessonPage as LessonPageData} from '../../render/types.ts'
import {PreviewFrame} from './PreviewFrame.tsx'
import {usePreviewPage} from './usePreviewPage.ts'

/** The "Preview" view of a lesson: the page as the site renders it, following the editor. */
export const LessonPreview: UserViewComponent = ({document, documentId}) => {
  const state = usePreviewPage<LessonPageData | null>(
    lessonPreviewQuery,
    'lesson',
    document.displayed,
    documentId,
  )
  return (
    <PreviewFrame error={state.status === 'error' ? state.message : undefined}>
      {state.page ? (
        <LessonPage page={state.page} />
      ) : (
        <p>{state.status === 'loading' ? 'Loading preview…' : 'Nothing to preview yet.'}</p>
      )}
    </PreviewFrame>
  )
}
