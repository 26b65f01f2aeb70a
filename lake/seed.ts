import {readFileSync} from 'node:fs'
import type {SanityClient} from '@sanity/client'

/** Writes the documents of an NDJSON file in one transaction (createOrReplace, so it is repeatable). */
export async function seedNdjson(client: SanityClient, file: string): Promise<number> {
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      try {
        return JSON.parse(line) as {_id: string; _type: string}
      } catch (error) {
        throw new Error(
          `${file}:${index + 1}:1: cannot parse the line as JSON (${String(error)}), expected one document per line`,
        )
      }
    })
  const transaction = client.transaction()
  for (const doc of docs) transaction.createOrReplace(doc)
  await transaction.commit({visibility: 'sync'})
  return docs.length
}
