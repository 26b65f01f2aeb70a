// Posts a transaction, closes the writer thread before its commit is answered, then closes the
// dataset and prints the commit's sequence number: the close must hold the process until then.
import {Dataset} from './dataset.ts'
import {WriterThread} from './writer-thread.ts'

const file = process.argv[2] ?? ''
const dataset = new Dataset('close', file, () => undefined)
const writer = new WriterThread(file)
writer.post({
  type: 'begin',
  id: 'tx',
  timestamp: '2026-01-01T00:00:00Z',
  author: 'me',
  mutations: '[]',
})
writer.post({
  type: 'rows',
  rows: [['a', 'rev', null, JSON.stringify({_id: 'a', _type: 't'}), '[]']],
})
const committed = writer.commit()
await writer.close()
await dataset.close()
process.stdout.write(`closed after commit ${await committed}\n`)
