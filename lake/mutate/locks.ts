import type {Dataset} from '../store/dataset.ts'
import {Lock} from '../store/lock.ts'

const locks = new WeakMap<Dataset, Lock>()

/** The write lock of a dataset. */
export function datasetLock(dataset: Dataset): Lock {
  let lock = locks.get(dataset)
  if (!lock) {
    lock = new Lock()
    locks.set(dataset, lock)
  }
  return lock
}
