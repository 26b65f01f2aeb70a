/**
 * Jekyll, the reference for Liquid: `jekyll.rb` evaluates every page's Liquid with Jekyll itself
 * (the site's data, collections, includes and layouts), so the reference side shows what a
 * `{% for %}` over a collection really outputs. Without Jekyll, `liquid.ts` emulates.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

import type {SiteFile} from '../importer/index.ts'
import {readConfig} from '../importer/site/config.ts'
import {THEME_INCLUDES} from '../importer/site/themeIncludes.ts'

const SCRIPT = join(import.meta.dirname, 'jekyll.rb')

/** The Debian package that provides Jekyll (with Liquid and its dependencies). */
export const JEKYLL_PACKAGE = 'jekyll'

/** A page's markdown after Jekyll's Liquid, or Jekyll's error for it. */
export type JekyllPage = {markdown: string} | {error: string}

/** Null when Jekyll can run here, else a sentence saying what to install. */
export function jekyllMissing(): string | null {
  const probe = spawnSync('ruby', ['-rjekyll', '-e', ''], {stdio: 'ignore'})
  if (probe.status === 0) return null
  return `Cannot run Jekyll, so Liquid is emulated (fidelity/liquid.ts): install the Debian package ${JEKYLL_PACKAGE} (apt-get install ${JEKYLL_PACKAGE}).`
}

/** Every markdown page of the site at `root` after Jekyll's Liquid, by path relative to `root`. */
export async function liquidWithJekyll(root: string): Promise<Map<string, JekyllPage>> {
  // The theme's includes (its gem is not here), after the site's own `_includes/`.
  const themeIncludes = mkdtempSync(join(tmpdir(), 'fidelity-theme-includes-'))
  try {
    for (const [name, text] of Object.entries(THEME_INCLUDES)) {
      writeFileSync(join(themeIncludes, name), text)
    }
    return await runJekyll(root, themeIncludes, jekyllMajor(root), pagePluginNames(root))
  } finally {
    rmSync(themeIncludes, {recursive: true, force: true})
  }
}

/**
 * The GitHub Pages plugins the site's build runs that make its pages and titles (see
 * `pagePlugins`), by gem name: the reference loads them as the published site does.
 */
export function pagePluginNames(root: string): string[] {
  const read = (name: string) => {
    try {
      return readFileSync(join(root, name), 'utf8')
    } catch {
      return undefined
    }
  }
  const {pagePlugins} = readConfig(read('_config.yml'), {gemfile: read('Gemfile') ?? null}).config
  return [
    ...(pagePlugins.titlesFromHeadings ? ['jekyll-titles-from-headings'] : []),
    ...(pagePlugins.optionalFrontMatter ? ['jekyll-optional-front-matter'] : []),
    ...(pagePlugins.readmeIndex ? ['jekyll-readme-index'] : []),
  ]
}

/**
 * The major version of Jekyll that builds the site, from its Gemfile.lock (`jekyll (3.10.0)`;
 * GitHub Pages' `github-pages` gem pins Jekyll 3), else its Gemfile's `github-pages`; undefined
 * when neither says (the Jekyll installed here, 4, is used as it is).
 */
export function jekyllMajor(root: string): string | undefined {
  const read = (name: string) => {
    try {
      return readFileSync(join(root, name), 'utf8')
    } catch {
      return ''
    }
  }
  const lock = read('Gemfile.lock')
  const locked = /^ {4}jekyll \((\d+)\./m.exec(lock)?.[1]
  if (locked) return locked
  return /^\s*gem\s+["']github-pages["']/m.test(read('Gemfile')) ? '3' : undefined
}

async function runJekyll(
  root: string,
  themeIncludes: string,
  major: string | undefined,
  plugins: readonly string[],
): Promise<Map<string, JekyllPage>> {
  const args = [SCRIPT, root, themeIncludes, ...(major ? [major] : [])]
  const env = {...process.env, FIDELITY_JEKYLL_PLUGINS: plugins.join(',')}
  const ruby = spawn('ruby', args, {stdio: ['ignore', 'pipe', 'pipe'], env})
  let stdout = ''
  let stderr = ''
  ruby.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  ruby.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    ruby.on('error', reject)
    ruby.on('close', resolve)
  })
  if (code !== 0) {
    // Ruby writes the error first, then its backtrace.
    const message = stderr.trim().split('\n')[0] || 'no message'
    throw new Error(
      `Jekyll could not read the site ${root} (${SCRIPT}, exit code ${code}): ${message}`,
    )
  }
  const {pages} = JSON.parse(stdout) as {pages: Record<string, JekyllPage>}
  return new Map(Object.entries(pages))
}

/**
 * The reference side's Liquid for the site at `root`: Jekyll's when it runs here and can read
 * the site, else undefined (the emulation), with the reason passed to `say`.
 */
export async function jekyllReference(
  root: string,
  say: (message: string) => void,
): Promise<Map<string, JekyllPage> | undefined> {
  const missing = jekyllMissing()
  if (missing) {
    say(missing)
    return undefined
  }
  try {
    return await liquidWithJekyll(root)
  } catch (error) {
    say(`${(error as Error).message} Liquid is emulated (fidelity/liquid.ts) instead.`)
    return undefined
  }
}

/**
 * {@link jekyllReference} for a site given as its files (an exported site, say): they are
 * written to a folder of their own for Jekyll to read, removed after.
 */
export async function jekyllReferenceOf(
  files: readonly SiteFile[],
  say: (message: string) => void,
): Promise<Map<string, JekyllPage> | undefined> {
  const folder = mkdtempSync(join(tmpdir(), 'fidelity-site-'))
  try {
    for (const file of files) {
      mkdirSync(dirname(join(folder, file.path)), {recursive: true})
      writeFileSync(join(folder, file.path), file.text ?? file.bytes ?? '')
    }
    return await jekyllReference(folder, say)
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}
