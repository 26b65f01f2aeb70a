/** Preloaded with --import: prints the URL of every module the process loaded, at exit. */
export const RECORD_LOADS = `data:text/javascript,${encodeURIComponent(`
import {registerHooks} from 'node:module'
const loaded = []
registerHooks({load(url, context, next) { loaded.push(url); return next(url, context) }})
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(loaded) + '\\n'))
`)}`

/** The URLs a process preloaded with {@link RECORD_LOADS} printed, from every thread of it. */
export const loadedModules = (stderr: string): string[] =>
  stderr
    .split('LOADED ')
    .slice(1)
    .flatMap((list) => JSON.parse(list.slice(0, list.indexOf('\n'))) as string[])
