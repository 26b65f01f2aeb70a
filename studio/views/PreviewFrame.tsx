import type {ReactNode} from 'react'

import {pageStyle} from '../../render/pages/style.ts'

const SCOPE = '.course-page-preview'
const style = pageStyle(SCOPE)

/** Shows a rendered page inside the Studio pane with the site's styles, scoped to it. */
export function PreviewFrame({children, error}: {children: ReactNode; error?: string | undefined}) {
  return (
    <div className={SCOPE.slice(1)} style={{padding: '1rem 1.5rem', overflow: 'auto'}}>
      <style>{style}</style>
      {error && (
        <p role="alert" style={{color: '#dc2626'}}>
          Cannot refresh the preview: {error}. It shows the last version that loaded.
        </p>
      )}
      {children}
    </div>
  )
}
