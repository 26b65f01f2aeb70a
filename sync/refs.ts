/** Strong references and the order in which documents must be written because of them. */

/** Ids a document references strongly (the Content Lake refuses them if missing). */
export {strongRefs} from '../lake/refs/strong-refs.ts'

type RefLike = {_ref?: unknown; _weak?: unknown}

// Documents are plain JSON data: for…in sees exactly their own keys, without the copy of the
// values Object.values makes for every object.
function walk(value: unknown, visit: (ref: RefLike & {_ref: string}) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit)
  } else if (value && typeof value === 'object') {
    const ref = value as RefLike & Record<string, unknown>
    if (typeof ref._ref === 'string') visit(ref as RefLike & {_ref: string})
    for (const key in ref) {
      const child = ref[key]
      if (child && typeof child === 'object') walk(child, visit)
    }
  }
}

/** A copy of `doc` whose strong references to `targets` are weak. */
export function weakenRefs<T>(doc: T, targets: ReadonlySet<string>): T {
  const copy = structuredClone(doc)
  walk(copy, (ref) => {
    if (ref._weak !== true && targets.has(ref._ref)) ref._weak = true
  })
  return copy
}

/**
 * Groups nodes into write levels: every node comes after the nodes it references (edges to
 * unknown ids are ignored). Nodes on a reference cycle are returned in `cyclic` with the
 * edges that must be written weak first and strengthened afterwards.
 */
export function writeLevels(nodes: ReadonlyMap<string, ReadonlySet<string>>): {
  levels: string[][]
  cyclic: Map<string, Set<string>>
} {
  const sccOf = stronglyConnected(nodes)
  const cyclic = new Map<string, Set<string>>()
  for (const [id, deps] of nodes) {
    const scc = sccOf.get(id)!
    for (const dep of deps)
      if (nodes.has(dep) && sccOf.get(dep) === scc) {
        if (!cyclic.has(id)) cyclic.set(id, new Set())
        cyclic.get(id)!.add(dep)
      }
  }
  // Longest path to a node without dependencies, iteratively so long chains cannot overflow
  // the stack; cyclic edges are left out, which makes the graph acyclic.
  const level = new Map<string, number>()
  const edges = (id: string) =>
    [...(nodes.get(id) ?? [])].filter((dep) => nodes.has(dep) && !cyclic.get(id)?.has(dep))
  for (const start of nodes.keys()) {
    if (level.has(start)) continue
    const stack: {id: string; deps: string[]; i: number}[] = [{id: start, deps: edges(start), i: 0}]
    const onStack = new Set([start])
    while (stack.length) {
      const frame = stack[stack.length - 1]
      while (frame.i < frame.deps.length && level.has(frame.deps[frame.i])) frame.i++
      const next = frame.deps[frame.i]
      if (next !== undefined && !onStack.has(next)) {
        stack.push({id: next, deps: edges(next), i: 0})
        onStack.add(next)
        continue
      }
      if (next !== undefined) frame.i++
      else {
        let max = -1
        for (const dep of frame.deps) max = Math.max(max, level.get(dep) ?? -1)
        level.set(frame.id, max + 1)
        onStack.delete(frame.id)
        stack.pop()
      }
    }
  }
  const levels: string[][] = []
  for (const [id, d] of level) (levels[d] ??= []).push(id)
  return {levels: levels.filter(Boolean), cyclic}
}

/** Tarjan's algorithm, iterative so long reference chains cannot overflow the stack. */
function stronglyConnected(nodes: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const component = new Map<string, number>()
  let counter = 0
  let components = 0
  for (const start of nodes.keys()) {
    if (index.has(start)) continue
    const work: {id: string; deps: string[]; i: number}[] = []
    const enter = (id: string) => {
      index.set(id, counter)
      low.set(id, counter++)
      stack.push(id)
      onStack.add(id)
      work.push({id, deps: [...(nodes.get(id) ?? [])].filter((d) => nodes.has(d)), i: 0})
    }
    enter(start)
    while (work.length) {
      const frame = work[work.length - 1]
      if (frame.i < frame.deps.length) {
        const dep = frame.deps[frame.i++]
        if (!index.has(dep)) enter(dep)
        else if (onStack.has(dep)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(dep)!))
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!))
      if (low.get(frame.id) === index.get(frame.id)) {
        let id: string
        do {
          id = stack.pop()!
          onStack.delete(id)
          component.set(id, components)
        } while (id !== frame.id)
        components++
      }
    }
  }
  return component
}

/**
 * A copy of `doc` without its strong references to `targets` (documents that will not exist):
 * a reference in an array is removed from it, a reference held by a field removes the field.
 * Returns the copy, the targets it dropped and the top-level fields it removed (to unset).
 */
export function withoutRefsTo<T extends object>(
  doc: T,
  targets: ReadonlySet<string>,
): {doc: T; dropped: Set<string>; removedFields: string[]} {
  const dropped = new Set<string>()
  const isDropped = (value: unknown) => {
    const ref = value as RefLike | null
    if (!ref || typeof ref !== 'object' || typeof ref._ref !== 'string') return false
    if (ref._weak === true || !targets.has(ref._ref)) return false
    dropped.add(ref._ref)
    return true
  }
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((item) => !isDropped(item)).map(strip)
    if (!value || typeof value !== 'object') return value
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) if (!isDropped(child)) out[key] = strip(child)
    return out
  }
  const copy = strip(doc) as T
  const removedFields = Object.keys(doc).filter((key) => !(key in copy))
  return {doc: copy, dropped, removedFields}
}
