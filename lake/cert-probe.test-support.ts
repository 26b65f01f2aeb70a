/**
 * Run in a fresh process by `cert.test.ts`: loads the certificate of each folder named on the
 * command line in turn and prints, for each, whether `selfsigned` had been loaded by then.
 */
import {registerHooks} from 'node:module'

let selfsigned = false
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context)
    if (resolved.url.includes('/node_modules/selfsigned/')) selfsigned = true
    return resolved
  },
})

const {loadCertificate} = await import('./cert.ts')
const loaded: boolean[] = []
for (const dir of process.argv.slice(2)) {
  await loadCertificate(dir, 'local')
  loaded.push(selfsigned)
}
process.stdout.write(JSON.stringify(loaded))
