import type {ReactElement} from 'react'
import {renderToStaticMarkup} from 'react-dom/server'

import {Document} from './pages/Document.tsx'

/** A complete HTML document for a page element, rendered on the server. */
export function renderDocument(title: string, page: ReactElement): string {
  return `<!doctype html>\n${renderToStaticMarkup(<Document title={title}>{page}</Document>)}\n`
}

/** The HTML of an element alone (tests, fragments). */
export function renderFragment(element: ReactElement): string {
  return renderToStaticMarkup(element)
}
