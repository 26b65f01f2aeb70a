import type {WorkspaceOptions} from 'sanity'

/** Whether the Studio talks to the local Content Lake rather than Sanity's hosted API. */
export function isLocalLake(apiHost: string | undefined): boolean {
  if (!apiHost) return false
  const host = new URL(apiHost).hostname
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '[::1]'
  )
}

/**
 * Workspace options that switch off the features only Sanity's hosted services provide
 * (releases, scheduled drafts and publishing, tasks, comments, announcements, the media
 * library): against the local lake they would show empty pages or fail when used. Against
 * the hosted API nothing is changed.
 */
export function hostedOnlyFeatures(
  apiHost: string | undefined,
): Pick<
  WorkspaceOptions,
  | 'releases'
  | 'scheduledDrafts'
  | 'scheduledPublishing'
  | 'tasks'
  | 'announcements'
  | 'mediaLibrary'
> & {document?: {comments: {enabled: boolean}}} {
  if (!isLocalLake(apiHost)) return {}
  return {
    releases: {enabled: false},
    scheduledDrafts: {enabled: false},
    scheduledPublishing: {enabled: false},
    tasks: {enabled: false},
    announcements: {enabled: false},
    mediaLibrary: {enabled: false},
    document: {comments: {enabled: false}},
  }
}
