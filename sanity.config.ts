import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {schemaTypes} from './schemas/index.ts'
import {studioEnv} from './studio/env.ts'
import {defaultDocumentNode} from './studio/defaultDocumentNode.ts'
import {structure} from './studio/structure.ts'

export default defineConfig({
  name: 'default',
  title: 'Course Content',
  projectId: studioEnv.projectId,
  dataset: studioEnv.dataset,
  ...(studioEnv.apiHost ? {apiHost: studioEnv.apiHost} : {}),
  plugins: [
    structureTool({structure, defaultDocumentNode}),
    visionTool({defaultApiVersion: '2025-02-19'}),
  ],
  schema: {types: schemaTypes},
})
