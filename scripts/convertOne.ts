/**
 * One page's conversion as the text of its {@link CachedConversion}, the same on a worker thread
 * (`convertWorker.ts`) and on the main thread helping them (`convertPages.ts`).
 */
import type {ConvertContext, ConvertResult} from '../importer/body/index.ts'
import {convertJob, type PageJob, type SiteContext} from '../importer/site/stages.ts'
import {convertRecording, type CachedConversion} from '../importer/cache.ts'

/** The body converter (importer/body's `convertBody`), passed in so this module does not load it. */
type ConvertBody = (markdown: string, ctx: ConvertContext) => ConvertResult

const NOT_ASCII = /[\u0080-\uffff]/g
const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/** A page's conversion as text, and whether it is worth remembering (not when out of time). */
export function convertOne(
  job: PageJob,
  context: SiteContext,
  convertBody: ConvertBody,
): {json: string; remember: boolean} {
  let json: string | undefined
  const result = convertJob(job, context, (markdown, ctx) => {
    const recorded = convertRecording(convertBody, markdown, ctx)
    json = recorded.json
    return recorded.result
  })
  const text = json ?? JSON.stringify({result, links: []} satisfies CachedConversion)
  // Escaped to ASCII (the same JSON to a parser), so the main thread holds it in one byte a
  // character instead of two for a whole page once it has an emoji.
  return {json: text.replace(NOT_ASCII, escape), remember: json !== undefined}
}
