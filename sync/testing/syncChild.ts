/**
 * A sync run in a child process, for the test that kills a run mid-way. Reads the lake's
 * address from SYNC_LAKE_URL, SYNC_PROJECT, SYNC_DATASET and the token from SYNC_TOKEN;
 * prints the JSON report.
 */
import {createLakeClient} from '../../lake/index.ts'
import {syncApiFor} from '../client.ts'
import {syncDocuments} from '../run.ts'
import {scrubber} from '../scrub.ts'
import {sampleDocs} from './sampleDocs.ts'

const env = process.env
const token = env.SYNC_TOKEN ?? ''
const client = createLakeClient(
  {httpUrl: env.SYNC_LAKE_URL ?? '', projectId: env.SYNC_PROJECT ?? 'local', token},
  {dataset: env.SYNC_DATASET ?? 'test'},
)
const {report} = await syncDocuments(
  sampleDocs({lessons: Number(env.SYNC_LESSONS ?? 40), bodyBytes: 2000}),
  {
    api: syncApiFor(client),
    target: `lake ${env.SYNC_LAKE_URL}`,
    batchLimits: {maxBytes: 256 * 1024, maxMutations: 3},
    concurrency: 1,
    scrub: scrubber([token]),
  },
)
console.log(JSON.stringify(report))
