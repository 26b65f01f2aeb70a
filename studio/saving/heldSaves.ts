/**
 * The saves the lake refused, per document (by published id), shared by the request handler that
 * holds and retries them ({@link holdRefusedSaves}) and the notice that shows why
 * (`RefusedSaveNotice`). Also what the form shows of each document's draft, which a retry sends
 * whole: what the editor sees is what is saved.
 */

/** A document whose save the lake refused: the last refusal, and when the next try goes. */
export type HeldSave = {error: unknown; refusals: number}

/** A draft as the form shows it (Sanity's local copy, with the edits not saved yet). */
export type ShownDraft = {_id: string; _type: string; [field: string]: unknown}

/** How long after an edit to a refused document it is tried again (unless a try comes sooner). */
export const RETRY_AFTER_EDIT_MS = 1000

/**
 * How long to wait before trying a refused save again after its `refusals`th refusal (1-based):
 * 1 s, doubling, at most 15 s, as Sanity spaces its own retries; an edit brings it forward to
 * {@link RETRY_AFTER_EDIT_MS}, so an editor who fixes what the lake refused sees it saved at once.
 */
export function retryDelay(refusals: number): number {
  return Math.min(1000 * 2 ** Math.max(refusals - 1, 0), 15_000)
}

type Listener = () => void

/** The state of the refused saves of one Studio page; {@link heldSaves} is the page's one. */
export class HeldSaves {
  private held = new Map<string, HeldSave>()
  private drafts = new Map<string, ShownDraft | null>()
  private whole = new Set<string>()
  private listeners = new Set<Listener>()
  private edits = new Map<string, Set<Listener>>()

  /** The document's refused save, or undefined while its saves go through. */
  get(publishedId: string): HeldSave | undefined {
    return this.held.get(publishedId)
  }

  /** Calls `listener` whenever a refusal is recorded or cleared; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Records a refusal; one `outright` (the save sent again unchanged would be refused again) makes
   * each save of the document from now on send the whole draft.
   */
  refused(publishedId: string, error: unknown, outright: boolean): void {
    const refusals = (this.held.get(publishedId)?.refusals ?? 0) + 1
    this.held.set(publishedId, {error, refusals})
    if (outright) this.whole.add(publishedId)
    this.emit()
  }

  /** Records that a save of the document went through. */
  accepted(publishedId: string): void {
    if (!this.held.delete(publishedId)) return
    this.emit()
  }

  /**
   * Whether saves of the document send the whole draft: from a refusal outright until Sanity has
   * nothing left to send ({@link settled}), since its queued changes were made on the edits it
   * could not send, and the lake may already hold them once a whole draft went through.
   */
  sendsWholeDraft(publishedId: string): boolean {
    return this.whole.has(publishedId)
  }

  /** Sanity has sent every change of the document: its saves are changes again. */
  settled(publishedId: string): void {
    if (!this.held.has(publishedId)) this.whole.delete(publishedId)
  }

  /** Records the draft the form shows; an edit to a refused document brings its retry forward. */
  show(publishedId: string, draft: ShownDraft | null): void {
    if (this.drafts.get(publishedId) === draft) return
    this.drafts.set(publishedId, draft)
    for (const listener of this.edits.get(publishedId) ?? []) listener()
  }

  /** The draft the form last showed, or undefined when no form showed the document. */
  shown(publishedId: string): ShownDraft | null | undefined {
    return this.drafts.get(publishedId)
  }

  /**
   * Resolves when the document's refused save should be tried again: after `delayMs`, or
   * {@link RETRY_AFTER_EDIT_MS} after an edit if that is sooner; rejects when `signal` aborts.
   */
  nextTry(publishedId: string, delayMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      let deadline = Date.now() + delayMs
      let timer = setTimeout(done, delayMs)
      const listeners = this.edits.get(publishedId) ?? new Set<Listener>()
      this.edits.set(publishedId, listeners)
      const onEdit = () => {
        const sooner = Date.now() + RETRY_AFTER_EDIT_MS
        if (sooner >= deadline) return
        deadline = sooner
        clearTimeout(timer)
        timer = setTimeout(done, RETRY_AFTER_EDIT_MS)
      }
      const onAbort = () => {
        cleanUp()
        reject(signal?.reason)
      }
      const cleanUp = () => {
        clearTimeout(timer)
        listeners.delete(onEdit)
        signal?.removeEventListener('abort', onAbort)
      }
      function done() {
        cleanUp()
        resolve()
      }
      listeners.add(onEdit)
      signal?.addEventListener('abort', onAbort)
      if (signal?.aborted) onAbort()
    })
  }

  private emit() {
    for (const listener of this.listeners) listener()
  }
}

/** The refused saves of this page: one request handler and every form share it. */
export const heldSaves = new HeldSaves()
