export {convertBody} from './convert.ts'
export type {ConvertContext, ConvertResult, NextLinkValue} from './types.ts'
export type {ExtractionConfig} from '../extract/config.ts'
