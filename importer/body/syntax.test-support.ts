/** A page `syntax.test.ts` converts that cannot hold a table or a task list: math and a list. */
export const PLAIN_PAGE = [
  'Costs $5, and $$a^2 + b^2$$ holds.',
  '',
  '- one',
  '- [two](x.md)',
  '',
].join('\n')

/**
 * The page `syntax.test.ts` converts: math inline, on a line of its own, and a dollar sign; a
 * table with an escaped pipe in code; a task list.
 */
export const MATH_PAGE = [
  'Costs $5, and $$a^2 + b^2$$ holds.',
  '',
  '$$\\sum_{i=1}^n i$$',
  '',
  '| Left | Right |',
  '| :--- | ----: |',
  '| `a\\|b` | two |',
  '',
  '- [x] done',
  '- [ ] open',
  '',
].join('\n')
