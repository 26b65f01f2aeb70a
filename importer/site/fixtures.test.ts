import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import type {ImportedDocument} from '../types.ts'
import {importSite} from './importSite.ts'
import {readSiteFiles} from '../../testing/siteFixture.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')
const UPDATE = process.env.UPDATE_FIXTURES === '1'

/** Site fixtures test the hierarchy and documents, so bodies come from a stub. */
const stubBody = () => ({body: [], documents: [], diagnostics: []})

/** The tree as indented lines, e.g. `  module Setup (setup.md)`, for a readable diff. */
function outline(documents: ImportedDocument[]): string[] {
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const lines: string[] = []
  const listed = new Set<string>()
  const visit = (doc: ImportedDocument, depth: number) => {
    listed.add(doc._id)
    const path = (doc.source as {path?: string} | undefined)?.path ?? 'no source page'
    lines.push(`${'  '.repeat(depth)}${doc._type} ${doc.title as string} (${path})`)
    const refs = (doc.contents ?? doc.lessons ?? []) as Array<{_ref: string}>
    for (const ref of refs) visit(byId.get(ref._ref)!, depth + 1)
  }
  const referenced = new Set(
    documents.flatMap((doc) =>
      ((doc.contents ?? doc.lessons ?? []) as Array<{_ref: string}>).map((ref) => ref._ref),
    ),
  )
  // The site document heads the outline; its courses follow in its order, then any it omits.
  const site = documents.find((doc) => doc._type === 'site')
  if (site) {
    listed.add(site._id)
    lines.push(`site ${site.title as string}`)
    for (const ref of site.courses as Array<{_ref: string}>) visit(byId.get(ref._ref)!, 0)
    const sections = (site.collections ?? []) as Array<{
      key: string
      name?: string
      navFold?: boolean
      courses: Array<{_ref: string}>
    }>
    for (const section of sections) {
      lines.push(
        `section ${section.name ?? ''} (collection ${section.key}${section.navFold ? ', folded' : ''})`,
      )
      for (const ref of section.courses) visit(byId.get(ref._ref)!, 1)
    }
  }
  for (const doc of documents) {
    if (doc._type !== 'course' || listed.has(doc._id)) continue
    lines.push('(not listed by the site:)')
    visit(doc, 1)
  }
  for (const doc of documents) {
    if (listed.has(doc._id) || referenced.has(doc._id)) continue
    lines.push('(not listed by any course:)')
    visit(doc, 1)
  }
  return lines
}

const cases = readdirSync(FIXTURES).filter((name) => name.startsWith('site-'))

describe('site fixtures', () => {
  it.each(cases)('%s imports as expected.json says', (name) => {
    const dir = join(FIXTURES, name)
    // `options.json` beside `input/` sets importSite options, e.g. {"placeholders": true}.
    const optionsFile = join(dir, 'options.json')
    const options = existsSync(optionsFile)
      ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>)
      : {}
    const result = importSite(readSiteFiles(join(dir, 'input')), {
      ...options,
      convertBody: stubBody,
    })
    const actual = {
      outline: outline(result.documents),
      diagnostics: result.diagnostics.map(
        (d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`,
      ),
      documents: result.documents,
    }
    const file = join(dir, 'expected.json')
    if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`)
    if (!existsSync(file)) throw new Error(`Cannot find ${file}; run with UPDATE_FIXTURES=1.`)
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')))
  })
})
