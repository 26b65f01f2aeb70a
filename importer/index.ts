/** The importer: a just-the-docs site (files in) → Sanity documents and diagnostics (out). */
export {importSite} from './site/importSite.ts'
export {convertJob, finishSite, prepareSite, siteContext} from './site/stages.ts'
export type {ImportOptions, ImportResult, ImportStats} from './site/importSite.ts'
export type {PageJob, PreparedSite, SiteContextData} from './site/stages.ts'
export type {SiteFile} from './site/types.ts'
export {DEFAULT_LIMITS, LIMIT_FLAGS, type PageLimits} from './body/limits.ts'
export type {
  Diagnostic,
  ImportedDocument,
  LinkTarget,
  PortableTextItem,
  Reference,
} from './types.ts'
export {formatDiagnostic, formatDiagnostics, sortDiagnostics} from './report/format.ts'
export {formatSummary} from './report/summary.ts'
export {createReporter, formatWarningTable} from './report/reporter.ts'
export {createProgress} from './report/progress.ts'
export {toNdjson} from './documents/ndjson.ts'
export {
  conversionKey,
  convertRecording,
  recallConversion,
  rememberConversions,
  type CachedConversion,
  type ConversionCache,
} from './cache.ts'
