/** Resolves once `condition` holds, checking every few milliseconds: a wait for a condition, not a time. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}
