/** Which documents a query sees: published only, drafts over published, or every stored id. */
export type Perspective = 'published' | 'drafts' | 'raw'

/** The perspectives `npm run query` accepts. */
export const PERSPECTIVES: readonly Perspective[] = ['published', 'drafts', 'raw']

/**
 * Anything that answers GROQ: a @sanity/client, the local Content Lake, or an in-memory
 * dataset. Scripts and the site generator depend on this interface only.
 */
export interface QuerySource {
  fetch<R = unknown>(
    query: string,
    params: Record<string, unknown>,
    options: {perspective: Perspective},
  ): Promise<R>
}

/** Anything with a @sanity/client-like `fetch(query, params, {perspective})`. */
export interface FetchClient {
  fetch<R>(
    query: string,
    params: Record<string, unknown>,
    options: {perspective: Perspective},
  ): Promise<R>
}

/** A `QuerySource` over a @sanity/client (hosted or local Content Lake). */
export function clientSource(client: FetchClient): QuerySource {
  return {
    fetch: <R>(
      query: string,
      params: Record<string, unknown>,
      options: {perspective: Perspective},
    ) => client.fetch<R>(query, params, {perspective: options.perspective}),
  }
}
