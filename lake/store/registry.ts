import {existsSync, mkdirSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {DatasetNotFoundError} from '../errors.ts'
import {Dataset} from './dataset.ts'

const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** Options of {@link DatasetRegistry}. */
export type RegistryOptions = {
  /** Named in the 404 for a dataset name Sanity would not accept (default `local`). */
  projectId?: string
  /** Hears about documents left out when a dataset file is opened. */
  warn?: (message: string) => void
  /** Datasets the data folder may hold; a new one beyond it is refused (default 100). */
  maxDatasets?: number
  /** Each dataset's `inlineWritesUpTo` (default 0: every write on its writer thread). */
  inlineWritesUpTo?: number
}

/**
 * Each open dataset holds a few file descriptors (its connections and their WAL files), and any
 * client with the token can name a new one: the lake holds at most this many by default.
 */
export const MAX_DATASETS = 100

/**
 * Opens one dataset file per dataset name inside a data directory, on first use. A dataset
 * comes into being with its first write or read by a client holding the token, as the lake has
 * no separate "create dataset" step (the importer reads a new dataset before writing it);
 * requests without the token never get this far.
 */
export class DatasetRegistry {
  readonly dataDir: string
  readonly #open = new Map<string, Dataset>()
  readonly #projectId: string
  readonly #warn: (message: string) => void
  readonly #maxDatasets: number
  readonly #inlineWritesUpTo: number

  constructor(dataDir: string, options: RegistryOptions = {}) {
    this.dataDir = dataDir
    this.#projectId = options.projectId ?? 'local'
    this.#maxDatasets = options.maxDatasets ?? MAX_DATASETS
    this.#inlineWritesUpTo = options.inlineWritesUpTo ?? 0
    this.#warn = options.warn ?? ((message) => console.warn(`[lake] ${message}`))
    mkdirSync(dataDir, {recursive: true, mode: 0o700})
  }

  /** The dataset with this name, created if it does not exist yet. */
  get(name: string): Dataset {
    if (!DATASET_NAME.test(name)) throw new DatasetNotFoundError(name, this.#projectId)
    let dataset = this.#open.get(name)
    if (!dataset) {
      const file = join(this.dataDir, `${name}.sqlite`)
      if (!existsSync(file) && this.names().length >= this.#maxDatasets) {
        throw new DatasetNotFoundError(
          name,
          this.#projectId,
          `one of the ${this.#maxDatasets} datasets this lake holds; it creates no more (remove a dataset from ${this.dataDir}: its .sqlite file and its .files folder, or start the lake with a higher maxDatasets)`,
        )
      }
      dataset = new Dataset(name, file, this.#warn)
      dataset.inlineWritesUpTo = this.#inlineWritesUpTo
      this.#open.set(name, dataset)
    }
    return dataset
  }

  /** Whether the dataset `name` exists: open, or its file on disk. Asking creates nothing. */
  has(name: string): boolean {
    return (
      this.#open.has(name) ||
      (DATASET_NAME.test(name) && existsSync(join(this.dataDir, `${name}.sqlite`)))
    )
  }

  /** The names of every dataset on disk or open. */
  names(): string[] {
    const onDisk = readdirSync(this.dataDir)
      .filter((file) => file.endsWith('.sqlite'))
      .map((file) => file.slice(0, -'.sqlite'.length))
    return [...new Set([...onDisk, ...this.#open.keys()])].sort()
  }

  /** Closes every open dataset file; settles once their writer threads have ended. */
  async close(): Promise<void> {
    const closing = [...this.#open.values()].map((dataset) => dataset.close())
    this.#open.clear()
    await Promise.all(closing)
  }
}
