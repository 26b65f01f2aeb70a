import {afterEach, describe, expect, it, vi} from 'vitest'
import {collectGarbageHalfway, HALFWAY_COLLECTION_FROM} from './collectGarbage.ts'

const withGc = globalThis as {gc?: () => void}
const exposed = withGc.gc
afterEach(() => {
  withGc.gc = exposed
})

describe('collectGarbageHalfway', () => {
  it('collects once, when half of a large write is done, and not for other phases or small writes', () => {
    const gc = vi.fn()
    withGc.gc = gc
    const large = collectGarbageHalfway()
    const total = HALFWAY_COLLECTION_FROM * 2
    large('validate', total, total)
    large('write', HALFWAY_COLLECTION_FROM - 1, total)
    expect(gc).not.toHaveBeenCalled()
    large('write', HALFWAY_COLLECTION_FROM, total)
    expect(gc).toHaveBeenCalledTimes(1)
    large('write', HALFWAY_COLLECTION_FROM + 1, total)
    large('write', total, total)
    expect(gc).toHaveBeenCalledTimes(1)

    const small = collectGarbageHalfway()
    for (let done = 0; done < HALFWAY_COLLECTION_FROM; done++) {
      small('write', done, HALFWAY_COLLECTION_FROM - 1)
    }
    expect(gc).toHaveBeenCalledTimes(1)
  })

  it('does nothing when the process cannot collect on demand', () => {
    withGc.gc = undefined
    expect(() => collectGarbageHalfway()('write', 5000, 5000)).not.toThrow()
  })
})
