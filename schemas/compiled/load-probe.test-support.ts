/**
 * Run in a fresh process by `load.test.ts`: loads the compiled validator the way the import
 * command does, validates one document and prints which files of `sanity`, `@sanity/icons` and
 * `react` were loaded.
 */
import {registerHooks} from 'node:module'

const loaded: string[] = []
const STUDIO_ONLY = /\/node_modules\/(?:sanity|@sanity\/icons|react)\//
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context)
    if (STUDIO_ONLY.test(resolved.url)) loaded.push(resolved.url)
    return resolved
  },
})

const {loadValidator} = await import('./load.ts')
const validator = await loadValidator()
const problems = await validator.validateDocuments([
  {_id: 'lesson-a', _type: 'lesson', title: 'A', slug: {_type: 'slug', current: 'Not A Slug'}},
])
process.stdout.write(JSON.stringify({loaded, problems}))
