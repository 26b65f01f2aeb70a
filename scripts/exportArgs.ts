/** The export command's arguments, in a module of their own so `--help` loads nothing else. */
import type {ArgsDef, ParsedArgs} from 'citty'

/** Every argument of `npm run export`, with its type, description and default. */
export const exportArgs = {
  dir: {
    type: 'positional',
    description:
      'The site folder to write (created when missing); _config.yml and files the importer never read are left as they are.',
    required: true,
  },
  dataset: {
    type: 'string',
    description:
      'Export this NDJSON file (what `npm run import -- --out` writes) instead of the local or hosted dataset.',
    valueHint: 'file.ndjson',
    default: '',
  },
  drafts: {
    type: 'boolean',
    description: 'Export drafts in place of their published documents (default: published only).',
    default: false,
  },
  'dry-run': {
    type: 'boolean',
    description: 'Write nothing: print a unified diff of every file the export would change.',
    default: false,
  },
  prune: {
    type: 'boolean',
    description:
      "Also remove the folder's pages that no document exports any more (deleted in the Studio); without it they are listed and kept.",
    default: false,
  },
  check: {
    type: 'boolean',
    description:
      'Write nothing: list the files that differ from the dataset and exit 1 when any does (for CI).',
    default: false,
  },
} satisfies ArgsDef

/** The parsed arguments the export receives. */
export type ExportArgs = ParsedArgs<typeof exportArgs>
