import {mkdirSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {LakeError} from '../errors.ts'
import {Dataset} from './dataset.ts'

const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** Opens one dataset file per dataset name inside a data directory, on first use. */
export class DatasetRegistry {
  readonly dataDir: string
  readonly #open = new Map<string, Dataset>()

  constructor(dataDir: string) {
    this.dataDir = dataDir
    mkdirSync(dataDir, {recursive: true})
  }

  /** The dataset with this name, created if it does not exist yet. */
  get(name: string): Dataset {
    if (!DATASET_NAME.test(name)) {
      throw new LakeError(
        404,
        'datasetNotFound',
        `Cannot open dataset "${name}", expected a lowercase name of letters, digits, "_" and "-"`,
      )
    }
    let dataset = this.#open.get(name)
    if (!dataset) {
      dataset = new Dataset(name, join(this.dataDir, `${name}.sqlite`))
      this.#open.set(name, dataset)
    }
    return dataset
  }

  /** The names of every dataset on disk or open. */
  names(): string[] {
    const onDisk = readdirSync(this.dataDir)
      .filter((file) => file.endsWith('.sqlite'))
      .map((file) => file.slice(0, -'.sqlite'.length))
    return [...new Set([...onDisk, ...this.#open.keys()])].sort()
  }

  /** Closes every open dataset file. */
  close(): void {
    for (const dataset of this.#open.values()) dataset.close()
    this.#open.clear()
  }
}
