/**
 * Plain (unquoted, untagged) YAML scalars resolved as Jekyll resolves them. Jekyll reads front
 * matter and `_config.yml` with the safe_yaml gem, which takes libyaml's scalars and guesses their
 * type itself, in this order: integer, float, null, boolean, date or time, else text. That is
 * YAML 1.1 (`yes`/`off` are booleans, `0755` is octal, `1:30` is base 60), not js-yaml's 1.2.
 * Dates become `YYYY-MM-DD` text and times UTC ISO 8601 text, so they survive JSON unchanged.
 */

/** Ruby's `\s`: space, tab, CR, LF, form feed, vertical tab (narrower than JavaScript's `\s`). */
const S = '[ \\t\\r\\n\\f\\v]'

const DECIMAL = /^[-+]?(?:0|[1-9][0-9]*)$/
const OCTAL = /^0[0-7]+$/
const HEX = /^0x[0-9a-f]+$/i
const BINARY = /^0b[01]+$/
const SIGNED_HEX = /^[-+]?0x[0-9a-fA-F_]+$/
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/
const FLOAT = /^[-+]?(?:\d[\d_]*)?\.[\d_]+(?:[eE][-+]\d+)?$/
const SPECIAL_FLOATS: Record<string, number> = {
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
}
const BOOLEANS: Record<string, boolean> = {
  yes: true,
  on: true,
  true: true,
  no: false,
  off: false,
  false: false,
}
const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = new RegExp(
  `^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt]|${S}+)(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d*))?${S}*` +
    `(Z|[-+]\\d{1,2}(?::?\\d{2})?)?$`,
)

/** Ruby's `Float()`: underscores only between digits, otherwise an error, as in safe_yaml. */
function rubyFloat(text: string): number {
  if (/(?:^|\D)_|_(?:\D|$)/.test(text)) {
    throw new Error(`invalid value for Float(): "${text}"`)
  }
  return Number(text.replace(/_/g, ''))
}

/** safe_yaml's base-60 value, including its sign handling (`-1:30` reads as 30). */
function sexagesimal(text: string): number {
  const [whole, fraction] = text.split('.')
  let result = 0
  let multiplier = 1
  for (const part of whole.split(':').reverse()) {
    result += rubyFloat(part) * multiplier
    multiplier *= 60
  }
  if (fraction !== undefined) result += rubyFloat(`.${fraction}`)
  return text.startsWith('-') ? -result : result
}

function integer(text: string): number | undefined {
  const digits = text.replace(/[_,]/g, '')
  if (DECIMAL.test(digits)) return Number(digits) || 0
  if (OCTAL.test(digits)) return parseInt(digits, 8)
  if (HEX.test(digits)) return parseInt(digits.slice(2), 16)
  if (BINARY.test(digits)) return parseInt(digits.slice(2), 2)
  if (SIGNED_HEX.test(digits)) {
    const value = parseInt(digits.replace(/_/g, '').replace(/^[-+]?0x/, ''), 16)
    return digits.startsWith('-') ? -value : value
  }
  if (SEXAGESIMAL_INT.test(digits)) return sexagesimal(digits)
  return undefined
}

function float(text: string): number | undefined {
  if (FLOAT.test(text)) return rubyFloat(text)
  if (Object.hasOwn(SPECIAL_FLOATS, text)) return SPECIAL_FLOATS[text]
  if (SEXAGESIMAL_FLOAT.test(text)) return sexagesimal(text)
  return undefined
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** A timestamp as UTC ISO 8601 text, or undefined when Ruby's `DateTime.parse` would reject it. */
function time(match: RegExpExecArray): string | undefined {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number)
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined
  const milliseconds = Math.floor(Number(`0.${match[7] ?? ''}`) * 1000)
  let offsetMinutes = 0
  const zone = match[8]
  if (zone && zone !== 'Z') {
    const [, sign, hours, minutes] = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(zone) ?? []
    offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0))
  }
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute - offsetMinutes, second, milliseconds)
  return date.toISOString()
}

/** The value Jekyll reads for a plain scalar: number, boolean, null, date text or the text itself. */
export function resolvePlainScalar(text: string): unknown {
  const number = integer(text) ?? float(text)
  if (number !== undefined) return number
  if (text.length <= 4 && ['', '~', 'null'].includes(text.toLowerCase())) return null
  const lower = text.toLowerCase()
  if (text.length <= 5 && Object.hasOwn(BOOLEANS, lower)) return BOOLEANS[lower]
  // A date is kept as its own `YYYY-MM-DD` text; an impossible one (2024-02-30) stays text too.
  if (DATE.test(text)) return text
  const timestamp = TIME.exec(text)
  if (timestamp) return time(timestamp) ?? text
  return text
}
