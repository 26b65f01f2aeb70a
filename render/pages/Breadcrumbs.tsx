import {headingId} from '../headings.ts'
import type {PageTarget, RenderOptions} from '../context.ts'

/** A page in a breadcrumb trail or a list of pages. */
export type PageLink = PageTarget & {title: string; emoji?: string | null}

/** The page's title followed by its emoji, when it has one. */
export function pageTitle(page: {title: string; emoji?: string | null}): string {
  return page.emoji ? `${page.title} ${page.emoji}` : page.title
}

/**
 * The id of a page's title heading when its markdown opened with the H1 repeating the title
 * (`titleHeading`), which kramdown gave an id as any heading; undefined otherwise.
 */
export function titleHeadingId(page: {
  title?: string | null
  emoji?: string | null
  titleHeading?: boolean | null
}): string | undefined {
  if (!page.titleHeading || !page.title) return undefined
  return headingId(pageTitle({title: page.title, emoji: page.emoji}))
}

/** The trail of parent pages above the current one. */
export function Breadcrumbs({
  trail,
  pageHref,
}: {
  trail: readonly (PageLink | null)[]
  pageHref: RenderOptions['pageHref']
}) {
  const links = trail.filter((page): page is PageLink => page !== null)
  if (links.length === 0) return null
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <ol>
        {links.map((page) => (
          <li key={page._id}>
            <a href={pageHref(page)}>{pageTitle(page)}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
