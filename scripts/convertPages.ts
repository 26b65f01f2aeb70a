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
import {cacheLineBounds, type WrittenLines} from './conversionCache.ts'
import {Spill} from './spill.ts'
import {tierForLongWork} from './tiering.ts'

/**
 * Markdown (characters) below which pages are converted on the main thread: each worker loads
 * and warms up the converter on its own (more than half a second of CPU between two of them),
 * which only wall time on free cores repays (see importer/README.md, Performance).
 */
const WORKER_THRESHOLD = 1_000_000

/**
 * Young generation of each worker (MB): one page's syntax trees die young there instead of
 * being promoted, so the old generation (and the process's peak memory) stays small.
 */
const YOUNG_GENERATION_MB = 48

/** How long a worker asked to stop may take to end before it is terminated. */
const STOP_GRACE_MS = 10_000

/** Pages sent to a worker in one message, with the cache key of each ('' without a cache). */
export interface Batch {
  jobs: PageJob[]
  keys: string[]
}

/**
 * What a worker answers for a batch of pages, whose {@link CachedConversion}s it wrote one after
 * another in ASCII into its spill file, each as a cache line (see conversionCache.ts): where the
 * first starts, where each ends, and whether each is worth remembering (false when the page ran
 * out of time).
 */
export interface Answer {
  start: number
  ends: number[]
  remember: boolean[]
  /** When the context asked for them: each page's local image sources (see sync/localImages.ts). */
  images?: string[][]
}

/** What a worker is started with: the spill file it writes into. */
export interface WorkerData {
  spill: number
}

/** What a worker says once it has loaded the converter, before any answer. */
export interface Ready {
  ready: true
}

/** The last message a worker gets: it ends on its own. */
export interface Stop {
  stop: true
}

/** A worker's first message: the site's context, which every page it converts shares. */
export interface ContextMessage {
  context: PreparedSite['contextData']
  /** Whether each answer lists its pages' local image sources. */
  images?: boolean
}

/** Where a worker wrote a page's cache line: its spill file, and the line's bytes there. */
interface AnsweredPage {
  job: PageJob
  spill: number
  start: number
  end: number
  remember: boolean
}

/** Options of {@link convertPages}. */
export interface ConvertPagesOptions {
  /**
   * `save` writes the store out, with the cache lines the worker threads wrote, and empties it
   * (called before the results are parsed); without it, those are set in the store one by one.
   */
  cache?: {
    store: ConversionCache
    version: string
    save?: (written: WrittenLines) => Promise<void>
  }
  /** Worker threads (0: convert on this thread); default one per core for a large site. */
  workers?: number
  /**
   * Worker threads started before the site was prepared ({@link startConverters}), used instead
   * of starting others when this run converts on worker threads, else stopped.
   */
  converters?: Converters
  onProgress?: (done: number, total: number, file: string) => void
  /**
   * Hears the `src` of each image block naming a local file (see sync/localImages.ts) in the
   * documents of a page converted on a worker thread, as soon as the worker answers: long before
   * the results are read (an import uploads them meanwhile). Not called for other pages.
   */
  onImages?: (job: PageJob, sources: readonly string[]) => void
}

const contextOf = (job: PageJob, site: PreparedSite['context']): ConvertContext => ({
  ...site,
  file: job.file,
  title: job.title,
  lineOffset: job.lineOffset,
  page: job.page,
})

/** What converting a site's pages reads of it: the pages and what their conversions share. */
export type SitePages = Pick<PreparedSite, 'jobs' | 'context' | 'contextData'>

/** Every page's conversion by document id, and how many the cache gave back. */
export async function convertPages(
  prepared: SitePages,
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
  const workers = workersFor(size, misses.length, options.workers)
  if (workers <= 0) {
    await options.converters?.stop()
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
  // Each worker writes its pages' texts into a file of its own and answers where they are; they
  // are read and parsed once the workers are gone, so the results and the workers' heaps are
  // never in memory at the same time.
  const answered: AnsweredPage[] = []
  const keyOf = (job: PageJob) => keys.get(job.id) ?? ''
  const converters = options.converters ?? startConverters(workers)
  try {
    const {onImages} = options
    const each = (batch: PageJob[], answer: Answer, spill: number) => {
      batch.forEach((job, i) => {
        const start = i ? answer.ends[i - 1] : answer.start
        answered.push({job, spill, start, end: answer.ends[i], remember: answer.remember[i]})
        onProgress?.(converted.size + answered.length, total, job.file)
      })
      if (onImages)
        batch.forEach((job, i) => answer.images?.[i]?.length && onImages(job, answer.images[i]))
    }
    await onWorkers(prepared, misses, keyOf, converters.started, each, onImages !== undefined)
    await converters.terminate()
    const spills = converters.started.map(({spill}) => spill)
    // The workers write ASCII (see convertWorker.ts), so each byte is one character.
    const entry = (page: AnsweredPage) => {
      const {head, tail} = cacheLineBounds(keyOf(page.job))
      return spills[page.spill].text(page.start + head, page.end - tail)
    }
    // Written out as the workers wrote them, before the results are parsed.
    if (cache?.save) await cache.save(rememberedLines(answered, spills, keyOf))
    else if (cache) for (const page of answered) if (page.remember) remember(page.job, entry(page))
    for (const page of answered) {
      converted.set(page.job.id, (JSON.parse(entry(page)) as CachedConversion).result)
    }
  } finally {
    await converters.stop()
  }
  return {converted, reused}
}

/**
 * The cache lines of the pages worth remembering, as the spill files' bytes: each run of such
 * pages written one after another, read a megabyte at a time as the cache file is written.
 */
function rememberedLines(
  answered: readonly AnsweredPage[],
  spills: readonly Spill[],
  keyOf: (job: PageJob) => string,
): WrittenLines {
  const keys: string[] = []
  const runs = spills.map(() => [] as Array<[start: number, end: number]>)
  for (const page of answered) {
    if (!page.remember) continue
    keys.push(keyOf(page.job))
    const run = runs[page.spill].at(-1)
    if (run && run[1] === page.start) run[1] = page.end
    else runs[page.spill].push([page.start, page.end])
  }
  function* chunks() {
    for (const [spill, spans] of runs.entries())
      for (const [start, end] of spans) yield* spills[spill].slices(start, end)
  }
  return {keys, chunks: chunks()}
}

/** Pages sent to a worker in one message, and answered in one: fewer trips between threads. */
const BATCH = 16

/**
 * Batches of a worker's share of the markdown, at most: a batch of large pages sent last would
 * keep one worker converting while the others have nothing left.
 */
const BATCHES_PER_WORKER = 16

/**
 * `jobs` cut into batches in their order: each batch at most {@link BATCH} pages and, past its
 * first page, at most its share of the markdown (a larger page goes alone). In site order, not
 * the largest first: converting OpenSearch's largest pages first doubled the workers' garbage
 * collection (3.1 to 3.3 s of scavenges a worker, against 1.5 to 1.8 s).
 */
export function batchesOf(jobs: readonly PageJob[], workers: number): PageJob[][] {
  const total = jobs.reduce((sum, job) => sum + job.markdown.length, 0)
  const share = total / (Math.max(1, workers) * BATCHES_PER_WORKER)
  const batches: PageJob[][] = []
  let batch: PageJob[] = []
  let size = 0
  for (const job of jobs) {
    const length = job.markdown.length
    if (batch.length === BATCH || (batch.length > 0 && size + length > share)) {
      batches.push(batch)
      batch = []
      size = 0
    }
    batch.push(job)
    size += length
  }
  if (batch.length) batches.push(batch)
  return batches
}

/** Worker threads started to convert pages, each with its spill file, and how to stop them all. */
export interface Converters {
  started: Array<ReturnType<typeof startWorker>>
  /** Stops the workers; their spill files stay open to be read. */
  terminate(): Promise<void>
  /** Stops the workers and closes their spill files (again: nothing more). */
  stop(): Promise<void>
}

/**
 * Starts `count` worker threads, each with a spill file: they load the converter while this
 * thread goes on (an import starts them before it prepares the site when it knows it will
 * convert every page), and wait for the site's context, which {@link convertPages} sends.
 */
export function startConverters(count: number): Converters {
  const started: Converters['started'] = []
  let terminated: Promise<unknown> | undefined
  let stopped: Promise<void> | undefined
  // Each worker is asked to end and ends on its own, once it has loaded the converter: V8 can
  // abort the whole process when a thread is terminated in the middle of compiling (`Check
  // failed: jit_page.has_value()`, seen in CI when workers were stopped at once, and again
  // after they had converted pages, with compilations still running in the background).
  // Terminated only if it has not ended within STOP_GRACE_MS.
  const terminate = async () => {
    await (terminated ??= Promise.all(
      started.map(async ({worker, ready, exited}) => {
        await ready
        worker.postMessage({stop: true} satisfies Stop)
        let timer: NodeJS.Timeout | undefined
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), STOP_GRACE_MS)
        })
        const ended = await Promise.race([exited, late])
        clearTimeout(timer)
        if (ended === 'late') await worker.terminate()
      }),
    ))
  }
  const stop = () =>
    (stopped ??= terminate().finally(() => {
      for (const {spill} of started) spill.close()
    }))
  // The workers convert for seconds: V8 optimizes as it does by default from here on.
  if (count > 0) tierForLongWork()
  try {
    while (started.length < count) {
      const spill = new Spill()
      try {
        started.push(startWorker(spill))
      } catch (error) {
        spill.close()
        throw error
      }
    }
  } catch (error) {
    void stop()
    throw error
  }
  return {started, terminate, stop}
}

/**
 * The worker threads {@link convertPages} will want for a site whose every page it converts
 * (nothing is cached), started now: as many as it starts for pages of `markdownBytes` in all,
 * none for a small site.
 */
export function startConvertersEarly(
  markdownBytes: number,
  pages: number,
  workers: number | undefined,
): Converters | undefined {
  const count = workersFor(markdownBytes, pages, workers)
  return count > 0 ? startConverters(count) : undefined
}

/**
 * Worker threads for `pages` pages of `size` characters of markdown: `asked` (`--workers`), or
 * one per core for a large site, none for a small one; never more than the pages.
 */
function workersFor(size: number, pages: number, asked: number | undefined): number {
  return Math.min(asked ?? (size >= WORKER_THRESHOLD ? availableParallelism() : 0), pages)
}

/** A worker thread and the batches it owes, in the order it was asked. */
function startWorker(spill: Spill) {
  const workerData: WorkerData = {spill: spill.fd}
  const worker = new Worker(new URL('./convertWorker.ts', import.meta.url), {
    workerData,
    resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
  })
  type Owed = {resolve: (answer: Answer) => void; reject: (error: Error) => void}
  const owed: Owed[] = []
  let loaded!: () => void
  /** Settled once the worker has loaded the converter (or failed, or stopped). */
  const ready = new Promise<void>((resolve) => (loaded = resolve))
  worker.on('message', (message: Answer | Ready) => {
    if ('ready' in message) loaded()
    else owed.shift()?.resolve(message)
  })
  let failed: Error | undefined
  const fail = (error: Error) => {
    loaded()
    failed ??= error
    for (const {reject} of owed.splice(0)) reject(failed)
  }
  worker.on('error', fail)
  /** Settled once the thread has ended. */
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', (code) => {
      fail(new Error(`a worker thread stopped (exit code ${code})`))
      resolve()
    }),
  )
  return {
    worker,
    spill,
    ready,
    exited,
    /** Sends the site's context, which the worker needs before its first batch. */
    tell(message: ContextMessage): void {
      worker.postMessage(message)
    },
    ask(batch: Batch): Promise<Answer> {
      return new Promise((resolve, reject) => {
        // A worker that failed answers nothing more: whoever asks it next hears why.
        if (failed) return reject(failed)
        owed.push({resolve, reject})
        worker.postMessage(batch)
      })
    },
  }
}

/**
 * Converts `jobs` on the started worker threads, in the batches of {@link batchesOf}, two asked
 * of each at a time so none waits for the main thread between batches; the next batch goes to
 * the first worker that answers. `each` hears which worker (and spill) answered.
 */
async function onWorkers(
  prepared: SitePages,
  jobs: readonly PageJob[],
  keyOf: (job: PageJob) => string,
  workers: Converters['started'],
  each: (batch: PageJob[], answer: Answer, spill: number) => void,
  images: boolean,
): Promise<void> {
  const batches = batchesOf(jobs, workers.length)
  let next = 0
  const lane = async (index: number) => {
    while (next < batches.length) {
      const batch = batches[next++]
      each(batch, await workers[index].ask({jobs: batch, keys: batch.map(keyOf)}), index)
    }
  }
  try {
    for (const worker of workers) worker.tell({context: prepared.contextData, images})
    await Promise.all(workers.flatMap((_, index) => [lane(index), lane(index)]))
  } catch (error) {
    throw new Error(
      `Cannot convert the pages on worker threads: ${(error as Error).message}. Run again with --workers 0 to convert them on the main thread.`,
      {cause: error},
    )
  }
}
