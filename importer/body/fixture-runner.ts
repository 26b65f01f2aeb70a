import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {parseFrontMatter} from '../site/frontMatter.ts'
import type {LinkTarget} from '../types.ts'
import {convertBody} from './index.ts'
import type {ConvertContext, ConvertResult} from './index.ts'

/** The fixture folders: `<construct>/input.md`, optional `context.json`, `expected.json`. */
export const root = join(import.meta.dirname, 'fixtures')

/** Optional `context.json` next to a fixture's `input.md`. */
interface FixtureContext {
  title?: string
  site?: Record<string, unknown>
  /** Hrefs the fake site resolves, to page ids. */
  links?: Record<string, string>
  /** The fake site's `_includes/` files, by path below `_includes/`. */
  includes?: Record<string, string>
}

/** Reads and converts one fixture, the way the site stage calls `convertBody`. */
export function runFixture(name: string): {
  result: ConvertResult
  ctx: ConvertContext
  body: string
  context: FixtureContext
} {
  const dir = join(root, name)
  const raw = readFileSync(join(dir, 'input.md'), 'utf8')
  const contextFile = join(dir, 'context.json')
  const context: FixtureContext = existsSync(contextFile)
    ? JSON.parse(readFileSync(contextFile, 'utf8'))
    : {}
  // The front matter is split as the site stage splits it, so lines and bodies match an import.
  const {data, body, lineOffset} = parseFrontMatter(raw, `${name}/input.md`)
  const links = context.links ?? {}
  const ctx: ConvertContext = {
    file: `${name}/input.md`,
    title: context.title ?? String(data.title ?? 'Fixture'),
    lineOffset,
    page: data,
    site: context.site ?? {title: 'Fixture site', baseurl: '/docs'},
    resolveLink: (href) =>
      links[href] ? ({_id: links[href], _type: 'lesson'} satisfies LinkTarget) : null,
    ...(context.includes ? {includes: context.includes} : {}),
  }
  return {result: convertBody(body, ctx), ctx, body, context}
}

/** Every fixture folder name. */
export const fixtureNames = readdirSync(root, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
