import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/**
 * A package loaded the first time it is asked for, not at start-up: for what only some pages
 * or runs need (an HTML parser, the YAML reader, Liquid), which a one-page re-import or a page
 * without HTML then never loads. Loaded with `require`, which Node also uses to load an ES
 * module synchronously, since the conversion that asks for it is synchronous.
 */
export function onFirstUse<T>(specifier: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(specifier) as T)
}
