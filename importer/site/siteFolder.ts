import type {Diagnostic} from '../types.ts'

/** The code of the warning {@link siteInFolder} gives: about the whole site, not a page. */
export const SITE_IN_FOLDER = 'site-in-folder'

/** Folders whose `_config.yml` is not a site's own: installed gems and packages, hidden folders. */
const NOT_A_SITE = /(?:^|\/)(?:vendor|node_modules|_site|\.[^/]*)\//

/**
 * A warning when a folder with no `_config.yml` holds a Jekyll site in a folder of its own
 * (`docs/_config.yml`, where GitHub Pages publishes from `/docs`): the import reads the pages
 * without that site's settings (its `baseurl`, includes, navigation rules) and takes the files
 * beside it for pages too. Names the shallowest such folder; undefined when the folder has a
 * `_config.yml` or none of its folders does.
 */
export function siteInFolder(
  configText: string | undefined,
  paths: readonly string[],
): Diagnostic | undefined {
  if (configText !== undefined) return undefined
  const configs = paths.filter((path) => path.endsWith('/_config.yml') && !NOT_A_SITE.test(path))
  const depth = (path: string) => path.split('/').length
  const [file] = configs.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))
  if (!file) return undefined
  const folder = file.slice(0, -'/_config.yml'.length)
  return {
    severity: 'warning',
    code: SITE_IN_FOLDER,
    file,
    line: 1,
    message: `This folder has no _config.yml, but ${folder}/ has one: the Jekyll site is ${folder}/, and the import reads its pages without the site's settings and takes the files around it for pages too.`,
    hint: `Import the site's own folder: npm run import -- <this folder>/${folder}`,
  }
}
