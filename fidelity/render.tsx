/**
 * The project's side of the comparison: page bodies read from the imported documents with the
 * site's body projection (references resolved) and rendered by `render/` on the server.
 */
import {memorySource, type StoredDocument} from '../queries/memory.ts'
import {bodyFields, titleHeadingField} from '../queries/fields.ts'
import {resolveNestedReferences} from '../queries/nestedReferences.ts'
import {BodyText} from '../render/BodyText.tsx'
import {titleHeadingId} from '../render/pages/Breadcrumbs.tsx'
import {renderFragment} from '../render/server.tsx'
import type {TypedObject} from '../render/types.ts'
import {pageAddress} from './intentional.ts'

/** Every page body, as the lesson page projects it. */
const pageBodiesQuery = /* groq */ `
  *[_id in $ids]{_id, title, emoji, ${titleHeadingField}, "body": body[]{${bodyFields}}}
`

/** A rendered body, and the types the component map had no component for. */
export interface RenderedBody {
  html: string
  missingComponents: string[]
}

/** Renders the bodies of the documents `ids` names, internal links addressed by page id. */
export async function renderBodies(
  documents: readonly StoredDocument[],
  ids: readonly string[],
): Promise<Map<string, RenderedBody>> {
  const source = memorySource(documents)
  const fetch = <R,>(query: string, params: Record<string, unknown>) =>
    source.fetch<R>(query, params, {perspective: 'published'})
  const pages = await fetch<
    Array<{
      _id: string
      title: string | null
      emoji: string | null
      titleHeading: boolean
      body: TypedObject[] | null
    }>
  >(pageBodiesQuery, {ids})
  await resolveNestedReferences(pages, fetch)
  const rendered = new Map<string, RenderedBody>()
  for (const page of pages) {
    const missingComponents: string[] = []
    const html = renderFragment(
      <BodyText
        value={page.body}
        titleId={titleHeadingId(page)}
        options={{
          pageHref: pageAddress,
          onMissingComponent: (_message, {type}) => missingComponents.push(type),
        }}
      />,
    )
    rendered.set(page._id, {html, missingComponents})
  }
  return rendered
}
