import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'studio-dist/**', 'site-dist/**', '.lake/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
