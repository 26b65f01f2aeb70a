import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {memorySource, parseNdjson, type StoredDocument} from './memory.ts'
import type {QuerySource} from './source.ts'

/** A fixture dataset in `queries/fixtures/`: seed, empty, missing-references, hostile, all-blocks, site-order. */
export type FixtureName =
  'seed' | 'empty' | 'missing-references' | 'hostile' | 'all-blocks' | 'site-order'

/** The documents of a fixture dataset. */
export function fixtureDocuments(name: FixtureName): StoredDocument[] {
  const file = join(import.meta.dirname, 'fixtures', `${name}.ndjson`)
  return parseNdjson(readFileSync(file, 'utf8'), `queries/fixtures/${name}.ndjson`)
}

/** A query source over a fixture dataset (published perspective by default in tests). */
export function fixtureSource(name: FixtureName): QuerySource {
  return memorySource(fixtureDocuments(name))
}

/** Runs a query on a source with the published perspective. */
export function fetchPublished<R>(
  source: QuerySource,
  query: string,
  params: Record<string, unknown> = {},
): Promise<R> {
  return source.fetch<R>(query, params, {perspective: 'published'})
}
