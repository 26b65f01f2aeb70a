import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'

import {afterAll, describe, expect, it} from 'vitest'

import {beginSyncStep, repeatedFlag, runSyncStep} from './cli.ts'
import type {SyncStepOptions} from './cli.ts'
import {sampleDocs} from './testing/sampleDocs.ts'

const lakeDir = mkdtempSync(join(tmpdir(), 'sync-cli-'))
afterAll(() => rmSync(lakeDir, {recursive: true, force: true}))

async function step(options: Partial<SyncStepOptions>) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (chunk: Buffer) => (stdout += chunk))
  err.on('data', (chunk: Buffer) => (stderr += chunk))
  const code = await runSyncStep({
    documents: sampleDocs(),
    siteDir: lakeDir,
    env: {},
    local: {lakeDir, dataset: 'cli'},
    stdout: out,
    stderr: err as unknown as NodeJS.WriteStream,
    ...options,
  })
  return {code, stdout, stderr}
}

describe('runSyncStep', () => {
  it('imports into the local dataset, prints JSON with --json and shows the plan on a dry run', async () => {
    const first = await step({json: true})
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout).counts.created).toBe(8)

    const changed = sampleDocs({title: (i) => (i === 0 ? 'Changed' : `Lesson ${i}`)})
    const dry = await step({documents: changed, dryRun: true, force: ['docs/nowhere.md']})
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('--force docs/nowhere.md matches no imported page')
    expect(dry.stdout).toContain('patch     lesson-0')
    expect(dry.stdout).toContain('7 unchanged')
    const again = await step({json: true})
    expect(JSON.parse(again.stdout).counts.unchanged).toBe(8)

    const token = readFileSync(join(lakeDir, 'token'), 'utf8').trim()
    for (const output of [first, dry, again])
      expect(output.stdout + output.stderr).not.toContain(token)
  })

  it('creates no dataset file on a dry run into a dataset that does not exist, and creates it on the first write', async () => {
    const file = join(lakeDir, 'data', 'fresh.sqlite')
    const dry = await step({local: {lakeDir, dataset: 'fresh'}, dryRun: true})
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('create    lesson-0')
    expect(existsSync(file)).toBe(false)
    const wet = await step({local: {lakeDir, dataset: 'fresh'}, json: true})
    expect(JSON.parse(wet.stdout).counts.created).toBe(8)
    expect(existsSync(file)).toBe(true)
  })

  it('goes on from a step begun before its documents: an image named then is uploaded once, and counted', async () => {
    const site = join(lakeDir, 'begun-site')
    mkdirSync(join(site, 'docs'), {recursive: true})
    const image = join(site, 'docs', 'pixel.gif')
    // A 1×1 GIF: the lake reads its dimensions.
    writeFileSync(image, Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'))
    const written = {transactions: new Set<string>(), assets: new Set<string>()}
    const local = {lakeDir, dataset: 'begun'}
    const begun = await beginSyncStep({siteDir: site, env: {}, local, written})
    expect(begun).toBeDefined()
    begun!.run.uploads.add([image])
    const named = await begun!.run.uploads.outcome(image)
    expect(named).toMatchObject({outcome: {uploaded: true}})
    const documents = sampleDocs().map((doc) =>
      doc._id === 'lesson-0'
        ? {
            ...doc,
            body: [
              ...(doc.body as object[]),
              {_type: 'image', _key: 'i', src: 'pixel.gif', alt: 'A pixel'},
            ],
            source: {_type: 'sourceInfo', path: 'docs/lesson-0.md', hasSourcePage: true},
          }
        : doc,
    )
    const run = await step({
      documents,
      siteDir: site,
      local,
      json: true,
      written,
      begun,
    })
    expect(run.code, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.counts.created).toBe(8)
    expect(report.requests.uploads).toBe(1)
    expect([...written.assets]).toEqual([(named as {outcome: {assetId: string}}).outcome.assetId])
    // Closed by the step; closing it again does nothing.
    await begun!.close()
  })

  it('begins no step when its target cannot be opened, and the step then says why', async () => {
    const notAFolder = join(lakeDir, 'not-a-folder')
    writeFileSync(notAFolder, '')
    const local = {lakeDir: notAFolder, dataset: 'x'}
    expect(await beginSyncStep({siteDir: lakeDir, env: {}, local})).toBeUndefined()
    const run = await step({local})
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('not-a-folder')
  })

  it('reports an incomplete hosted configuration without a stack trace or the token', async () => {
    const result = await step({env: {SANITY_API_TOKEN: 'skVerySecretHostedToken123'}})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('missing: SANITY_PROJECT_ID, SANITY_DATASET')
    expect(result.stderr).not.toContain('skVerySecretHostedToken123')
  })
})

describe('repeatedFlag', () => {
  it('collects every value of a repeated flag in both spellings', () => {
    expect(
      repeatedFlag(['--force', 'a.md', '--prune', '--force=b.md', '--force'], 'force'),
    ).toEqual(['a.md', 'b.md'])
  })
})
