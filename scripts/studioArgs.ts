/** The arguments `npm run studio` and `npm run dev` share: which project and dataset to open. */
import type {ArgsDef} from 'citty'

export const studioDatasetArgs = {
  projectId: {
    type: 'string',
    description: 'Project id (SANITY_STUDIO_PROJECT_ID)',
    default: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
  },
  dataset: {
    type: 'string',
    description: 'Dataset (SANITY_STUDIO_DATASET)',
    default: process.env.SANITY_STUDIO_DATASET || 'production',
  },
} satisfies ArgsDef
