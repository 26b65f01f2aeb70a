/** The roundtrip command's arguments, in a module of their own so `--help` loads nothing else. */
import type {ArgsDef, ParsedArgs} from 'citty'

/** Every argument of `npm run roundtrip`, with its type, description and default. */
export const roundtripArgs = {
  site: {
    type: 'positional',
    description: 'The site folder, holding _config.yml and the markdown pages.',
    required: false,
    default: 'content',
  },
  placeholders: {
    type: 'boolean',
    description: 'Import with placeholder courses and modules for parents no page has.',
    default: false,
  },
  details: {
    type: 'boolean',
    description: 'List every page that did not come back identical, with the first difference.',
    default: false,
  },
  json: {
    type: 'boolean',
    description: 'Print every page and the totals as JSON on stdout.',
    default: false,
  },
} satisfies ArgsDef

/** The parsed arguments the roundtrip run receives. */
export type RoundtripArgs = ParsedArgs<typeof roundtripArgs>
