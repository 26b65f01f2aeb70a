/** The exporter: dataset documents (in) → a just-the-docs site's files and problems (out). */
export {comparable} from './comparable.ts'
export {exportOptionsOf} from './options.ts'
export {exportSite} from './site.ts'
export type {ExportDiagnostic, ExportedDocument, ExportOptions, ExportResult} from './types.ts'
