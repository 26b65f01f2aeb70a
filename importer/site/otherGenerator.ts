import type {Diagnostic} from '../types.ts'

/**
 * The configuration files of static site generators other than Jekyll, by the path they have at
 * a site's root, and the generator each names.
 */
const GENERATORS: ReadonlyArray<[file: string, name: string]> = [
  ['mkdocs.yml', 'MkDocs'],
  ['mkdocs.yaml', 'MkDocs'],
  ['docusaurus.config.js', 'Docusaurus'],
  ['docusaurus.config.ts', 'Docusaurus'],
  ['_quarto.yml', 'Quarto'],
  ['book.toml', 'mdBook'],
  ['_toc.yml', 'Jupyter Book'],
  ['hugo.toml', 'Hugo'],
  ['hugo.yaml', 'Hugo'],
  ['conf.py', 'Sphinx'],
  ['astro.config.mjs', 'Astro'],
  ['.vitepress/config.ts', 'VitePress'],
  ['.vitepress/config.mjs', 'VitePress'],
]

/** The code of the warning {@link otherGenerator} gives: about the whole site, not a page. */
export const SITE_NOT_JEKYLL = 'site-not-jekyll'

/**
 * A warning when a folder with no `_config.yml` holds another generator's configuration (an
 * MkDocs site's `mkdocs.yml`): its pages are not what Jekyll and just-the-docs would publish
 * (navigation from `mkdocs.yml`, Jinja in the pages), so the documents the import makes of them
 * are not that site. Undefined for a Jekyll site, or a folder that names no other generator.
 */
export function otherGenerator(
  configText: string | undefined,
  paths: readonly string[],
): Diagnostic | undefined {
  if (configText !== undefined) return undefined
  const present = new Set(paths)
  const found = GENERATORS.find(([file]) => present.has(file))
  if (!found) return undefined
  const [file, name] = found
  return {
    severity: 'warning',
    code: SITE_NOT_JEKYLL,
    file,
    line: 1,
    message: `This looks like a site built by ${name} (${file}, and no _config.yml), not by Jekyll: the importer reads pages as Jekyll and just-the-docs publish them, which is not how ${name} builds this site.`,
    hint: "Import a just-the-docs site (a folder with _config.yml); if this one is Jekyll's, add its _config.yml.",
  }
}
