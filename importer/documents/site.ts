import {DOCUMENT_TYPES, OBJECT_TYPES, SITE_ID} from '../../schemas/constants.ts'
import type {Diagnostic, ImportedDocument} from '../types.ts'
import type {SiteCollection} from '../site/types.ts'
import type {PlannedDocument} from './plan.ts'
import {contentHash} from './source.ts'

const CONFIG_FILE = '_config.yml'

/** The title a site gets when `_config.yml` has none (the field is required). */
export const UNTITLED_SITE = 'Untitled site'

/**
 * The `site` document: the site's title from `_config.yml` and its courses in the theme's
 * top-level order (placeholders included; a top-level page with `nav_exclude` is not listed,
 * as a parent does not list such a child), then a section per collection the theme shows.
 */
export function siteDocument(
  plans: readonly PlannedDocument[],
  config: {raw: Record<string, unknown>; text?: string; collections?: readonly SiteCollection[]},
): {document: ImportedDocument; diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = []
  const configTitle = config.raw.title
  const hasTitle = typeof configTitle === 'string' && configTitle.trim() !== ''
  // Without a `_config.yml` every setting is a default, silently; a file that omits the title is
  // worth a warning because the theme would show an empty site name.
  if (!hasTitle && config.text !== undefined) {
    diagnostics.push({
      severity: 'warning',
      code: 'site-title-missing',
      file: CONFIG_FILE,
      message: `Cannot find the site's title, expected \`title:\` with text in ${CONFIG_FILE}; "${UNTITLED_SITE}" is used.`,
      hint: 'Add `title: Your site name` to _config.yml, or set the title in Studio.',
    })
  }
  const listed = plans.filter(
    (plan) => plan.type === DOCUMENT_TYPES.course && plan.depth === 1 && !plan.hidden,
  )
  const refs = (collection: string | undefined) =>
    listed
      .filter((plan) => plan.collection === collection)
      .map((course) => ({_key: course.id, _type: 'reference', _ref: course.id}))
  const sections = (config.collections ?? []).filter(
    (collection) => collection.nav && !collection.nav.navExclude,
  )
  const document: ImportedDocument = {
    _id: SITE_ID,
    _type: DOCUMENT_TYPES.site,
    title: hasTitle ? configTitle : UNTITLED_SITE,
    courses: refs(undefined),
    ...(sections.length === 0
      ? {}
      : {
          collections: sections.map(({key, nav}) => ({
            _key: key,
            _type: OBJECT_TYPES.navCollection,
            key,
            ...(nav!.name ? {name: nav!.name} : {}),
            ...(nav!.navFold ? {navFold: true} : {}),
            courses: refs(key),
          })),
        }),
    source:
      config.text === undefined
        ? {_type: OBJECT_TYPES.sourceInfo, hasSourcePage: false}
        : {
            _type: OBJECT_TYPES.sourceInfo,
            path: CONFIG_FILE,
            hasSourcePage: true,
            contentHash: contentHash(config.text),
          },
  }
  return {document, diagnostics}
}
