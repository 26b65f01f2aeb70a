import type {Route} from '../http/router.ts'
import {actionRoutes} from './actions.ts'
import {assetRoutes} from './assets.ts'
import {docRoutes} from './doc.ts'
import {historyRoutes} from './history.ts'
import {homeRoutes} from './home.ts'
import {listenRoutes} from './listen.ts'
import {mutateRoutes} from './mutate.ts'
import {projectRoutes} from './projects.ts'
import {queryRoutes} from './query.ts'
import {serviceRoutes} from './services.ts'
import {userRoutes} from './users.ts'

/** Every endpoint the lake answers. */
export const routes: Route[] = [
  ...queryRoutes,
  ...docRoutes,
  ...mutateRoutes,
  ...actionRoutes,
  ...listenRoutes,
  ...historyRoutes,
  ...assetRoutes,
  ...homeRoutes,
  ...serviceRoutes,
  ...userRoutes,
  ...projectRoutes,
]
