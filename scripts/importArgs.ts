/** The import command's arguments, in a module of their own so `--help` loads nothing else. */
import type {ArgsDef, ParsedArgs} from 'citty'

import {limitArgs} from './limitFlags.ts'

/** Every argument of `npm run import`, with its type, description and default. */
export const importArgs = {
  dir: {
    type: 'positional',
    description: 'The site folder, holding _config.yml and the markdown pages.',
    required: false,
    default: 'content',
  },
  out: {
    type: 'string',
    description: 'Write every document to this NDJSON file (for `sanity dataset import`).',
    valueHint: 'file.ndjson',
  },
  'dry-run': {
    type: 'boolean',
    description:
      'Write nothing: print the sync plan (creates, patches, conflicts, prunes); with --out, only convert and validate.',
    default: false,
  },
  strict: {
    type: 'boolean',
    description: 'Treat warnings as errors (exit code 1 when there are any).',
    default: false,
  },
  force: {
    type: 'string',
    description:
      "Take the source's version of this page over an editor's change (repeatable; * for all).",
    valueHint: 'path',
  },
  prune: {
    type: 'boolean',
    description: 'Delete documents whose pages were removed (never edited or referenced ones).',
    default: false,
  },
  json: {
    type: 'boolean',
    description:
      'Print the report as JSON on stdout, with every diagnostic (file, line, column, code, severity, document id); other output goes to stderr.',
    default: false,
  },
  cache: {
    type: 'boolean',
    description:
      'Reuse the conversion of pages whose inputs did not change since the last import (kept in the lake folder, LAKE_DIR or .lake); --no-cache converts every page.',
    default: true,
  },
  workers: {
    type: 'string',
    description:
      'Worker threads that convert pages (default: one per core when the pages to convert exceed 1 MB of markdown; 0 converts on the main thread).',
    valueHint: 'n',
  },
  placeholders: {
    type: 'boolean',
    description:
      'Create course and module documents for parent titles no page has (the theme hides such pages; by default they are imported as not in the navigation).',
    default: false,
  },
  verbose: {
    type: 'boolean',
    description:
      'List every warning in full (by default: errors in full, warnings as a table by code).',
    default: false,
  },
  'theme-version': {
    type: 'string',
    description:
      'The just-the-docs version the site is built with (e.g. 0.8.1), when remote_theme, Gemfile.lock and Gemfile do not say; before 0.10 the navigation has 3 levels.',
    valueHint: 'x.y.z',
  },
  ...limitArgs,
} satisfies ArgsDef

/** The parsed arguments the pipeline receives. */
export type ImportArgs = ParsedArgs<typeof importArgs>
