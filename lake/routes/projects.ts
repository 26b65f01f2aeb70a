import type {Route, RouteContext} from '../http/router.ts'
import {LOCAL_USER} from './users.ts'

const created = '2026-01-01T00:00:00.000Z'

function project(ctx: RouteContext) {
  const {projectId, publicUrl} = ctx.state
  return {
    id: projectId,
    displayName: 'Local Content Lake',
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    organizationId: null,
    createdAt: created,
    metadata: {externalStudioHost: publicUrl},
    features: [],
    members: [
      {
        id: LOCAL_USER.id,
        role: 'administrator',
        roles: LOCAL_USER.roles,
        isCurrentUser: true,
        isRobot: false,
      },
    ],
  }
}

const permissions = ['read', 'create', 'update', 'history', 'editHistory']
const grant = (filter: string) => ({
  grants: [
    {name: 'update', filter},
    {name: 'read', filter},
    {name: 'create', filter},
    {name: 'history', filter},
    {name: 'editHistory', filter},
  ],
})

function datasets(ctx: RouteContext) {
  return ctx.state.registry
    .names()
    .concat('production')
    .filter((v, i, all) => all.indexOf(v) === i)
    .map((name) => ({name, aclMode: 'private', createdAt: created, createdByUserId: LOCAL_USER.id}))
}

/**
 * Static project, dataset, grant and ACL answers for a single local administrator; the project,
 * its features and `/ping` are public because the Studio asks for them before login.
 */
export const projectRoutes: Route[] = [
  {method: 'GET', path: '/projects/:projectId', public: true, handle: project},
  {method: 'GET', path: '/projects', public: true, handle: (ctx) => [project(ctx)]},
  {method: 'GET', path: '/projects/:projectId/datasets', handle: datasets},
  {method: 'GET', path: '/datasets', handle: datasets},
  {method: 'GET', path: '/projects/:projectId/user-applications', handle: () => []},
  {method: 'GET', path: '/user-applications', handle: () => []},
  {method: 'GET', path: '/projects/:projectId/features', public: true, handle: () => []},
  {method: 'GET', path: '/features', public: true, handle: () => []},
  {
    method: 'GET',
    path: '/projects/:projectId/grants',
    handle: () => ({
      'sanity.project': [{grants: permissions.map((name) => ({name, params: {}})), config: {}}],
      'sanity.document.filter.mode': [
        {
          grants: permissions.map((name) => ({name, params: {filter: '_id in path("**")'}})),
          config: {filter: '_id in path("**")'},
        },
      ],
    }),
  },
  {
    method: 'GET',
    path: '/projects/:projectId/datasets/:dataset/acl',
    handle: () => [{filter: '_id in path("**")', permissions}],
  },
  {method: 'GET', path: '/projects/:projectId/acl', handle: () => [grant('_id in path("**")')]},
  {method: 'GET', path: '/ping', public: true, handle: () => 'PONG'},
  {method: 'GET', path: '/users/:id', handle: () => LOCAL_USER},
  {method: 'GET', path: '/projects/:projectId/users/:ids', handle: () => [LOCAL_USER]},
]
