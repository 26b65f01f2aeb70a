/**
 * For commands whose run renders React (`render/*.tsx`), which Node's type stripping cannot
 * load: the entry stays plain TypeScript that node runs, so `--help` never loads tsx.
 */
import {join} from 'node:path'

/** Lets every module imported from now on be .tsx, compiled by tsx with the project's tsconfig. */
export async function registerTsx(): Promise<void> {
  const {register} = await import('tsx/esm/api')
  // The project's JSX setting (react-jsx) wherever the command is started from.
  register({tsconfig: join(import.meta.dirname, '..', 'tsconfig.json')})
}
