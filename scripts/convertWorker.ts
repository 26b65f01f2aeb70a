/**
 * A worker thread of `convertPages.ts`: makes the site's conversion context once from the
 * plain data of its first message, then converts each page it is sent, writes the text of its
 * conversion into its spill file as a line of the conversion cache (under the key it was sent
 * with the page), and answers where it wrote it: the main thread parses the entry, and saves the
 * line as it is.
 */
import {parentPort, workerData} from 'node:worker_threads'

import {convertBody, type ConvertResult} from '../importer/body/index.ts'
import {
  convertJob,
  convertRecording,
  siteContext,
  type PageJob,
  type SiteContextData,
} from '../importer/index.ts'
import {visitLocalImages} from '../sync/localImages.ts'
import {cacheLine} from './conversionCache.ts'
import type {Answer, Batch, ContextMessage, Ready, Stop, WorkerData} from './convertPages.ts'
import {writeAt} from './spill.ts'

const data = workerData as WorkerData
/** The site's context, from the first message (the worker may start before the site is read). */
let context: ReturnType<typeof siteContext> | undefined
/** Whether answers list each page's local image sources (the first message says). */
let listImages = false
/** Where the next page's text goes in the spill file. */
let position = 0

const NOT_ASCII = /[\u0080-\uffff]/g
const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/** The `src` of each image block naming a local file in a page's conversion, once each. */
function localSources({body, includes, documents}: ConvertResult): string[] {
  const sources = new Set<string>()
  visitLocalImages([body, includes, documents], (block) => sources.add(block.src))
  return [...sources]
}

/** One page's conversion as text, whether it is worth remembering, and its local images. */
function convertOne(job: PageJob): {json: string; remember: boolean; images?: string[]} {
  let json: string | undefined
  const result = convertJob(job, context!, (markdown, ctx) => {
    const recorded = convertRecording(convertBody, markdown, ctx)
    json = recorded.json
    return recorded.result
  })
  const text = json ?? JSON.stringify({result, links: []})
  // Escaped to ASCII (the same JSON to a parser): one byte a character in the spill file, and
  // one byte a character in the main thread's strings, even for a page with an emoji.
  return {
    json: text.replace(NOT_ASCII, escape),
    remember: json !== undefined,
    ...(listImages ? {images: localSources(result)} : {}),
  }
}

parentPort!.on('message', (message: Batch | ContextMessage | Stop) => {
  if ('stop' in message) {
    // Nothing more will come: the thread ends on its own once this turn is over, rather than
    // being terminated (see convertPages.ts).
    parentPort!.close()
    return
  }
  if ('context' in message) {
    context = siteContext(message.context as SiteContextData)
    listImages = message.images === true
    return
  }
  const {jobs, keys} = message
  const start = position
  const ends: number[] = []
  const remember: boolean[] = []
  const images: string[][] = []
  jobs.forEach((job, i) => {
    const page = convertOne(job)
    const line = cacheLine(keys[i], page.json)
    writeAt(data.spill, Buffer.from(line, 'latin1'), position)
    ends.push((position += line.length))
    remember.push(page.remember)
    if (page.images) images.push(page.images)
  })
  const answer: Answer = {start, ends, remember, ...(listImages ? {images} : {})}
  parentPort!.postMessage(answer)
})

// Loaded: the main thread may stop this worker from now on without cutting a compilation short.
const ready: Ready = {ready: true}
parentPort!.postMessage(ready)
