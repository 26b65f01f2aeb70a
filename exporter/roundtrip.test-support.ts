/** Test support: import a site written in memory, export it, import the export again. */
export {comparable} from './comparable.ts'
import {importSite} from '../importer/index.ts'
import type {ImportedDocument, ImportOptions} from '../importer/index.ts'
import {readConfig} from '../importer/site/config.ts'
import {comparable, exportOptionsOf, exportSite} from './index.ts'
import type {ExportOptions} from './types.ts'

/** Imports a site given as `{path: text}`. */
export function importFiles(
  files: Readonly<Record<string, string>>,
  options: ImportOptions = {},
): ImportedDocument[] {
  const list = Object.entries(files).map(([path, text]) => ({path, text}))
  return importSite(list, options).documents
}

/** The export options `_config.yml` sets, as the command reads them. */
export function configOptions(configText: string | undefined): ExportOptions {
  return exportOptionsOf(readConfig(configText).config)
}

/**
 * The site's files after one export; files the export does not write are kept as they were,
 * but for the HTML pages it wrote as markdown in their place.
 */
export function exportFiles(
  files: Readonly<Record<string, string>>,
  documents: readonly ImportedDocument[],
): Record<string, string> {
  const {files: written, replaced} = exportSite(documents, configOptions(files['_config.yml']))
  const kept = Object.entries(files).filter(([path]) => !replaced.has(path))
  return {...Object.fromEntries(kept), ...Object.fromEntries(written)}
}

/** Import → export → import: both document sets (comparable) and the exported files. */
export function roundTrip(
  files: Readonly<Record<string, string>>,
  options: ImportOptions = {},
): {before: ImportedDocument[]; after: ImportedDocument[]; exported: Record<string, string>} {
  const first = importFiles(files, options)
  const exported = exportFiles(files, first)
  const second = importFiles(exported, options)
  return {before: first.map(comparable), after: second.map(comparable), exported}
}
