import {readdirSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {readSiteFiles, SITE_FIXTURES} from '../../testing/siteFixture.ts'
import {convertBody, type ConvertResult} from '../body/index.ts'
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
        // The other plans' documents are only named; the site's (one, and cheap) and those
        // extracted from pages (made by their conversion) are whole.
        const planned = new Set(prepared.plans.map((plan) => plan.id))
        const made = documents.filter((doc) => Object.keys(doc).length > 2)
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
