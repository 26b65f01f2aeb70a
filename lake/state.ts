import type {QueryPool} from './groq/pool.ts'
import type {DatasetRegistry} from './store/registry.ts'

/** A request the lake had no route for. */
export type UnknownEndpoint = {method: string; path: string; at: string}

/** Everything route handlers share. */
export type LakeState = {
  registry: DatasetRegistry
  /** Worker threads that evaluate GROQ off the event loop, with time and size limits. */
  queries: QueryPool
  projectId: string
  token: string
  origins: Set<string>
  /** Requests answered 404 because no route knew them; the browser test fails on these. */
  unknownEndpoints: UnknownEndpoint[]
  /** One-time login session ids exchanged by `/auth/fetch` for the token. */
  sessions: Set<string>
  /** Where `/login` sends the browser with a one-time session id (the Studio's URL). */
  studioUrl: string
  /** A built Studio folder the lake serves on its own host names (`npm run studio`), or null. */
  studioDir: string | null
  /** The HTTPS base URL (`https://localhost:<port>`), the project's `externalStudioHost`. */
  publicUrl: string
  /** Milliseconds between keep-alive comments on event streams. */
  keepAliveMs: number
  log: (message: string) => void
}
