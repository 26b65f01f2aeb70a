/**
 * Worker-thread entry of `validateInParallel`: validates its share of the documents and
 * reports progress and problems to the parent. Runs on Node's own TypeScript support.
 */
import {parentPort, workerData} from 'node:worker_threads'

import {validateDocuments, type DocumentLike} from './validate.ts'

const {documents, existing} = workerData as {
  documents: DocumentLike[]
  existing: DocumentLike[]
}
const problems = await validateDocuments(documents, {
  existing,
  onProgress: (done) => parentPort?.postMessage({type: 'progress', done}),
})
parentPort?.postMessage({type: 'done', problems})
