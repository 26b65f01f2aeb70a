/**
 * kramdown, the reference: one Ruby process (`kramdown.rb`) renders a whole batch of pages,
 * reading JSON lines and answering one JSON line per page, in order.
 */
import {spawn, spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {createInterface} from 'node:readline'

const SCRIPT = join(import.meta.dirname, 'kramdown.rb')

/** The Debian packages that provide kramdown as GitHub Pages runs it. */
export const KRAMDOWN_PACKAGES = 'ruby ruby-kramdown ruby-kramdown-parser-gfm'

/** One page for kramdown: its markdown (after Liquid) and the site's `kramdown:` options. */
export interface KramdownRequest {
  markdown: string
  options?: Record<string, unknown>
}

/** kramdown's HTML for a page, or why it failed. */
export type KramdownResult = {html: string} | {error: string}

/** Null when kramdown can run here, else a sentence saying what to install. */
export function kramdownMissing(): string | null {
  const probe = spawnSync('ruby', ['-rkramdown', '-rkramdown-parser-gfm', '-e', ''], {
    stdio: 'ignore',
  })
  if (probe.status === 0) return null
  return `Cannot run kramdown, expected ruby with the kramdown and kramdown-parser-gfm gems: install the Debian packages ${KRAMDOWN_PACKAGES} (apt-get install ${KRAMDOWN_PACKAGES}).`
}

/** Renders every request with one kramdown process; results are in request order. */
export async function renderWithKramdown(
  requests: readonly KramdownRequest[],
): Promise<KramdownResult[]> {
  if (requests.length === 0) return []
  const ruby = spawn('ruby', [SCRIPT], {stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  ruby.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve, reject) => {
    ruby.on('error', reject)
    ruby.on('close', resolve)
  })
  const results: KramdownResult[] = []
  const lines = createInterface({input: ruby.stdout})
  const read = (async () => {
    for await (const line of lines) results.push(JSON.parse(line) as KramdownResult)
  })()
  // Written in one go: the process answers as it reads, and stdout is drained concurrently.
  ruby.stdin.end(requests.map((request) => JSON.stringify(request)).join('\n') + '\n')
  const [code] = await Promise.all([exited, read])
  if (code !== 0 || results.length !== requests.length) {
    throw new Error(
      `Cannot render with kramdown (${SCRIPT}), expected ${requests.length} answers, got ${results.length} (exit code ${code}): ${stderr.trim() || 'no message'}. ${kramdownMissing() ?? ''}`.trim(),
    )
  }
  return results
}
