import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

import {afterEach, describe, expect, it} from 'vitest'

import {createLakeClient, LakeBusyError, readRunningLake, startLake} from '../lake/index.ts'
import {lakeDirOf, loadEnv, parseDotenv, resolveTarget} from './index.ts'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'targets-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
})

describe('parseDotenv', () => {
  it('reads quoted, exported and commented values', () => {
    const env = parseDotenv(
      '# hosted\nexport SANITY_PROJECT_ID=abc123\nSANITY_DATASET="production" # main\nSANITY_API_TOKEN=\'sk x\'\nBROKEN\n',
    )
    expect(env).toEqual({
      SANITY_PROJECT_ID: 'abc123',
      SANITY_DATASET: 'production',
      SANITY_API_TOKEN: 'sk x',
    })
  })

  it('lets the environment win over .env', () => {
    const dir = tempDir()
    writeFileSync(join(dir, '.env'), 'SANITY_DATASET=fromfile\nOTHER=1\n')
    expect(loadEnv(dir, {SANITY_DATASET: 'fromenv'})).toEqual({
      SANITY_DATASET: 'fromenv',
      OTHER: '1',
    })
  })
})

describe('lakeDirOf', () => {
  it('takes LAKE_DIR from the environment or .env, else .lake, as every command does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lake-dir-'))
    try {
      writeFileSync(join(dir, '.env'), 'LAKE_DIR=from-dotenv\n')
      expect(lakeDirOf(loadEnv(dir, {}))).toBe(resolve('from-dotenv'))
      expect(lakeDirOf(loadEnv(dir, {LAKE_DIR: 'from-env'}))).toBe(resolve('from-env'))
      expect(lakeDirOf({LAKE_DIR: ''})).toBe(resolve('.lake'))
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('resolveTarget', () => {
  it('uses the hosted Content Lake when all three variables are set, without showing the token', async () => {
    const token = 'skHostedSecretToken1234567890'
    const target = await resolveTarget({
      SANITY_PROJECT_ID: 'abc123',
      SANITY_DATASET: 'prod',
      SANITY_API_TOKEN: token,
    })
    expect(target.kind).toBe('hosted')
    expect(target.mutationsPerSecond).toBe(25)
    expect((await target.client()).config()).toMatchObject({projectId: 'abc123', dataset: 'prod'})
    expect(target.describe()).not.toContain(token)
    expect(target.secrets).toEqual([token])
    await target.close()
  })

  it('names the missing variable when the hosted configuration is incomplete', async () => {
    await expect(resolveTarget({SANITY_PROJECT_ID: 'abc123'})).rejects.toThrow(
      /missing: SANITY_DATASET, SANITY_API_TOKEN/,
    )
  })

  it('starts an in-process lake on the local data when no lake server runs, and stops it', async () => {
    const dir = tempDir()
    const target = await resolveTarget({}, {lakeDir: dir, dataset: 'test'})
    try {
      expect(target.kind).toBe('local')
      expect(target.describe()).toContain('in-process')
      await (await target.client()).create({_id: 'x', _type: 'lesson', title: 'T'})
    } finally {
      await target.close()
    }
    const again = await resolveTarget({}, {lakeDir: dir, dataset: 'test'})
    try {
      expect(await (await again.client()).getDocument('x')).toMatchObject({title: 'T'})
    } finally {
      await again.close()
    }
  })

  it('serves the in-process lake over HTTP only once a client is asked for, holding the folder all along', async () => {
    const dir = tempDir()
    const target = await resolveTarget({}, {lakeDir: dir, dataset: 'test'})
    try {
      const api = target.syncApi!
      await api.mutate([{create: {_id: 'z', _type: 'lesson', title: 'Z'}}], {transactionId: 'tz'})
      expect(await api.query('*[_id == "z"][0].title')).toBe('Z')
      expect((await api.getDocuments(['z']))[0]).toMatchObject({_rev: 'tz'})
      // Synced without a server: nothing for another process to connect to, and the folder locked.
      expect(readRunningLake(dir)).toBeNull()
      await expect(startLake({dir, log: () => undefined})).rejects.toBeInstanceOf(LakeBusyError)
      const client = await target.client()
      expect(readRunningLake(dir)).toMatchObject({pid: process.pid})
      expect(await client.getDocument('z')).toMatchObject({title: 'Z'})
    } finally {
      await target.close()
    }
    expect(readRunningLake(dir)).toBeNull()
    // Closed without ever serving: the folder is free again.
    const unserved = await resolveTarget({}, {lakeDir: dir, dataset: 'test'})
    await unserved.close()
    const lake = await startLake({dir, log: () => undefined})
    await lake.close()
  })

  it('uses the running lake server over HTTP when there is one', async () => {
    const dir = tempDir()
    const lake = await startLake({dir, log: () => undefined})
    try {
      const target = await resolveTarget({}, {lakeDir: dir, dataset: 'test'})
      expect(target.describe()).toContain(`pid ${process.pid}`)
      await (await target.client()).create({_id: 'y', _type: 'lesson'})
      await target.close()
      const direct = createLakeClient(lake, {dataset: 'test'})
      expect(await direct.getDocument('y')).toMatchObject({_type: 'lesson'})
    } finally {
      await lake.close()
    }
  })
})
