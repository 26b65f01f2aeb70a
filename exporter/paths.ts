import {posix} from 'node:path'

import {MARKDOWN_FILE} from '../schemas/constants.ts'

/**
 * Where a page without a source file is written: a course or module as `<slug>/index.md`
 * below its parent's folder, a lesson as `<slug>.md` there. A parent written as `dir/index.md`
 * has the folder `dir/`; a lesson `dir/page.md` with sub-lessons has `dir/page/`.
 */
export function derivedPath(options: {
  slug: string
  folder: boolean
  parentPath?: string
  taken: ReadonlySet<string>
}): string {
  const parent = options.parentPath
  const base = !parent
    ? ''
    : posix.basename(parent).replace(MARKDOWN_FILE, '') === 'index'
      ? posix.dirname(parent)
      : parent.replace(MARKDOWN_FILE, '')
  const dir = base === '.' ? '' : base
  for (let n = 1; ; n++) {
    const name = n === 1 ? options.slug : `${options.slug}-${n}`
    const path = posix.join(dir, options.folder ? `${name}/index.md` : `${name}.md`)
    if (!options.taken.has(path)) return path
  }
}

/** The href from one page file to another (`../b/page.md#part`), as a relative markdown link. */
export function relativeLink(fromPath: string, toPath: string, anchor?: string): string {
  const hash = anchor ? `#${anchor}` : ''
  if (fromPath === toPath) return hash || posix.basename(toPath)
  const relative = posix.relative(posix.dirname(fromPath), toPath)
  return `${relative}${hash}`
}
