import {defineCliConfig} from 'sanity/cli'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID || 'local',
    dataset: process.env.SANITY_STUDIO_DATASET || 'production',
  },
  typegen: {
    path: ['./queries/**/*.ts', './studio/**/*.ts', './render/**/*.{ts,tsx}'],
    // The staleness check generates into a scratch folder and compares with the committed files.
    schema: process.env.TYPEGEN_SCHEMA || './schema.json',
    generates: process.env.TYPEGEN_OUT || './sanity.types.ts',
  },
  deployment: {autoUpdates: false},
})
