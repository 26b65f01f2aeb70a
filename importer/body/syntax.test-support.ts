/** The page `syntax.test.ts` converts: math inline, on a line of its own, and a dollar sign. */
export const MATH_PAGE = 'Costs $5, and $$a^2 + b^2$$ holds.\n\n$$\\sum_{i=1}^n i$$\n'
