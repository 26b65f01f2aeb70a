/**
 * Converts the page bodies of a prepared site, on worker threads when there is enough to
 * share (`convertWorker.ts`), and through the conversion cache: a page whose inputs did not
 * change is recalled, not converted, and every new conversion is remembered.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'

import type {ConvertContext, ConvertResult} from '../importer/body/index.ts'
import {
  conversionKey,
  convertRecording,
  recallConversion,
  type CachedConversion,
  type ConversionCache,
} from '../importer/cache.ts'
import {convertJob, type PageJob, type PreparedSite} from '../importer/site/stages.ts'

/**
 * Markdown (characters) below which pages are converted on the main thread: a worker costs
 * about 0.1 s of CPU to start, which a few hundred small pages do not repay.
 */
const WORKER_THRESHOLD = 1_000_000

/**
 * Young generation of each worker (MB): one page's syntax trees die young there instead of
 * being promoted, so the old generation (and the process's peak memory) stays small.
 */
const YOUNG_GENERATION_MB = 48

/** What a worker answers for one page: the text of its {@link CachedConversion}. */
interface ConvertedPage {
  json: string
  /** False when the page ran out of time: not worth remembering. */
  remember: boolean
}

/** Options of {@link convertPages}. */
export interface ConvertPagesOptions {
  /** `save` writes the store out and empties it (called before the results are parsed). */
  cache?: {store: ConversionCache; version: string; save?: () => Promise<void>}
  /** Worker threads (0: convert on this thread); default one per core for a large site. */
  workers?: number
  onProgress?: (done: number, total: number, file: string) => void
}

const contextOf = (job: PageJob, site: PreparedSite['context']): ConvertContext => ({
  ...site,
  file: job.file,
  title: job.title,
  lineOffset: job.lineOffset,
  page: job.page,
})

/** Every page's conversion by document id, and how many the cache gave back. */
export async function convertPages(
  prepared: PreparedSite,
  options: ConvertPagesOptions = {},
): Promise<{converted: Map<string, ConvertResult>; reused?: number}> {
  const {cache, onProgress} = options
  const converted = new Map<string, ConvertResult>()
  const total = prepared.jobs.length
  const done = (job: PageJob, result: ConvertResult) => {
    converted.set(job.id, result)
    onProgress?.(converted.size, total, job.file)
  }
  const keys = new Map<string, string>()
  const misses: PageJob[] = []
  for (const job of prepared.jobs) {
    if (!cache) {
      misses.push(job)
      continue
    }
    const ctx = contextOf(job, prepared.context)
    const key = conversionKey(job.markdown, ctx, cache.version)
    keys.set(job.id, key)
    const recalled = recallConversion(cache.store.get(key), ctx)
    if (recalled) done(job, recalled)
    else misses.push(job)
  }
  const reused = cache ? total - misses.length : undefined
  const remember = (job: PageJob, json: string | undefined) => {
    if (cache && json !== undefined) cache.store.set(keys.get(job.id)!, json)
  }
  const size = misses.reduce((sum, job) => sum + job.markdown.length, 0)
  const workers = Math.min(
    options.workers ?? (size >= WORKER_THRESHOLD ? availableParallelism() : 0),
    misses.length,
  )
  if (workers <= 0) {
    // Loaded only to convert here: an import whose every page is cached never loads it.
    const {convertBody} = misses.length ? await import('../importer/body/index.ts') : {}
    for (const job of misses) {
      let json: string | undefined
      const result = convertJob(job, prepared.context, (markdown, ctx) => {
        const recorded = convertRecording(convertBody!, markdown, ctx)
        json = recorded.json
        return recorded.result
      })
      remember(job, json)
      done(job, result)
    }
    return {converted, reused}
  }
  // Kept as text while the workers run and parsed once they are gone, so the results' objects
  // and the workers' heaps are never in memory at the same time (the text is what the cache
  // keeps anyway).
  const texts: Array<[PageJob, string]> = []
  await onWorkers(prepared, misses, workers, (job, page) => {
    texts.push([job, page.json])
    if (page.remember) remember(job, page.json)
    onProgress?.(converted.size + texts.length, total, job.file)
  })
  // The cache holds the same texts: written out and let go first, each text is garbage as
  // soon as it is parsed.
  await cache?.save?.()
  for (let i = 0; i < texts.length; i++) {
    const [job, json] = texts[i]
    converted.set(job.id, (JSON.parse(json) as CachedConversion).result)
    texts[i] = [job, '']
  }
  return {converted, reused}
}

/** Pages sent to a worker in one message, and answered in one: fewer trips between threads. */
const BATCH = 16

/** A worker thread and the batches it owes, in the order it was asked. */
function startWorker(prepared: PreparedSite) {
  const worker = new Worker(new URL('./convertWorker.ts', import.meta.url), {
    workerData: prepared.contextData,
    resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
  })
  type Owed = {resolve: (pages: ConvertedPage[]) => void; reject: (error: Error) => void}
  const owed: Owed[] = []
  const decoder = new TextDecoder()
  worker.on('message', (answer: {bytes: Uint8Array; ends: number[]; remember: boolean[]}) => {
    const text = decoder.decode(answer.bytes)
    const pages = answer.ends.map((end, i) => ({
      json: text.slice(i ? answer.ends[i - 1] : 0, end),
      remember: answer.remember[i],
    }))
    owed.shift()?.resolve(pages)
  })
  let failed: Error | undefined
  const fail = (error: Error) => {
    failed ??= error
    for (const {reject} of owed.splice(0)) reject(failed)
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)))
  return {
    worker,
    ask(jobs: PageJob[]): Promise<ConvertedPage[]> {
      return new Promise((resolve, reject) => {
        // A worker that failed answers nothing more: whoever asks it next hears why.
        if (failed) return reject(failed)
        owed.push({resolve, reject})
        worker.postMessage(jobs)
      })
    },
  }
}

/**
 * Converts `jobs` on `count` worker threads, two batches asked of each at a time so none waits
 * for the main thread between batches; the next batch goes to the first worker that answers.
 */
async function onWorkers(
  prepared: PreparedSite,
  jobs: readonly PageJob[],
  count: number,
  each: (job: PageJob, page: ConvertedPage) => void,
): Promise<void> {
  const workers: Array<ReturnType<typeof startWorker>> = []
  let next = 0
  const lane = async (worker: ReturnType<typeof startWorker>) => {
    while (next < jobs.length) {
      const batch = jobs.slice(next, (next += BATCH))
      const pages = await worker.ask(batch)
      batch.forEach((job, i) => each(job, pages[i]))
    }
  }
  try {
    while (workers.length < count) workers.push(startWorker(prepared))
    await Promise.all(workers.flatMap((worker) => [lane(worker), lane(worker)]))
  } catch (error) {
    throw new Error(
      `Cannot convert the pages on worker threads: ${(error as Error).message}. Run again with --workers 0 to convert them on the main thread.`,
      {cause: error},
    )
  } finally {
    await Promise.all(workers.map(({worker}) => worker.terminate()))
  }
}
