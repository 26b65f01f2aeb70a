import type {PortableTextTypeComponentProps} from '@portabletext/react'
import {Fragment} from 'react'

import {safeHref} from '../links.tsx'
import type {BodyItemOf} from '../types.ts'

/** Tool categories and their tools as a two-column table, tools comma-separated. */
export function ToolTableBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'toolTable'>>) {
  const [categoryTitle = 'Category', toolsTitle = 'Tools'] = value.columnTitles ?? []
  return (
    <table className="tool-table">
      <thead>
        <tr>
          <th>{categoryTitle}</th>
          <th>{toolsTitle}</th>
        </tr>
      </thead>
      <tbody>
        {(value.rows ?? []).map((row) => (
          <tr key={row._key}>
            <td>{row.category?.title}</td>
            <td>
              {(row.tools ?? [])
                .filter((tool) => tool !== null)
                .map((tool, index) => {
                  const href = safeHref(tool.url)
                  return (
                    <Fragment key={tool._id}>
                      {index > 0 && ', '}
                      {href ? (
                        <a className="tool" href={href} rel="noopener noreferrer">
                          {tool.name}
                        </a>
                      ) : (
                        <span className="tool">{tool.name}</span>
                      )}
                    </Fragment>
                  )
                })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
