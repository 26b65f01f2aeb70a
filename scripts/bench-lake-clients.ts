/**
 * The cheap-query clients of `bench:lake --abuse`'s patch measure, in a process of their own (as
 * users' clients are: a Studio in a browser, a script): their own HTTP work then does not run on
 * the lake's event loop and count as its latency. Started with `fork` by bench-lake-large.ts,
 * given the lake's address, token and document count; each message runs a block of queries and
 * is answered with their latencies (ms).
 */
import {cheapQuery, latencyUntil, measureLatency} from '../lake/groq/abuse.test-support.ts'

/** What the parent asks: a block of requests per client, or queries until `stop`. */
export type ClientsAsk =
  | {run: 'block'; clients: number; requests: number}
  | {run: 'until'; clients: number}
  | {run: 'stop'}
  | {run: 'exit'}

const [httpUrl, token, documents] = process.argv.slice(2)
const cheap = cheapQuery({httpUrl, token}, Number(documents))
let stopped = false

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
