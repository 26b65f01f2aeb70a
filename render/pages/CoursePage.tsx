import type {CourseOutlineQueryResult} from '../../sanity.types.ts'
import {BodyText} from '../BodyText.tsx'
import {defaultRenderOptions, type RenderOptions} from '../context.ts'
import {pageTitle, titleHeadingId, type PageLink} from './Breadcrumbs.tsx'

type Outline = NonNullable<CourseOutlineQueryResult>
type OutlineItem = PageLink & {lessons?: (OutlineItem | null)[] | null}

/** A course: its modules and lessons as a nested outline. */
export function CoursePage({
  outline,
  options = {},
}: {
  outline: Outline
  options?: Partial<RenderOptions>
}) {
  const resolved = {...defaultRenderOptions, ...options}
  const titleId = titleHeadingId(outline)
  const {pageHref} = resolved
  const renderItems = (items: readonly (OutlineItem | null)[] | null | undefined) => {
    const present = (items ?? []).filter((item): item is OutlineItem => item !== null)
    if (present.length === 0) return null
    return (
      <ol>
        {present.map((item) => (
          <li key={item._id} className={item._type}>
            <a href={pageHref(item)}>{pageTitle(item)}</a>
            {renderItems(item.lessons)}
          </li>
        ))}
      </ol>
    )
  }
  return (
    <article className="course">
      <h1 id={titleId}>{pageTitle(outline)}</h1>
      {outline.description && <p className="description">{outline.description}</p>}
      {outline.body && (
        <div className="body">
          <BodyText value={outline.body} options={resolved} titleId={titleId} />
        </div>
      )}
      <nav className="outline" aria-label="Course outline">
        {renderItems(outline.contents as (OutlineItem | null)[] | null)}
      </nav>
    </article>
  )
}
