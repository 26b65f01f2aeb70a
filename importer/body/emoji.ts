/**
 * A run of emoji at the end of a heading, preceded by whitespace. Covers ZWJ sequences,
 * skin tones, VS16, keycaps, flags and tags, and sequences whose ZWJ the source left out
 * (the seed writes "🤹♀️" without one); the bytes are returned exactly as written.
 */
const TRAILING_EMOJI =
  // eslint-disable-next-line no-misleading-character-class -- joiners and modifiers are listed on purpose
  /\s+((?:[#*0-9]\uFE0F?\u20E3|[\p{Extended_Pictographic}\p{Regional_Indicator}])(?:[#*0-9]\uFE0F?\u20E3|[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D\uFE0F\u{E0020}-\u{E007F}]|\s)*?)\s*$/u

/** Splits "Title 🚀" into the title and its trailing emoji; text without one comes back unchanged. */
export function splitTrailingEmoji(text: string): {text: string; emoji?: string} {
  const match = TRAILING_EMOJI.exec(text)
  if (!match || match.index === 0) return {text}
  return {text: text.slice(0, match.index), emoji: match[1]}
}
