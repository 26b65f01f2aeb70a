import type {Route} from '../http/router.ts'

/**
 * Hosted-only services the Studio asks about (upsell journeys, help menu, telemetry consent,
 * scheduled publishing), answered with "nothing here" so the Studio shows no upsell, sends no
 * telemetry and logs no failed requests. All but schedules are public: they hold no content.
 */
export const serviceRoutes: Route[] = [
  {method: 'GET', path: '/journey/announcements', public: true, handle: () => []},
  {method: 'GET', path: '/journey/*', public: true, handle: () => null},
  {method: 'GET', path: '/help', public: true, handle: () => ({})},
  {
    method: 'GET',
    path: '/intake/telemetry-status',
    public: true,
    handle: () => ({status: 'denied'}),
  },
  {method: 'POST', path: '/intake/batch', public: true, handle: () => ({})},
  {method: 'GET', path: '/schedules/:projectId/:dataset', handle: () => ({schedules: []})},
  // Cross-dataset references to a document (the Studio asks before delete and unpublish, with
  // excludeInternalReferences): one lake has no other datasets pointing into it.
  {
    method: 'GET',
    path: '/data/references/:dataset/documents/:id/to',
    handle: () => ({totalCount: 0, references: []}),
  },
  // The Studio's latency report reads a shard name from this response's headers.
  {method: 'GET', path: '/data/ping/:dataset', public: true, handle: () => 'PONG'},
  // The Studio asks this when a request fails without an answer (the lake stopped, or a browser
  // refused the answer), to tell a refused origin from a network failure. Any page may read the
  // verdict, as from the hosted API; it says nothing about the content.
  {
    method: 'GET',
    path: '/check/cors',
    public: true,
    handle: ({req, res, state}) => {
      const origin = req.headers.origin
      const allowed = typeof origin === 'string' && state.origins.has(origin)
      if (!allowed) res.setHeader('access-control-allow-origin', '*')
      return {result: {allowed, withCredentials: allowed}}
    },
  },
]
