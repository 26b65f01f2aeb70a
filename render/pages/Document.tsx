import type {ReactNode} from 'react'

import {pageStyle} from './style.ts'

/** A whole HTML page around a rendered page component. */
export function Document({title, children}: {title: string; children: ReactNode}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{pageStyle()}</style>
      </head>
      <body>
        <main>{children}</main>
      </body>
    </html>
  )
}
