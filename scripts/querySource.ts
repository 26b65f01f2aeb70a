/**
 * Opens what `npm run query` and `npm run site` read: an NDJSON file (`--dataset`), or the
 * target `targets/` resolves (hosted when SANITY_* is set, else the local Content Lake).
 */
import {readFile} from 'node:fs/promises'

import type {SanityClient} from '@sanity/client'

import {UsageError} from '../queries/command.ts'
import {memorySource, parseNdjson} from '../queries/memory.ts'
import {clientSource, type FetchClient, type QuerySource} from '../queries/source.ts'
import {loadEnv, resolveTarget} from '../targets/index.ts'

/** An open query source, its description for messages, and how to close it. */
export interface OpenSource {
  source: QuerySource
  describe: string
  /** Where the dataset's uploaded files (`/images/…`, `/files/…`) are served: the local lake's origin. */
  assetOrigin?: string
  close: () => Promise<void>
}

/** The NDJSON file when given, else the resolved target. */
export async function openQuerySource(datasetFile: string | undefined): Promise<OpenSource> {
  if (datasetFile) {
    const text = await readFile(datasetFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(
        `Cannot read --dataset ${datasetFile}: ${error.code === 'ENOENT' ? 'no such file' : error.message}. Give an NDJSON file, as npm run import -- <site> --out <file> writes.`,
      )
    })
    let documents
    try {
      documents = parseNdjson(text, datasetFile)
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    return {
      source: memorySource(documents),
      describe: `${datasetFile} (in memory, groq-js)`,
      close: () => Promise.resolve(),
    }
  }
  const target = await resolveTarget(loadEnv())
  const client = await target.client()
  return {
    source: clientSource(asFetchClient(client)),
    describe: target.describe(),
    ...(target.kind === 'local' ? {assetOrigin: client.config().apiHost} : {}),
    close: () => target.close(),
  }
}

function asFetchClient(client: SanityClient): FetchClient {
  return {
    fetch: <R>(query: string, params: Record<string, unknown>, options: {perspective: string}) =>
      client.fetch<R>(query, params, {perspective: options.perspective as 'published'}),
  }
}
