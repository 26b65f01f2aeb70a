/**
 * Large pages of realistic markdown for scaling tests and `npm run bench:page`: sections of a
 * heading, prose with marks and links, short lists (one nested, one numbered with code), a
 * callout quote, a table and a code block. Deterministic for a given size.
 */

const WORDS =
  'product vision strategy roadmap user research feedback data team design engineering market customer value metric launch release backlog'.split(
    ' ',
  )

function words(start: number, count: number): string {
  return Array.from({length: count}, (_, i) => WORDS[(start * 7 + i * 3) % WORDS.length]).join(' ')
}

function section(i: number): string {
  return [
    `## ${words(i, 3)} ${i}`,
    `The ${words(i, 9)} **${words(i + 1, 2)}** and _${words(i + 2, 2)}_ with \`call()\`; see [the guide](guide-${i % 7}.md) or [docs](https://example.com/${i}).`,
    `- **${words(i + 3, 2)}**: ${words(i, 6)}\n- ${words(i + 4, 5)} [more](more.md)\n  - ${words(i + 5, 3)}`,
    `{: .note }\n> ${words(i + 6, 10)}.`,
    `1. ${words(i + 7, 5)}\n2. ${words(i + 8, 4)}\n\n   \`\`\`sh\n   npm run step-${i}\n   \`\`\`\n3. ${words(i + 9, 4)}`,
    `| Tool | Use |\n|---|---|\n| ${words(i, 1)} | ${words(i + 1, 4)} |\n| ${words(i + 2, 1)} | **${words(i + 3, 2)}** |`,
    `\`\`\`js\nconst ${WORDS[i % WORDS.length]} = [${i}, ${i + 1}].map((x) => x * 2)\n\`\`\``,
    `Then ${words(i + 10, 8)}.`,
  ].join('\n\n')
}

/** A page of about `bytes` characters (whole sections, so slightly more). */
export function largePage(bytes: number): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const text = section(i) + '\n\n'
    parts.push(text)
    size += text.length
  }
  return parts.join('')
}
