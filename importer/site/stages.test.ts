import {readdirSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {readSiteFiles, SITE_FIXTURES} from '../../testing/siteFixture.ts'
import {convertBody, type ConvertResult} from '../body/index.ts'
import type {ImportedDocument} from '../types.ts'
import {SITE_ID} from '../../schemas/constants.ts'
import {convertJob, finishSite, prepareSite} from './stages.ts'

const FIXTURE_SITES = readdirSync(SITE_FIXTURES).filter((name) => name.startsWith('site-'))

describe('finishSite with only some documents', () => {
  it.each(FIXTURE_SITES)(
    '%s: makes just those in full, each as the whole site makes it, with the whole site’s problems and counts',
    (name) => {
      const prepared = prepareSite(readSiteFiles(join(SITE_FIXTURES, name, 'input')))
      const converted = new Map<string, ConvertResult>(
        prepared.jobs.map((job) => [job.id, convertJob(job, prepared.context, convertBody)]),
      )
      const whole = finishSite(prepared, converted, 1)
      for (const id of [...prepared.plans.map((plan) => plan.id), SITE_ID]) {
        const part = finishSite(prepared, converted, 1, new Set([id]))
        const {documents, addresses, ...rest} = part
        const {documents: all, addresses: allAddresses, ...wholeRest} = whole
        expect(rest, id).toEqual(wholeRest)
        expect(documents.map((doc) => doc._id)).toEqual(all.map((doc) => doc._id))
        // The other plans' documents are only their id, type and slug (what validation reads of
        // them); the site's (one, and cheap) and those extracted from pages are whole.
        const planned = new Set(prepared.plans.map((plan) => plan.id))
        const named = ({_id, _type, slug}: ImportedDocument) => ({_id, _type, slug})
        expect(documents.filter((doc) => doc._id !== id && planned.has(doc._id))).toEqual(
          all.filter((doc) => doc._id !== id && planned.has(doc._id)).map(named),
        )
        const made = documents.filter((doc) => Object.keys(doc).length > 3)
        expect(made.filter((doc) => planned.has(doc._id)).map((doc) => doc._id)).toEqual(
          planned.has(id) ? [id] : [],
        )
        for (const doc of made) expect(doc).toEqual(all.find((each) => each._id === doc._id))
        const file = prepared.plans.find((plan) => plan.id === id)?.page?.file
        expect(addresses).toEqual(file === undefined ? {} : {[file]: allAddresses[file]})
      }
    },
  )
})

describe('finishSite with only some documents, validated', () => {
  it('gives validation what it reads of the others: a slug another page has is still found', async () => {
    const page = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`
    const prepared = prepareSite([
      {path: '_config.yml', text: 'title: Site\n'},
      {path: 'a.md', text: page('Setup')},
      {path: 'b.md', text: page('Setup')},
      {path: 'c.md', text: page('Setup 2')},
    ])
    const converted = new Map<string, ConvertResult>(
      prepared.jobs.map((job) => [job.id, convertJob(job, prepared.context, convertBody)]),
    )
    const {loadValidator} = await import('../../schemas/compiled/load.ts')
    const validator = await loadValidator()
    const whole = finishSite(prepared, converted).documents
    for (const {id} of prepared.jobs) {
      const part = finishSite(prepared, converted, undefined, new Set([id])).documents
      const doc = part.find((each) => each._id === id)!
      const problems = await validator.validateDocuments([doc], {existing: part})
      expect(problems, id).toEqual(await validator.validateDocuments([doc], {existing: whole}))
    }
    // Only a's document is made: b's is kept for what validation reads of it, its slug.
    const [a, b] = prepared.jobs.map((job) => job.id)
    const part = finishSite(prepared, converted, undefined, new Set([a])).documents
    const clash = {
      ...part.find((doc) => doc._id === a)!,
      slug: whole.find((doc) => doc._id === b)!.slug,
    }
    const found = await validator.validateDocuments([clash], {existing: part})
    expect(found.map((problem) => problem.path)).toContain('slug')
  }, 60_000)
})
