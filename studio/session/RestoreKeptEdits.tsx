import {Button, Flex, Stack, Text} from '@sanity/ui'
import {useToast} from '@sanity/ui/toast'
import {useEffect} from 'react'
import {useClient, type LayoutProps, type SanityClient} from 'sanity'
import {useRouter} from 'sanity/router'

import {STUDIO_API_VERSION} from '../env.ts'
import {useKeptEditsScope} from './KeepUnsavedEdits.tsx'
import {
  decideRestore,
  forgetEdit,
  keptEdit,
  keptEdits,
  PREFIX,
  restoreMutation,
  type KeptEdit,
  type LakeDocument,
} from './keptEdits.ts'

/**
 * Documents whose kept edits are being settled: once, however often the layout mounts or its
 * effect runs again (the Studio's client changes identity as the login settles); a run that
 * finds one here leaves it to the run that is settling it, which carries on to the end.
 */
const settling = new Set<string>()

async function lakePair(client: SanityClient, kept: KeptEdit) {
  const [draft, published] = await client.getDocuments<LakeDocument>([
    `drafts.${kept.publishedId}`,
    kept.publishedId,
  ])
  return {draft: draft ?? null, published: published ?? null}
}

/** Puts `kept` back as the draft, over the draft the lake holds now (`draft`). */
async function putBack(client: SanityClient, kept: KeptEdit, draft: LakeDocument | null) {
  await client.mutate([restoreMutation(kept, draft) as never], {visibility: 'async'})
}

/**
 * Once the editor is logged in, goes through the edits kept in this browser that the lake never
 * took ({@link KeepUnsavedEdits}): already saved, they are forgotten; made on what the lake still
 * holds, they are put back as the draft and the editor is told; made on a document that changed
 * since, nothing is written and the editor chooses, in a notice that stays, between opening the
 * document, putting their version back over the change, and discarding it.
 */
function RestoreKeptEdits() {
  const client = useClient({apiVersion: STUDIO_API_VERSION})
  const scope = useKeptEditsScope()
  const toast = useToast()
  const router = useRouter()

  useEffect(() => {
    const open = (kept: KeptEdit) =>
      router.navigateIntent('edit', {id: kept.publishedId, type: kept.type})
    const restored = (kept: KeptEdit) =>
      toast.push({
        id: `kept-edits-${kept.publishedId}`,
        status: 'success',
        title: 'Your unsaved changes are saved',
        description: `“${kept.title}”: what you had typed but the lake had not saved (your session ended, or the page closed) is back in its draft.`,
        closable: true,
        duration: 15_000,
      })
    const offer = (kept: KeptEdit) => {
      const id = `kept-edits-${kept.publishedId}`
      const close = () => toast.push({id, status: 'warning', title: '', duration: 0.01})
      const restoreAnyway = async () => {
        const {draft} = await lakePair(client, kept)
        await putBack(client, kept, draft)
        forgetEdit(localStorage, scope, kept.publishedId)
        close()
        restored(kept)
        open(kept)
      }
      toast.push({
        id,
        status: 'warning',
        title: `Your unsaved changes to “${kept.title}” were not put back`,
        description: (
          <Stack gap={3}>
            <Text size={1}>
              The document changed in the lake after your changes were made, so they were not
              written over it. They are kept in this browser until you choose.
            </Text>
            <Flex gap={2} wrap="wrap">
              <Button mode="ghost" text="Open the document" onClick={() => open(kept)} />
              <Button
                tone="caution"
                text="Put my version back"
                onClick={() =>
                  void restoreAnyway().catch((error: Error) =>
                    toast.push({
                      status: 'error',
                      title: 'Your version was not put back',
                      description: `${error.message}. It is still kept in this browser: try again.`,
                      closable: true,
                    }),
                  )
                }
              />
              <Button
                mode="bleed"
                tone="critical"
                text="Discard my version"
                onClick={() => {
                  forgetEdit(localStorage, scope, kept.publishedId)
                  close()
                }}
              />
            </Flex>
          </Stack>
        ),
        closable: true,
        duration: Infinity,
      })
    }
    const settle = async (kept: KeptEdit) => {
      const {draft, published} = await lakePair(client, kept)
      const decision = decideRestore(kept, draft, published)
      if (decision === 'changed') return offer(kept)
      if (decision === 'restore') await putBack(client, kept, draft)
      forgetEdit(localStorage, scope, kept.publishedId)
      if (decision === 'restore') restored(kept)
    }
    void (async () => {
      for (const kept of keptEdits(localStorage, scope)) {
        const key = `${scope}:${kept.publishedId}`
        if (settling.has(key)) continue
        settling.add(key)
        // Another tab logged in by the same link settles the same entries: one at a time, and
        // only while the entry is still there (the other tab forgets it once settled).
        const once = async () => {
          const current = keptEdit(localStorage, scope, kept.publishedId)
          if (!current) return
          // A lake that does not answer keeps them for the next start; one that refuses the
          // guarded write (the draft changed after it was read) has it decided again.
          await settle(current).catch(async (error: {statusCode?: number}) => {
            if (error?.statusCode === 409) await settle(current)
          })
        }
        await (navigator.locks ? navigator.locks.request(`${PREFIX}:${key}`, once) : once())
          .catch(() => undefined)
          .finally(() => settling.delete(key))
      }
    })()
    // Once per login (router and toast change identity on navigation): what this tab keeps
    // later is its own form's, not left over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, scope])
  return null
}

/** The Studio's layout with {@link RestoreKeptEdits} running inside it (logged in). */
export function KeptEditsLayout(props: LayoutProps) {
  return (
    <>
      <RestoreKeptEdits />
      {props.renderDefault(props)}
    </>
  )
}
