/**
 * `npm run bench:lake`: the lesson-page query over 10,000 documents on the lake and on plain
 * groq-js, or with `--abuse` the lake under abusive clients. The benchmark
 * (`bench-lake-run.ts`) loads only when the command runs. `--check` holds each query to at
 * least 50× plain groq-js in the same run (CI runs it); `--readme` writes the table into
 * lake/README.md (with `--abuse`, the abuse run's table).
 */
import {join} from 'node:path'

import {defineCommand, runMain} from 'citty'

import {abuseTable} from './benchLakeAbuse.ts'
import {judgeSpeedups, lakeTable, MIN_SPEEDUP} from './benchLakeCheck.ts'
import {isoDay, writeReadmeSection} from './benchReadme.ts'

const README = join(import.meta.dirname, '..', 'lake', 'README.md')

const command = defineCommand({
  meta: {
    name: 'bench:lake',
    description:
      "Lesson-page GROQ over 10,000 documents: the lake's Map-backed dereference vs plain groq-js.",
  },
  args: {
    rounds: {
      type: 'string',
      description: 'Measured runs per query (the median is reported)',
      default: '5',
    },
    abuse: {
      type: 'boolean',
      description:
        "Instead: normal clients' latency, idle, while abusive queries run and while a patch by query over --documents runs; then the lake's memory with 1 and --workers query workers",
      default: false,
    },
    clients: {type: 'string', description: 'With --abuse: normal clients', default: '4'},
    requests: {
      type: 'string',
      description:
        'With --abuse: queries per client, idle and under abuse (the patch measure runs for as long as each patch)',
      default: '200',
    },
    abusers: {type: 'string', description: 'With --abuse: abusive clients', default: '1'},
    documents: {
      type: 'string',
      description: 'With --abuse: documents patched by query, and held while memory is measured',
      default: '50000',
    },
    workers: {
      type: 'string',
      description: 'With --abuse: query workers whose memory is compared with one',
      default: '2',
    },
    check: {
      type: 'boolean',
      description: `Exit 1 when a query is less than ${MIN_SPEEDUP}× faster on the lake than on plain groq-js (a ratio of one run). For CI.`,
      default: false,
    },
    readme: {
      type: 'boolean',
      description:
        "Write the table into lake/README.md's bench:lake section (with --abuse, its bench:lake-abuse section).",
      default: false,
    },
  },
  async run({args}) {
    if (args.check && args.abuse) {
      // The abuse run has no verdict: a check that passed it would pass anything.
      console.error(
        'Cannot use --check with --abuse: --check holds the lesson-page queries to 50× plain groq-js. Run `npm run bench:lake -- --check` on its own.',
      )
      process.exitCode = 2
      return
    }
    const count = (value: string, otherwise: number) => Math.max(1, Number(value) || otherwise)
    const {runBenchLake} = await import('./bench-lake-run.ts')
    const rounds = count(args.rounds, 5)
    const abuse = args.abuse
      ? {
          clients: count(args.clients, 4),
          requests: count(args.requests, 200),
          abusers: count(args.abusers, 1),
          documents: count(args.documents, 50_000),
          workers: count(args.workers, 2),
        }
      : undefined
    const run = await runBenchLake({rounds, ...(abuse ? {abuse} : {})})
    const date = isoDay()
    if (abuse) {
      if (args.readme && run.abuse)
        writeReadmeSection(README, 'bench:lake-abuse', abuseTable(run.abuse, {...abuse, date}))
      return
    }
    const {documents, timings} = run
    if (args.readme)
      writeReadmeSection(README, 'bench:lake', lakeTable(timings, {documents, rounds, date}))
    if (args.check) {
      const verdict = judgeSpeedups(timings)
      console.log(verdict.summary)
      for (const failure of verdict.failures) console.error(failure)
      process.exitCode = verdict.code
    }
  },
})

void runMain(command)
