import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  typegen: {
    path: ['./queries/**/*.ts', './studio/**/*.ts', './render/**/*.{ts,tsx}'],
    schema: './schema.json',
    generates: './sanity.types.ts',
  },
  autoUpdates: false,
})
