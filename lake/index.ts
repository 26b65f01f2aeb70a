export {createLakeClient, type LakeConnection} from './client.ts'
export {readRunningLake, type RunningLake} from './server-info.ts'
export {startLake, type Lake, type LakeOptions} from './start.ts'
export {maskToken} from './token.ts'
