/**
 * The memory probe behind `npm run bench:lake -- --abuse`: starts a lake on a folder holding the
 * dataset `large`, has every query worker load its replica, and prints the process's resident
 * memory as JSON, and before any query (one worker, no replica loaded yet).
 */
import {defineCommand, runMain} from 'citty'
import {query} from '../lake/groq/abuse.test-support.ts'
import {until} from '../testing/until.ts'
import {startLake} from '../lake/start.ts'

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000))

/** The largest resident memory over three settled samples, after collecting garbage. */
async function residentMemory(): Promise<number> {
  let rss = 0
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.()
    await settle()
    rss = Math.max(rss, process.memoryUsage().rss)
  }
  return rss
}

const command = defineCommand({
  meta: {
    name: 'bench-lake-rss',
    description: "Prints a lake's resident memory once its query workers hold the dataset `large`",
  },
  args: {
    dir: {type: 'string', description: 'Lake folder whose data holds large.sqlite', required: true},
    workers: {type: 'string', description: 'Query workers', default: '2'},
  },
  async run({args}) {
    const workers = Math.max(1, Number(args.workers) || 1)
    const lake = await startLake({
      dir: args.dir,
      queries: {workers},
      log: () => undefined,
    })
    try {
      const opened = await residentMemory()
      const count = 'count(*[_type == "item" && n >= 0])'
      if ((await query(lake, 'large', count)) !== 200) throw new Error('The first query failed')
      // Overlapping full scans until every worker has started, loaded the replica and scanned it.
      const pool = lake.state.queries
      while (pool.stats().ready < workers) {
        const statuses = await Promise.all(
          Array.from({length: workers + 1}, () => query(lake, 'large', count)),
        )
        if (statuses.some((status) => status !== 200)) throw new Error('A scan failed')
      }
      await until(() => pool.stats().running.length === 0)
      const rss = await residentMemory()
      const heap = process.memoryUsage().heapUsed
      console.log(JSON.stringify({workers, rss, heap, opened}))
    } finally {
      await lake.close()
    }
  },
})

void runMain(command)
