/**
 * The API version the lake's own clients speak (@sanity/client in `client.ts`, the sync's plain
 * HTTP and in-process clients): one definition, in a module that loads nothing.
 */
export const LAKE_API_VERSION = '2025-02-19'
