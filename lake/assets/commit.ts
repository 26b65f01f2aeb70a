/**
 * Commits uploads together: those that arrive while the dataset is busy wait for one commit, of
 * their asset documents and their bytes in one transaction, which the dataset's writer thread
 * writes while the uploader goes on. The dataset writes with `synchronous = FULL`, so every
 * commit waits for the disk: an import that uploads hundreds of images a few at a time paid for
 * two commits per image, and then one for the bytes and one for the documents of each batch.
 */
import {runTransaction} from '../mutate/transaction.ts'
import type {Dataset} from '../store/dataset.ts'
import type {Doc, StoredFile} from '../store/types.ts'

/** An asset to commit: its document and the bytes served at its path. */
export type NewAsset = StoredFile & {doc: Doc}

type Waiting = NewAsset & {resolve: (doc: Doc) => void; reject: (error: unknown) => void}

/** Per dataset, the uploads that wait for the next commit (none: no commit is due). */
const waiting = new WeakMap<Dataset, Waiting[]>()

/**
 * Commits `asset` with the uploads waiting at the time, and answers its document as committed
 * (the one already there, when another upload of the same bytes was committed first, with its
 * file). Its bytes are written in the same SQLite transaction as its document, so a listed asset
 * always has its file; until the answer, the dataset may still read them from `asset.data`.
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
      const files: StoredFile[] = []
      for (const {doc, path, mime, data} of assets) {
        if (ws.get(doc._id)) continue
        ws.record({create: doc})
        ws.put(doc._id, doc, {create: doc})
        files.push({path, mime, data})
      }
      ws.storeFiles(files)
    })
    for (const asset of take()) asset.resolve(outcome.document(asset.doc._id)!)
  } catch (error) {
    for (const asset of take()) asset.reject(error)
  }
}
