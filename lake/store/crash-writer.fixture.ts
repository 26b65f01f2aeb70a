// Commits transactions forever, printing each committed number; the crash test SIGKILLs it.
// `thread` as second argument commits through the writer thread (commitInSlices).
import {Dataset} from './dataset.ts'

const dataset = new Dataset('crash', process.argv[2] ?? '')
const threaded = process.argv[3] === 'thread'
for (let n = Number(dataset.get('a')?.n ?? 0) + 1; ; n++) {
  const doc = (id: string) => ({
    _id: id,
    _type: 'counter',
    n,
    _rev: `tx-${n}`,
    padding: 'x'.repeat(2000),
  })
  const transaction = {
    id: `tx-${n}`,
    timestamp: new Date().toISOString(),
    author: 'crash-test',
    mutations: [],
    changes: ['a', 'b', 'c'].map((id) => ({
      id,
      before: dataset.get(id) ?? null,
      after: doc(id),
      mutations: [],
    })),
  }
  if (threaded) await dataset.commitInSlices(transaction)
  else dataset.commit(transaction)
  process.stdout.write(`${n}\n`)
}
