/** The lake command's arguments, in a module of their own so `--help` loads nothing else. */
import type {ArgsDef, ParsedArgs} from 'citty'

import {lakeDirOf, loadEnv} from '../targets/env.ts'
import {studioDatasetArgs} from './studioArgs.ts'

/** Every argument of `npm run lake`, with its type, description and default. */
export const lakeArgs = {
  port: {type: 'string', description: 'Port for plain HTTP and HTTPS (HTTP/2)', default: '3443'},
  dir: {
    type: 'string',
    description: 'Folder for datasets, token and certificate (default: LAKE_DIR or .lake)',
    default: lakeDirOf(loadEnv()),
  },
  projectId: {
    ...studioDatasetArgs.projectId,
    description: 'Project id the Studio uses (host <projectId>.localhost)',
  },
  dataset: {...studioDatasetArgs.dataset, description: 'Dataset that --seed writes to'},
  origin: {
    type: 'string',
    description: 'Comma-separated origins allowed by CORS (the Studio)',
    default: 'http://localhost:3333',
  },
  seed: {
    type: 'string',
    description: 'NDJSON file of documents to write on start (e.g. lake/fixtures/course.ndjson)',
    default: '',
  },
} satisfies ArgsDef

/** The parsed arguments the lake run receives. */
export type LakeArgs = ParsedArgs<typeof lakeArgs>
