/**
 * Studio settings from `SANITY_STUDIO_*` variables (inlined at build time), with defaults
 * that work offline against the local Content Lake.
 */
export const studioEnv = {
  projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
  dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  /** Set to e.g. `https://localhost:3443` to talk to the local Content Lake. */
  apiHost: process.env.SANITY_STUDIO_API_HOST || undefined,
}

/** The API version the Studio's own queries and listeners use (perspectives by default). */
export const STUDIO_API_VERSION = '2025-02-19'
