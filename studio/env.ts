/**
 * `SANITY_STUDIO_API_HOST=same-origin`: the API is the origin the Studio page was loaded from.
 * The local lake serves the built Studio itself (`npm run studio`), so one build works on any
 * port, and images, files and the API load from the URL the editor opened.
 */
export const SAME_ORIGIN = 'same-origin'

/**
 * The Studio's `apiHost`: unset for Sanity's hosted API, the variable's URL, or with
 * {@link SAME_ORIGIN} the page's own origin (undefined where there is no page, as when the
 * Sanity CLI reads the config in Node).
 */
export function resolveApiHost(
  value: string | undefined,
  page: {origin: string} | undefined,
): string | undefined {
  if (!value) return undefined
  return value === SAME_ORIGIN ? page?.origin : value
}

/**
 * Studio settings from `SANITY_STUDIO_*` variables (inlined at build time), with defaults
 * that work offline against the local Content Lake.
 */
export const studioEnv = {
  projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
  dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  /** `same-origin` when the lake serves the Studio, or a URL such as `http://localhost:3443`. */
  apiHost: resolveApiHost(
    process.env.SANITY_STUDIO_API_HOST,
    typeof window === 'undefined' ? undefined : window.location,
  ),
}

/** The API version the Studio's own queries and listeners use (perspectives by default). */
export const STUDIO_API_VERSION = '2025-02-19'
