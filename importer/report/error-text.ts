/**
 * An unexpected error as text for a diagnostic: its name and message, and the first place it
 * was thrown (`at fn (importer/body/blocks/list.ts:42:7)`), so a report is enough to debug it.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const head = `${error.name}: ${error.message}`
  const frame = error.stack
    ?.split('\n')
    .find((line) => line.trimStart().startsWith('at '))
    ?.trim()
    // Paths from the project or package folder on, so the text is the same on every machine.
    .replace(/(?:file:\/\/)?\/[^\s()]*?\/(?=(?:importer|scripts|node_modules)\/)/, '')
  return frame ? `${head} (${frame})` : head
}
