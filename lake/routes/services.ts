import type {Route} from '../http/router.ts'

/**
 * Hosted-only services the Studio asks about (upsell journeys, help menu, telemetry consent,
 * scheduled publishing), answered with "nothing here" so the Studio shows no upsell, sends no
 * telemetry and logs no failed requests.
 */
export const serviceRoutes: Route[] = [
  {method: 'GET', path: '/journey/announcements', handle: () => []},
  {method: 'GET', path: '/journey/*', handle: () => null},
  {method: 'GET', path: '/help', handle: () => ({})},
  {method: 'GET', path: '/intake/telemetry-status', handle: () => ({status: 'denied'})},
  {method: 'POST', path: '/intake/batch', handle: () => ({})},
  {method: 'GET', path: '/schedules/:projectId/:dataset', handle: () => ({schedules: []})},
  // The Studio's latency report reads a shard name from this response's headers.
  {method: 'GET', path: '/data/ping/:dataset', handle: () => 'PONG'},
]
