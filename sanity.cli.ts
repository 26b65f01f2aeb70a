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
  // `npm run dev`: asset URLs are paths on the lake (`/images/…`, `/files/…`), which the lake
  // answers itself when it serves the Studio; the Vite dev server passes them on to it.
  vite: (config) => {
    const lake = process.env.SANITY_STUDIO_API_HOST
    if (!lake?.startsWith('http')) return config
    const proxy = {...config.server?.proxy, '/images': lake, '/files': lake}
    return {...config, server: {...config.server, proxy}}
  },
})
