import type {ModulePageQueryResult} from '../../sanity.types.ts'
import {BodyText} from '../BodyText.tsx'
import {defaultRenderOptions, type RenderOptions} from '../context.ts'
import {Breadcrumbs, pageTitle, titleHeadingId} from './Breadcrumbs.tsx'

/** A module: its own content, then its lessons in order. */
export function ModulePage({
  page,
  options = {},
}: {
  page: NonNullable<ModulePageQueryResult>
  options?: Partial<RenderOptions>
}) {
  const resolved = {...defaultRenderOptions, ...options}
  const titleId = titleHeadingId(page)
  const lessons = (page.lessons ?? []).filter((lesson) => lesson !== null)
  return (
    <>
      <Breadcrumbs trail={[page.course]} pageHref={resolved.pageHref} />
      <article className="module">
        <h1 id={titleId}>{pageTitle(page)}</h1>
        {page.description && <p className="description">{page.description}</p>}
        {page.body && (
          <div className="body">
            <BodyText value={page.body} options={resolved} titleId={titleId} />
          </div>
        )}
        <h2 id="lessons">Lessons</h2>
        <ol className="lessons">
          {lessons.map((lesson) => (
            <li key={lesson._id}>
              <a href={resolved.pageHref(lesson)}>{pageTitle(lesson)}</a>
              {lesson.description && <p className="description">{lesson.description}</p>}
            </li>
          ))}
        </ol>
      </article>
    </>
  )
}
