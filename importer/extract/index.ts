import {responsibilitySection} from './responsibilities.ts'
import {toolTable} from './tools.ts'

export {defaultExtraction, resolveExtraction} from './config.ts'
export type {ExtractionConfig, ExtractionOptions} from './config.ts'
export {documentId} from './ids.ts'
export {slugify} from '../slug.ts'

/** The structured extractors, tried in order on each top-level node of a page. */
export const extractors = [responsibilitySection, toolTable]
