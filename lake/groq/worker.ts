/**
 * Query worker entry (runs on Node's own TypeScript support): keeps replicas of the datasets the
 * lake posts and evaluates one task at a time, so a slow query never blocks the lake's event loop.
 */
import {parentPort} from 'node:worker_threads'
import {serializeError} from '../errors.ts'
import {queryTooLargeError} from './limits.ts'
import {ownThreadId} from './priority.ts'
import {Replica, type ReplicatedCommit} from './replica.ts'
import {runTask, type Task} from './tasks.ts'

/** Messages from the lake to a query worker. */
export type ToWorker =
  | {type: 'open'; dataset: string; file: string}
  /** `changes` is the commit's `ReplicatedCommit['changes']` as JSON, or null: read the file. */
  | {type: 'commit'; dataset: string; seq: number; changes: string | null}
  | {type: 'ping'; n: number}
  | {type: 'task'; id: number; task: Task; maxResultBytes: number}

const replicas = new Map<string, Replica>()
const encoder = new TextEncoder()
let chain = Promise.resolve()

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'open':
      replicas.set(message.dataset, Replica.load(message.file))
      return
    case 'commit': {
      const replica = replicas.get(message.dataset)
      if (message.changes === null) replica?.applyFromFile(message.seq)
      else {
        const changes = JSON.parse(message.changes) as ReplicatedCommit['changes']
        replica?.apply({seq: message.seq, changes})
      }
      return
    }
    case 'ping':
      parentPort?.postMessage({type: 'pong', n: message.n, tid: ownThreadId()})
      return
    case 'task':
      try {
        const json = await runTask(message.task, replicas)
        if (json.length > message.maxResultBytes) {
          throw tooLarge(json.length, message.maxResultBytes)
        }
        // A fresh Uint8Array owns its ArrayBuffer, so it can be transferred rather than copied.
        const body = encoder.encode(json)
        if (body.byteLength > message.maxResultBytes) {
          throw tooLarge(body.byteLength, message.maxResultBytes)
        }
        parentPort?.postMessage({type: 'result', id: message.id, body}, [body.buffer])
      } catch (error) {
        parentPort?.postMessage({type: 'error', id: message.id, error: serializeError(error)})
      }
  }
}

function tooLarge(size: number, limit: number) {
  return queryTooLargeError(`result is ${size} bytes, over the limit of ${limit} bytes`)
}

// Commits and tasks are handled strictly in order: a task sees every commit posted before it.
parentPort?.on('message', (message: ToWorker) => {
  chain = chain
    .then(() => handle(message))
    .catch((error: unknown) => {
      parentPort?.postMessage({type: 'failed', error: serializeError(error)})
    })
})
