/** Command-line flags citty cannot read: ones given more than once. */

/** Every value of a repeatable `--name value` / `--name=value` flag (citty keeps only the last). */
export function repeatedFlag(argv: readonly string[], name: string): string[] {
  const values: string[] = []
  argv.forEach((arg, i) => {
    if (arg === `--${name}` && argv[i + 1] !== undefined) values.push(argv[i + 1])
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3))
  })
  return values
}
