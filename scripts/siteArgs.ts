/** The site command's arguments, in a module of their own so `--help` loads nothing else. */
import type {ArgsDef, ParsedArgs} from 'citty'

import {PERSPECTIVES} from '../queries/source.ts'

/** Every argument of `npm run site`, with its type, description and default. */
export const siteArgs = {
  out: {type: 'string', description: 'Output folder, emptied first', default: 'site-dist'},
  dataset: {
    type: 'string',
    description: 'Read this NDJSON file in memory (groq-js) instead of a Content Lake',
    valueHint: 'file.ndjson',
    default: '',
  },
  perspective: {
    type: 'enum',
    options: [...PERSPECTIVES],
    description: 'Which documents the site shows',
    default: 'published',
  },
} satisfies ArgsDef

/** The parsed arguments the site run receives. */
export type SiteArgs = ParsedArgs<typeof siteArgs>
