/**
 * Commits uploads together: those that arrive while the dataset is busy wait for one commit, of
 * their bytes in one SQLite transaction and of their asset documents in one lake transaction.
 * The dataset writes with `synchronous = FULL`, so every commit waits for the disk: an import
 * that uploads hundreds of images a few at a time paid for two commits per image.
 */
import {runTransaction} from '../mutate/transaction.ts'
import type {Dataset} from '../store/dataset.ts'
import type {Doc} from '../store/types.ts'
import {storeFiles, type StoredFile} from './store.ts'

/** An asset to commit: its document and the bytes served at its path. */
export type NewAsset = StoredFile & {doc: Doc}

type Waiting = NewAsset & {resolve: (doc: Doc) => void; reject: (error: unknown) => void}

/** Per dataset, the uploads that wait for the next commit (none: no commit is due). */
const waiting = new WeakMap<Dataset, Waiting[]>()

/**
 * Commits `asset` with the uploads waiting at the time, and answers its document as committed
 * (the one already there, when another upload of the same bytes was committed first). Its bytes
 * are written before its document, so a listed asset always has its file.
 */
export function commitAsset(dataset: Dataset, asset: NewAsset): Promise<Doc> {
  return new Promise((resolve, reject) => {
    let queue = waiting.get(dataset)
    if (!queue) {
      waiting.set(dataset, (queue = []))
      // After the uploads handed over with this one (in this turn of the event loop) are in.
      const uploads = queue
      setImmediate(() => void commitWaiting(dataset, uploads))
    }
    queue.push({...asset, resolve, reject})
  })
}

async function commitWaiting(dataset: Dataset, queue: Waiting[]): Promise<void> {
  let batch: Waiting[] | undefined
  // Taken once the dataset's lock is held, so every upload that came meanwhile is in; the next
  // one starts another queue. Kept if the transaction is built again.
  const take = () => {
    if (!batch) {
      if (waiting.get(dataset) === queue) waiting.delete(dataset)
      batch = queue
    }
    return batch
  }
  try {
    const outcome = await runTransaction(dataset, {}, async (ws) => {
      const assets = take()
      // Under the lock once the writer thread has committed what was posted before, so the
      // bytes never go into another transaction still being written.
      await dataset.settled()
      storeFiles(dataset, assets)
      for (const {doc} of assets) {
        if (ws.get(doc._id)) continue
        ws.record({create: doc})
        ws.put(doc._id, doc, {create: doc})
      }
    })
    for (const asset of take()) asset.resolve(outcome.document(asset.doc._id)!)
  } catch (error) {
    for (const asset of take()) asset.reject(error)
  }
}
