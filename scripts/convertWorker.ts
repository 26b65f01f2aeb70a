/**
 * A worker thread of `convertPages.ts`: makes the site's conversion context once from the
 * plain data it is started with, then converts each page it is sent and answers with the
 * text of its conversion (what the conversion cache keeps, and what the main thread parses).
 */
import {parentPort, workerData} from 'node:worker_threads'

import {convertBody} from '../importer/body/index.ts'
import {
  convertJob,
  convertRecording,
  siteContext,
  type PageJob,
  type SiteContextData,
} from '../importer/index.ts'

const context = siteContext(workerData as SiteContextData)
const encoder = new TextEncoder()

const NOT_ASCII = /[\u0080-\uffff]/g
const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/** One page's conversion as text, and whether it is worth remembering. */
function convertOne(job: PageJob): {json: string; remember: boolean} {
  let json: string | undefined
  const result = convertJob(job, context, (markdown, ctx) => {
    const recorded = convertRecording(convertBody, markdown, ctx)
    json = recorded.json
    return recorded.result
  })
  const text = json ?? JSON.stringify({result, links: []})
  // Escaped to ASCII (the same JSON to a parser), so the main thread holds it in one byte a
  // character instead of two for a whole page once it has an emoji.
  return {json: text.replace(NOT_ASCII, escape), remember: json !== undefined}
}

parentPort!.on('message', (jobs: PageJob[]) => {
  const pages = jobs.map(convertOne)
  const ends: number[] = []
  let text = ''
  for (const page of pages) ends.push((text += page.json).length)
  // One buffer for the batch, handed over rather than copied.
  const bytes = encoder.encode(text)
  const remember = pages.map((page) => page.remember)
  parentPort!.postMessage({bytes, ends, remember}, [bytes.buffer])
})
