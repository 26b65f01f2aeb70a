import {visionTool} from '@sanity/vision'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {DOCUMENT_TYPES} from './schemas/constants.ts'
import {schemaTypes} from './schemas/index.ts'
import {STUDIO_API_VERSION, studioEnv} from './studio/env.ts'
import {hostedOnlyFeatures} from './studio/hostedOnly.ts'
import {resolveInput} from './studio/inputs/resolveInput.tsx'
import {withStudioComponents} from './studio/inputs/studioComponents.ts'
import {clientHoldingRefusedSaves} from './studio/saving/holdRefusedSaves.ts'
import {KeptEditsLayout} from './studio/session/RestoreKeptEdits.tsx'
import {calmStart} from './studio/calmStart.ts'
import {needsListenerHosts, spreadListenerHosts} from './studio/listenerHosts.ts'
import {defaultDocumentNode} from './studio/defaultDocumentNode.ts'
import {structure} from './studio/structure.ts'

// Over plain HTTP/1.1 the Studio's event streams would use up Chromium's six connections per host.
if (typeof window !== 'undefined' && needsListenerHosts(studioEnv.apiHost))
  spreadListenerHosts(window)

// The start's spinners and shimmers cost CPU the start itself needs: still until the page is idle.
if (typeof window !== 'undefined') calmStart(window)

// Releases, schedules, tasks and comments need Sanity's hosted services: off against the local lake.
const {document: hostedOnlyDocument, ...hostedOnly} = hostedOnlyFeatures(studioEnv.apiHost)

export default defineConfig({
  name: 'default',
  title: 'Course Content',
  projectId: studioEnv.projectId,
  dataset: studioEnv.dataset,
  ...(studioEnv.apiHost ? {apiHost: studioEnv.apiHost} : {}),
  plugins: [
    structureTool({structure, defaultDocumentNode}),
    visionTool({defaultApiVersion: STUDIO_API_VERSION}),
  ],
  // A save the lake refuses is held and tried again, never dropped with the editor's edits.
  unstable_clientFactory: clientHoldingRefusedSaves,
  schema: {types: withStudioComponents(schemaTypes)},
  form: {components: {input: resolveInput}},
  // Edits the lake never took (a session that ended, a closed page) are put back after login.
  studio: {components: {layout: KeptEditsLayout}},
  ...hostedOnly,
  document: {
    ...hostedOnlyDocument,
    // The site document is a singleton (id `site`), opened from the structure's "Site" item.
    newDocumentOptions: (templates) =>
      templates.filter((template) => template.templateId !== DOCUMENT_TYPES.site),
  },
})
