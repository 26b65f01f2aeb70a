import {BodyText} from '../BodyText.tsx'
import {defaultRenderOptions, type RenderOptions} from '../context.ts'
import {safeHref} from '../links.tsx'
import type {LessonPage as LessonPageData} from '../types.ts'
import {Breadcrumbs, pageTitle, titleHeadingId} from './Breadcrumbs.tsx'

/** A lesson: breadcrumbs, title, body, the "Next" button, and previous/next lesson links. */
export function LessonPage({
  page,
  options = {},
}: {
  page: LessonPageData
  options?: Partial<RenderOptions>
}) {
  const resolved = {...defaultRenderOptions, ...options}
  const titleId = titleHeadingId(page)
  const {pageHref, linkHref} = resolved
  const next = page.next
  const nextHref = next?.lesson ? pageHref(next.lesson) : safeHref(next?.href)
  return (
    <>
      <Breadcrumbs trail={page.breadcrumbs} pageHref={pageHref} />
      <article className="lesson">
        <h1 id={titleId}>{pageTitle(page)}</h1>
        {page.description && <p className="description">{page.description}</p>}
        <div className="body">
          <BodyText value={page.body} options={resolved} titleId={titleId} />
        </div>
        {next && (
          <p className="next-link">
            {nextHref ? (
              <a href={next.lesson ? nextHref : linkHref(nextHref)}>{next.label}</a>
            ) : (
              next.label
            )}
          </p>
        )}
      </article>
      {(page.previous || page.nextLesson) && (
        <nav className="pager" aria-label="Lessons">
          {page.previous ? (
            <a rel="prev" href={pageHref(page.previous)}>
              ← {pageTitle(page.previous)}
            </a>
          ) : (
            <span />
          )}
          {page.nextLesson && (
            <a rel="next" href={pageHref(page.nextLesson)}>
              {pageTitle(page.nextLesson)} →
            </a>
          )}
        </nav>
      )}
    </>
  )
}
