/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM. */
export function waitForStop(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })
}
