/**
 * The cheap-query clients of `bench:lake --abuse`'s patch measure, in a process of their own (as
 * users' clients are: a Studio in a browser, a script): their own HTTP work then does not run on
 * the lake's event loop and count as its latency. Started with `fork` by bench-lake-large.ts,
 * given the lake's address, token and document count; each message runs a block of queries and
 * is answered with their latencies (ms).
 */
import {latencyUntil, measureLatency, query} from '../lake/groq/abuse.test-support.ts'
import type {Lake} from '../lake/start.ts'

/** What the parent asks: a block of requests per client, or queries until `stop`. */
export type ClientsAsk =
  | {run: 'block'; clients: number; requests: number}
  | {run: 'until'; clients: number}
  | {run: 'stop'}
  | {run: 'exit'}

const [httpUrl, token, documents] = process.argv.slice(2)
const lake = {httpUrl, token} as Lake
let stopped = false

async function cheap(client: number, request: number): Promise<void> {
  const id = `item-${(client * 7919 + request * 104_729) % Number(documents)}`
  const status = await query(lake, 'large', '*[_id == $id][0]{title}', {id})
  if (status !== 200) throw new Error(`A cheap query answered ${status}`)
}

process.on('message', (ask: ClientsAsk) => {
  if (ask.run === 'stop') stopped = true
  else if (ask.run === 'exit') process.exit(0)
  else {
    stopped = false
    const samples =
      ask.run === 'block' ? measureLatency(cheap, ask) : latencyUntil(() => stopped, ask, cheap)
    samples.then(
      (values) => process.send!({samples: values}),
      (error: unknown) => process.send!({error: String(error)}),
    )
  }
})
process.send!({ready: true})
