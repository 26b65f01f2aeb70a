import {parsesBlockHtml} from '../importer/body/html/kramdown-blocks.ts'
import type {SiteConfig} from '../importer/site/types.ts'
import type {ExportOptions} from './types.ts'

/** The export options a site's `_config.yml` sets, as the importer read it. */
export function exportOptionsOf(config: SiteConfig): ExportOptions {
  return {
    permalink: config.permalink,
    baseurl: config.baseurl,
    navSort: config.navSort,
    collections: config.collections,
    parseBlockHtml: parsesBlockHtml(config.raw),
  }
}
