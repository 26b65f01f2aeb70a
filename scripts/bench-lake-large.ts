/**
 * `npm run bench:lake -- --abuse` measurements on a 50,000-document dataset: other clients'
 * latency while patch-by-query transactions over every document run, and the lake's memory with
 * one and more query workers (each lake in a child process of its own).
 */
import {fork, spawnSync} from 'node:child_process'
import {once} from 'node:events'
import {setTimeout as delay} from 'node:timers/promises'
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {
  cheapQuery,
  latencyUntil,
  measureLatency,
  percentile,
} from '../lake/groq/abuse.test-support.ts'
import {until} from '../testing/until.ts'
import {startLake, type Lake} from '../lake/start.ts'
import {Dataset} from '../lake/store/dataset.ts'
import type {Doc} from '../lake/store/types.ts'
import type {ClientsAsk} from './bench-lake-clients.ts'
import type {Latency, MemoryFigures, PatchFigures, Stalls} from './benchLakeAbuse.ts'

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

/** `count` documents of about 1 KB each: a title, a number, tags and four paragraphs. */
export function largeDataset(count: number): Doc[] {
  return Array.from({length: count}, (_, n) => ({
    _id: `item-${n}`,
    _type: 'item',
    title: `Item ${n}`,
    n,
    tags: ['a', 'b', 'c'].map((tag) => `${tag}${n % 50}`),
    body: Array.from({length: 4}, (_, b) => ({
      _type: 'block',
      _key: `b${b}`,
      style: 'normal',
      markDefs: [],
      children: [
        {
          _type: 'span',
          _key: 's',
          text: `Paragraph ${b} of item ${n}: ${'lorem ipsum dolor sit amet '.repeat(5)}`,
          marks: [],
        },
      ],
    })),
  }))
}

/** A lake folder whose dataset `large` holds `count` documents, written in one transaction. */
export function largeLakeDir(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lake-large-'))
  mkdirSync(join(dir, 'data'), {mode: 0o700})
  const dataset = new Dataset('large', join(dir, 'data', 'large.sqlite'), () => undefined)
  dataset.commit({
    id: `seed-${count}`,
    timestamp: new Date().toISOString(),
    author: 'bench',
    changes: largeDataset(count).map((doc) => ({
      id: doc._id,
      before: null,
      after: doc,
      mutations: [],
    })),
    mutations: [],
  })
  dataset.close()
  return dir
}

async function mutate(lake: Lake, dataset: string, mutations: unknown[]): Promise<void> {
  const response = await fetch(`${lake.httpUrl}/v2025-02-19/data/mutate/${dataset}`, {
    method: 'POST',
    headers: {authorization: `Bearer ${lake.token}`, 'content-type': 'application/json'},
    body: JSON.stringify({mutations}),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`A patch by query answered ${response.status}: ${text}`)
}

/**
 * Runs `work` while a 1 ms timer watches the event loop: a turn that comes late is a stall, and
 * the main thread's CPU time during it tells its own work (and garbage collection on it) from
 * waiting for a core on a busy machine.
 */
async function watchStalls<T>(work: () => Promise<T>): Promise<{value: T; stalls: Stalls}> {
  const stalls: Stalls = {longest: 0, mostWork: 0}
  let last = performance.now()
  let cpu = process.threadCpuUsage()
  const timer = setInterval(() => {
    const now = performance.now()
    const used = process.threadCpuUsage(cpu)
    stalls.longest = Math.max(stalls.longest, now - last)
    stalls.mostWork = Math.max(stalls.mostWork, (used.user + used.system) / 1000)
    last = now
    cpu = process.threadCpuUsage()
  }, 1)
  try {
    return {value: await work(), stalls}
  } finally {
    clearInterval(timer)
  }
}

/**
 * A listener as an open Studio document keeps one (a filter on two ids, evaluated for every
 * document a transaction changes); counts the mutation events it receives until `stop()`.
 */
async function studioListener(lake: Lake, dataset: string, id: string) {
  const search = new URLSearchParams({
    query: '*[_id in [$id, "drafts." + $id]]',
    $id: JSON.stringify(id),
    includeResult: 'false',
  })
  const controller = new AbortController()
  const response = await fetch(`${lake.httpUrl}/v2025-02-19/data/listen/${dataset}?${search}`, {
    headers: {authorization: `Bearer ${lake.token}`},
    signal: controller.signal,
  })
  let events = 0
  const reading = (async () => {
    const decoder = new TextDecoder()
    const reader = response.body!.getReader()
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      events += decoder.decode(read.value).split('event: mutation').length - 1
    }
  })().catch(() => undefined)
  return {
    get events() {
      return events
    },
    async stop() {
      controller.abort()
      await reading
    },
  }
}

/**
 * Sends cheap queries from `clients` clients, one after another per client, until `busy`
 * settles, and then once more each (the query workers apply the commit after it is answered).
 */
function latencyDuring(
  busy: Promise<unknown>,
  clients: number,
  send: (client: number, request: number) => Promise<void>,
): Promise<number[]> {
  let settled = false
  void busy.finally(() => (settled = true))
  return latencyUntil(() => settled, {clients}, send)
}

/**
 * The same measure with the clients in a process of their own (bench-lake-clients.ts), as users'
 * clients are: `rounds` more rounds of the clients querying while idle, for as long as the last
 * patch took, and then until a patch (`patch(round)`, resolving once it is answered) is answered.
 */
async function clientsApart(
  lake: Lake,
  options: {documents: number; clients: number},
  rounds: number,
  patch: (round: number) => Promise<unknown>,
): Promise<{idle: Latency; during: Latency}> {
  const child = fork(
    join(import.meta.dirname, 'bench-lake-clients.ts'),
    [lake.httpUrl, lake.token, String(options.documents)],
    {stdio: ['ignore', 'inherit', 'inherit', 'ipc']},
  )
  // A process that ends without answering (it crashed) fails the run instead of hanging it.
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`The clients' process exited with ${code} before it answered`)
  })
  exited.catch(() => undefined)
  const answer = async () => {
    const [message] = (await Promise.race([once(child, 'message'), exited])) as [
      {samples?: number[]; error?: string},
    ]
    if (message.error !== undefined) throw new Error(`The clients' process: ${message.error}`)
    return message.samples ?? []
  }
  const ask = (message: ClientsAsk) => {
    child.send(message)
    return answer()
  }
  try {
    await answer()
    const {clients} = options
    const idle: number[] = []
    const busy: number[] = []
    // Idle for as long as the last patch took, so both p99s rest on about as many samples.
    let lastPatchMs = 3_000
    for (let round = 0; round < rounds; round++) {
      await ask({run: 'block', clients, requests: 5})
      const quiet = ask({run: 'until', clients})
      await delay(lastPatchMs)
      child.send({run: 'stop'} satisfies ClientsAsk)
      idle.push(...(await quiet))
      const started = performance.now()
      const during = ask({run: 'until', clients})
      await patch(round)
      lastPatchMs = performance.now() - started
      child.send({run: 'stop'} satisfies ClientsAsk)
      busy.push(...(await during))
    }
    return {
      idle: {p50: percentile(idle, 50), p99: percentile(idle, 99)},
      during: {p50: percentile(busy, 50), p99: percentile(busy, 99)},
    }
  } finally {
    child.kill()
  }
}

/**
 * A cheap query's latency from other clients, idle and while a patch by query over every
 * document runs (alternating, one run; idle for as long as the last patch took), with the longest stall of the event loop in each and the
 * most CPU time the main thread spent in one stall; prints the figures and returns them.
 */
export async function largeTransactions(options: {
  documents: number
  clients: number
}): Promise<PatchFigures> {
  const dir = largeLakeDir(options.documents)
  const lake = await startLake({dir, log: () => undefined})
  try {
    const cheap = cheapQuery(lake, options.documents)
    // Both workers load the replica before anything is measured.
    await measureLatency(cheap, {clients: options.clients * 2, requests: 10})
    const listener = await studioListener(lake, 'large', 'item-1')
    const rounds = 4
    const idle: number[] = []
    const busy: number[] = []
    const stalls = {idle: {longest: 0, mostWork: 0}, busy: {longest: 0, mostWork: 0}}
    const worst = (a: Stalls, b: Stalls): Stalls => ({
      longest: Math.max(a.longest, b.longest),
      mostWork: Math.max(a.mostWork, b.mostWork),
    })
    const patches: number[] = []
    let lastPatchMs = 3_000
    for (let round = 0; round < rounds; round++) {
      // Settle: the workers have applied the last commit, the garbage is collected.
      await measureLatency(cheap, {clients: options.clients, requests: 5})
      // Idle for as long as the last patch took: both p99s rest on about as many samples (a
      // p99 of 200 idle samples against one of thousands moved the ratio by 2x between runs).
      const quiet = await watchStalls(() =>
        latencyDuring(delay(lastPatchMs), options.clients, cheap),
      )
      idle.push(...quiet.value)
      stalls.idle = worst(stalls.idle, quiet.stalls)
      const started = performance.now()
      const patch = mutate(lake, 'large', [
        {patch: {query: '*[_type == "item"]', set: {round}}},
      ]).then(() => patches.push((lastPatchMs = performance.now() - started)))
      const during = await watchStalls(() => latencyDuring(patch, options.clients, cheap))
      busy.push(...during.value)
      stalls.busy = worst(stalls.busy, during.stalls)
    }
    const apart = await clientsApart(lake, options, rounds, (round) => {
      const started = performance.now()
      return mutate(lake, 'large', [
        {patch: {query: '*[_type == "item"]', set: {round: rounds + round}}},
      ]).then(() => patches.push(performance.now() - started))
    })
    // Its events come after the transactions' responses.
    await until(() => listener.events >= patches.length)
    await listener.stop()
    const figures: PatchFigures = {
      idle: {p50: percentile(idle, 50), p99: percentile(idle, 99)},
      during: {p50: percentile(busy, 50), p99: percentile(busy, 99)},
      apart,
      stalls: {idle: stalls.idle, during: stalls.busy},
      patchMs: percentile(patches, 50),
      patches: patches.length,
      events: listener.events,
    }
    const line = (name: string, latency: {p50: number; p99: number}, stall: Stalls) =>
      `  ${name.padEnd(24)} p50 ${fmt(latency.p50).padStart(8)}   p99 ${fmt(latency.p99).padStart(8)}   longest event-loop stall ${fmt(stall.longest)}, main-thread CPU in one stall at most ${fmt(stall.mostWork)}`
    console.log(
      `\n${options.documents} documents; ${options.clients} clients sending cheap queries (*[_id == $id][0]{title}), idle for as long as the last patch took, then during the next\n`,
    )
    console.log(line('idle', figures.idle, stalls.idle))
    console.log(line('patch by query over all', figures.during, stalls.busy))
    const plain = (name: string, latency: {p50: number; p99: number}) =>
      `  ${name.padEnd(24)} p50 ${fmt(latency.p50).padStart(8)}   p99 ${fmt(latency.p99).padStart(8)}`
    console.log('  the same clients in a process of their own:')
    console.log(plain('idle', apart.idle))
    console.log(plain('patch by query over all', apart.during))
    console.log(`  p99 ratio ${(apart.during.p99 / apart.idle.p99).toFixed(2)}x`)
    console.log(
      `  p99 ratio ${(figures.during.p99 / figures.idle.p99).toFixed(2)}x; ${patches.length} patches of ${options.documents} documents, median ${fmt(figures.patchMs)} each; a Studio-like listener on one document got ${figures.events} events`,
    )
    return figures
  } finally {
    await lake.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

/**
 * The lake's resident memory with 1 and `workers` query workers, each in a fresh process;
 * prints the figures and returns them.
 */
export function workerMemory(options: {documents: number; workers: number}): MemoryFigures[] {
  const dir = largeLakeDir(options.documents)
  try {
    console.log(
      `\nResident memory of a lake holding ${options.documents} documents (one process each):\n`,
    )
    const counts = [...new Set([1, options.workers])]
    const figures = counts.map((workers) => {
      const run = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          '--import',
          'tsx',
          join(import.meta.dirname, 'bench-lake-rss.ts'),
          '--dir',
          dir,
          '--workers',
          String(workers),
        ],
        {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']},
      )
      if (run.status !== 0) throw new Error(`The memory probe exited with ${run.status}`)
      const {rss, heap, opened} = JSON.parse(
        run.stdout.trim().split('\n').at(-1) ?? '{}',
      ) as MemoryFigures
      const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0).padStart(5)} MB`
      console.log(
        `  ${String(workers).padStart(2)} query worker(s) holding the dataset: RSS ${mb(rss)}, main heap ${mb(heap)} (before the first query: RSS ${mb(opened)})`,
      )
      return {workers, rss, heap, opened}
    })
    if (figures.length === 2) {
      const perWorker = (figures[1].rss - figures[0].rss) / (counts[1] - counts[0])
      console.log(`  each further worker: ${(perWorker / 2 ** 20).toFixed(0)} MB`)
    }
    return figures
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
