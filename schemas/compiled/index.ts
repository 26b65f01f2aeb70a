export {loadValidator} from './load.ts'
export type {CompiledValidator, ValidateOptions} from './validator.ts'
export type {DocumentLike, ValidationProblem} from './problem.ts'
