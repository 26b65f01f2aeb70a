/** The fidelity command's arguments, in a module of their own so `--help` loads nothing else. */
import type {ArgsDef, ParsedArgs} from 'citty'

/** Every argument of `npm run fidelity`, with its type, description and default. */
export const fidelityArgs = {
  site: {
    type: 'positional',
    description: 'The site folder, holding _config.yml and the markdown pages.',
    required: false,
    default: 'content',
  },
  json: {
    type: 'boolean',
    description: 'Print every page report and the totals as JSON on stdout.',
    default: false,
  },
  'emulate-liquid': {
    type: 'boolean',
    description:
      "Evaluate the reference side's Liquid with the emulation in fidelity/liquid.ts instead of Jekyll.",
    default: false,
  },
  details: {
    type: 'boolean',
    description: "Show each differing feature's first difference under its page.",
    default: false,
  },
  html: {
    type: 'string',
    description:
      'Write both renderings of each differing page to this folder (<page>.kramdown.html, <page>.project.html), to read a difference in full.',
    valueHint: 'dir',
  },
} satisfies ArgsDef

/** The parsed arguments the fidelity run receives. */
export type FidelityArgs = ParsedArgs<typeof fidelityArgs>
