import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
const tree = process.argv[2]
const {convertBody} = await import(`${tree}/importer/body/index.ts`)
const {kramdownLines} = await import(`${tree}/importer/body/kramdown-lines.ts`)
const files: string[] = []
const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (n.startsWith('.') || n === 'node_modules') continue; const s = statSync(p); if (s.isDirectory()) walk(p); else if (n.endsWith('.md')) files.push(p) } }
walk(process.argv[3])
const includes: Record<string, string> = {}
try { for (const n of readdirSync(join(process.argv[3], '_includes'))) { try { includes[n] = readFileSync(join(process.argv[3], '_includes', n), 'utf8') } catch {} } } catch {}
const bodies = files.map((f) => readFileSync(f, 'utf8').replace(/^---[\s\S]*?\n---\n/, ''))
const ctx = (i: number) => ({file: `p${i}.md`, title: 'T', lineOffset: 0, page: {}, site: {}, resolveLink: () => null, includes})
for (let i = 0; i < bodies.length; i++) convertBody(bodies[i], ctx(i))
const t = performance.now()
for (let r = 0; r < 3; r++) for (let i = 0; i < bodies.length; i++) convertBody(bodies[i], ctx(i))
console.log('convert', ((performance.now() - t) / 3).toFixed(0), 'ms')
