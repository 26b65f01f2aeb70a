import studio from '@sanity/eslint-config-studio'

export default [
  {
    ignores: [
      'node_modules/',
      'studio-dist/',
      'site-dist/',
      '.sanity/',
      '.lake/',
      '.artifacts/',
      'sanity.types.ts',
    ],
  },
  ...studio,
]
