/**
 * Loads the compiled validator for the content model without loading `sanity`: the schema
 * files import only `defineType`, `defineField` and `defineArrayMember` from it at run time,
 * which `sanity` re-exports from the small `@sanity/types`. Loading the Studio package for
 * them costs seconds and hundreds of megabytes; a schema file that needs more from it fails
 * to load here with the name of the missing export. Their `@sanity/icons` icons (React components,
 * which load React) are only how the Studio shows a type, never what is valid: each resolves to a
 * module whose icon is undefined, named by the package's convention (`@sanity/icons/Book`
 * exports `BookIcon`), so an icon named otherwise fails to load here with its name.
 */
import * as nodeModule from 'node:module'

import type {CompiledValidator} from './validator.ts'

const SCHEMAS = new URL('../', import.meta.url).href
let hooked = false
let loading: Promise<CompiledValidator> | undefined

const ICON = /^@sanity\/icons\/([A-Z][A-Za-z0-9]*)$/

/** A module exporting `<Name>Icon` (and a default) as undefined, for `@sanity/icons/<Name>`. */
const iconStub = (name: string) =>
  `data:text/javascript,export const ${name}Icon = undefined; export default undefined`

/**
 * Resolves `sanity` to `@sanity/types`, and each `@sanity/icons/<Name>` to {@link iconStub}, for
 * modules under `schemas/` (once per process).
 */
function resolveSanityToTypes(): void {
  // Node before 22.15 has no synchronous hooks: there the schema loads `sanity`, only slower.
  if (hooked || typeof nodeModule.registerHooks !== 'function') return
  hooked = true
  nodeModule.registerHooks({
    resolve(specifier, context, nextResolve) {
      const fromSchemas = context.parentURL?.startsWith(SCHEMAS) ?? false
      const icon = fromSchemas ? ICON.exec(specifier) : null
      if (icon) return {url: iconStub(icon[1]), shortCircuit: true}
      return nextResolve(
        fromSchemas && specifier === 'sanity' ? '@sanity/types' : specifier,
        context,
      )
    },
  })
}

/** The content model's compiled validator, compiled once per process. */
export function loadValidator(): Promise<CompiledValidator> {
  loading ??= (async () => {
    resolveSanityToTypes()
    const [{schemaTypes}, {compileValidator}] = await Promise.all([
      import('../index.ts'),
      import('./validator.ts'),
    ])
    return compileValidator(schemaTypes)
  })()
  return loading
}
