/** The query command's arguments, in a module of their own so `--help` loads nothing else. */
import type {ArgsDef, ParsedArgs} from 'citty'

import {PERSPECTIVES} from '../queries/source.ts'

/** Every argument of `npm run query`, with its type, description and default. */
export const queryArgs = {
  query: {
    type: 'positional',
    description: 'GROQ, e.g. \'*[_type == "lesson"]{title}\', or the name of a query',
    required: true,
  },
  param: {
    type: 'string',
    description:
      'A $parameter as name=value; repeat for more. JSON values are parsed (n=3, s="3"), others are strings',
    valueHint: 'name=value',
    default: '',
  },
  perspective: {
    type: 'enum',
    options: [...PERSPECTIVES],
    description: 'Which documents the query sees',
    default: 'published',
  },
  dataset: {
    type: 'string',
    description: 'Query this NDJSON file in memory (groq-js) instead of a Content Lake',
    valueHint: 'file.ndjson',
    default: '',
  },
} satisfies ArgsDef

/** The parsed arguments the query run receives. */
export type QueryArgs = ParsedArgs<typeof queryArgs>
