/**
 * A worker thread of `convertPages.ts`: makes the site's conversion context once from the
 * plain data it is started with, then converts each page it is sent and answers with the
 * text of its conversion (what the conversion cache keeps, and what the main thread parses).
 */
import {parentPort, workerData} from 'node:worker_threads'

import {convertBody} from '../importer/body/index.ts'
import {siteContext, type PageJob, type SiteContextData} from '../importer/index.ts'
import {convertOne} from './convertOne.ts'

const context = siteContext(workerData as SiteContextData)
const encoder = new TextEncoder()

parentPort!.on('message', (jobs: PageJob[]) => {
  const pages = jobs.map((job) => convertOne(job, context, convertBody))
  const ends: number[] = []
  let text = ''
  for (const page of pages) ends.push((text += page.json).length)
  // One buffer for the batch, handed over rather than copied.
  const bytes = encoder.encode(text)
  const remember = pages.map((page) => page.remember)
  parentPort!.postMessage({bytes, ends, remember}, [bytes.buffer])
})
