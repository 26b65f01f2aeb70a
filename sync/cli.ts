import {loadEnv, resolveTarget} from '../targets/index.ts'
import type {Env, LocalOptions, Target} from '../targets/index.ts'
import type {ImageUploads} from './imageUploads.ts'
import type {ImageRead} from './images.ts'
import {formatPlan, formatSummary, progressBar} from './report.ts'
import {hasFailures, imageUploads, openTransport, syncDocuments} from './run.ts'
import type {SyncTransport} from './run.ts'
import type {SyncOptions} from './run.ts'
import {errorMessage, scrubber} from './scrub.ts'
import type {ImportedDocument, SyncApi, SyncPlan, SyncReport} from './types.ts'

/** Options of the import command's sync step. */
export type SyncStepOptions = {
  documents: readonly ImportedDocument[]
  /** The site folder, for local images. */
  siteDir: string
  dryRun?: boolean
  force?: readonly string[]
  prune?: boolean
  /** Source file of each document id (the importer's `origins`), to name it in messages. */
  origins?: Readonly<Record<string, string>>
  /** Each page file's address on the site (the importer's `addresses`), for image sources. */
  addresses?: Readonly<Record<string, string>>
  /** The page line of a document's top-level body block, for image problems. */
  blockLine?: SyncOptions['blockLine']
  /** Print the machine-readable report on stdout instead of the table. */
  json?: boolean
  /** More fields for the JSON report, read when it is printed (e.g. the import's diagnostics). */
  jsonExtras?: () => Record<string, unknown>
  /** Checks the documents about to be written; see `SyncOptions.validate`. */
  validate?: SyncOptions['validate']
  /** Documents written even when invalid; see `SyncOptions.alwaysWrite`. */
  alwaysWrite?: SyncOptions['alwaysWrite']
  /** More documents of the import, known to be unchanged; see `SyncOptions.besides`. */
  besides?: SyncOptions['besides']
  /**
   * Collects what this step wrote: the id of every transaction it committed (whose request
   * succeeded) and of every asset document an upload answered; and, in `images`, the image
   * files it read (see `SyncOptions.onImagesRead`).
   */
  written?: {transactions: Set<string>; assets: Set<string>; images?: Map<string, ImageRead>}
  /** Hears the report of a run that reached the end (not when the target failed). */
  onReport?: (report: SyncReport) => void
  /** Hears each phase's progress, as the progress bar does; see `SyncOptions.onProgress`. */
  onProgress?: SyncOptions['onProgress']
  env?: Env
  local?: LocalOptions
  /** The step begun before the documents were known ({@link beginSyncStep}), to go on from. */
  begun?: BegunSyncStep
  stdout?: NodeJS.WritableStream
  stderr?: NodeJS.WriteStream
}

export {repeatedFlag} from './flags.ts'

function planJson(plan: SyncPlan) {
  return {
    items: plan.items
      .filter((i) => i.action !== 'unchanged')
      .map(({id, path, action, forced, reason, hint}) => ({
        id,
        path,
        action,
        forced,
        reason,
        hint,
      })),
    removed: plan.removed,
  }
}

/**
 * Writes imported documents to the resolved target (local dataset, or hosted when
 * configured) and prints the plan, the summary or the JSON report. Returns the exit code:
 * 1 when the target was unusable, or (not on a dry run) a document failed, was skipped or is
 * in conflict, or an image was missing.
 */
export async function runSyncStep(options: SyncStepOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout
  const stderr = options.stderr ?? process.stderr
  const env = options.env ?? loadEnv()
  const secrets = [env.SANITY_API_TOKEN]
  let scrub = scrubber(secrets)
  const bar = progressBar(stderr)
  const begun = options.begun
  let target = begun?.target
  try {
    const opened = begun ?? (await openTarget(options, env))
    target = opened.target
    secrets.push(...target.secrets)
    scrub = scrubber(secrets)
    const {plan, report} = await syncDocuments(options.documents, {
      api: opened.api,
      ...(begun ? {begun: begun.run} : {}),
      target: target.describe(),
      siteDir: options.siteDir,
      dryRun: options.dryRun,
      force: options.force,
      prune: options.prune,
      origins: options.origins,
      addresses: options.addresses,
      blockLine: options.blockLine,
      validate: options.validate,
      alwaysWrite: options.alwaysWrite,
      besides: options.besides,
      onImagesRead: (read) => {
        for (const [file, image] of read) options.written?.images?.set(file, image)
      },
      mutationsPerSecond: target.mutationsPerSecond,
      scrub,
      whenUnreachable: target.whenUnreachable,
      onProgress: (phase, done, total) => {
        bar.update(phase, done, total)
        options.onProgress?.(phase, done, total)
      },
    })
    bar.done()
    options.onReport?.(report)
    if (options.json) {
      const extras = options.jsonExtras?.() ?? {}
      const json = options.dryRun
        ? {...report, plan: planJson(plan), ...extras}
        : {...report, ...extras}
      stdout.write(`${JSON.stringify(json)}\n`)
    } else {
      if (options.dryRun) stdout.write(`${scrub(formatPlan(plan))}\n\n`)
      stdout.write(`${formatSummary(report)}\n`)
    }
    // A dry run only shows the plan: conflicts and missing images in it are not failures yet.
    return !options.dryRun && hasFailures(report) ? 1 : 0
  } catch (error) {
    bar.done()
    stderr.write(`${errorMessage(error, scrub)}\n`)
    return 1
  } finally {
    await (begun ? begun.close() : target?.close())
  }
}

/** The target of a sync step, and its API (recording what it writes in `options.written`). */
async function openTarget(options: Pick<SyncStepOptions, 'local' | 'written'>, env: Env) {
  const target = await resolveTarget(env, options.local)
  try {
    // The @sanity/client adapter loads only for a target without its own (the hosted API).
    const api = target.syncApi ?? (await import('./client.ts')).syncApiFor(await target.client())
    const written = options.written
    if (!written) return {target, api}
    const recording: SyncApi = {
      ...api,
      mutate: async (mutations, opts) => {
        await api.mutate(mutations, opts)
        written.transactions.add(opts.transactionId)
      },
      uploadImage: async (body, opts) => {
        const asset = await api.uploadImage(body, opts)
        written.assets.add(asset._id)
        return asset
      },
    }
    return {target, api: recording}
  } catch (error) {
    await target.close()
    throw error
  }
}

/**
 * A sync step begun before its documents are known: its target open, and image files named
 * to it uploaded meanwhile (an import names each page's as it is converted). {@link runSyncStep}
 * goes on from it, with the same `siteDir`, `dryRun`, `local` and `written`, and closes it;
 * a command that stops before that closes it too (closing it again does nothing).
 */
export interface BegunSyncStep {
  target: Target
  api: SyncApi
  run: {transport: SyncTransport; uploads: ImageUploads}
  close(): Promise<void>
}

/**
 * Begins a sync step (see {@link BegunSyncStep}), or undefined when its target cannot be
 * opened now: the step then opens it itself, and says why it cannot.
 */
export async function beginSyncStep(
  options: Pick<SyncStepOptions, 'siteDir' | 'dryRun' | 'local' | 'written' | 'env'>,
): Promise<BegunSyncStep | undefined> {
  const env = options.env ?? loadEnv()
  const opened = await openTarget(options, env).catch(() => undefined)
  if (!opened) return undefined
  const {target, api} = opened
  try {
    const transport = await openTransport({api, mutationsPerSecond: target.mutationsPerSecond})
    const uploads = imageUploads(transport, options)
    let closed: Promise<void> | undefined
    // Once, whoever asks first: the step when it is done, or the command when it stops first.
    const close = () => (closed ??= uploads.settled().then(() => target.close()))
    return {target, api, run: {transport, uploads}, close}
  } catch {
    await target.close()
    return undefined
  }
}
