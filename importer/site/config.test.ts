import {describe, expect, it} from 'vitest'

import {
  defaultsFor,
  isExcluded,
  notRead,
  isLegacyVersion,
  readConfig,
  themeVersion,
} from './config.ts'

describe('readConfig', () => {
  it('detects a pre-0.10 theme from remote_theme or Gemfile.lock', () => {
    expect(themeVersion({remote_theme: 'just-the-docs/just-the-docs@v0.3.3'})).toEqual({
      version: '0.3.3',
      from: 'remote_theme',
    })
    expect(
      themeVersion({theme: 'just-the-docs'}, 'GEM\n  specs:\n    just-the-docs (0.4.2)\n'),
    ).toEqual({version: '0.4.2', from: 'Gemfile.lock'})
    expect(themeVersion({}, undefined, "gem 'just-the-docs', '~> 0.4.1'\n")).toEqual({
      version: '0.4.1',
      from: 'Gemfile',
    })
    expect(themeVersion({theme: 'just-the-docs'})).toEqual({from: 'none'})
    expect(isLegacyVersion('0.9.9')).toBe(true)
    expect(isLegacyVersion('0.10.0')).toBe(false)
    expect(readConfig('remote_theme: just-the-docs/just-the-docs@v0.8.2\n').config.legacy).toBe(
      true,
    )
    expect(readConfig('theme: just-the-docs\n').config.legacy).toBe(false)
  })

  it('takes the version given on the command line over the one the site names', () => {
    const {config} = readConfig('remote_theme: just-the-docs/just-the-docs@v0.10.1\n', {
      themeVersion: '0.8.1',
    })
    expect(config.theme).toEqual({version: '0.8.1', from: '--theme-version'})
    expect(config.legacy).toBe(true)
  })

  it('reports a _config.yml that fails to parse at its line and reads the site with defaults', () => {
    const {config, diagnostics} = readConfig('title: x\nexclude: [a\n')
    expect(config.exclude).toContain('node_modules')
    expect(diagnostics).toMatchObject([
      {severity: 'error', code: 'config-invalid', file: '_config.yml', line: 3},
    ])
    expect(diagnostics[0].hint).toMatch(/Jekyll stops the build.*Jekyll's defaults/)
  })

  it('reads a list continued on lines less indented than its key, as Jekyll (libyaml) does', () => {
    // The shape of a real site's `_config.yml`: the list's last item and `]` on lines of their own.
    const {config, diagnostics} = readConfig(
      'title: Notes\nexclude: ["node_modules/", "Gemfile", "README.md"\n, "docs/tests/"\n]\npermalink: pretty\n',
    )
    expect(diagnostics).toEqual([])
    expect(config.raw.title).toBe('Notes')
    expect(isExcluded(config, 'docs/tests/a.md')).toBe('docs/tests/')
    expect(config.permalink).toBe('pretty')
  })

  it('excludes by path prefix and by glob at any folder level, as Jekyll does', () => {
    const {config} = readConfig('exclude: [drafts/, "*.tmp.md", docs/old]\n')
    expect(isExcluded(config, 'drafts/a.md')).toBe('drafts/')
    expect(isExcluded(config, 'docs/notes.tmp.md')).toBe('*.tmp.md')
    expect(isExcluded(config, 'docs/old/a.md')).toBe('docs/old')
    expect(isExcluded(config, 'docs/new/a.md')).toBeUndefined()
  })

  it('reads what `include:` names although it starts with `_` or `.`, as Jekyll does', () => {
    const {config} = readConfig(
      'include: [_pages, .well-known/, _notes.md]\nexclude: [_pages/old, _notes.md]\n',
    )
    expect(notRead(config, '_pages/usage.md')).toBeUndefined()
    // A name, not a path: `_pages` is read at every level, and what is under it as usual.
    expect(notRead(config, 'docs/_pages/a.md')).toBeUndefined()
    expect(notRead(config, '_pages/_draft.md')).toEqual({hidden: '_draft.md', file: true})
    expect(notRead(config, '.well-known/a.md')).toBeUndefined()
    // `exclude:` less `include:`: a name in both is read; an entry under an included one is not.
    expect(notRead(config, '_notes.md')).toBeUndefined()
    expect(notRead(config, '_pages/old/a.md')).toEqual({excluded: '_pages/old'})
    expect(notRead(config, '_drafts/a.md')).toEqual({hidden: '_drafts', file: false})
    expect(notRead(config, '#scratch.md')).toEqual({hidden: '#scratch.md', file: true})
    expect(notRead(config, 'notes.md~')).toEqual({hidden: 'notes.md~', file: true})
    expect(notRead(readConfig('title: x\n').config, '_pages/usage.md')).toEqual({
      hidden: '_pages',
      file: false,
    })
  })

  it('warns that Jekyll stops the build when `include:` or `exclude:` is not a list', () => {
    const {config, diagnostics} = readConfig('title: x\ninclude: _pages\nexclude:\n')
    expect(diagnostics).toMatchObject([
      {
        code: 'config-list-expected',
        line: 2,
        message: expect.stringContaining('`include: "_pages"`'),
      },
      {code: 'config-list-expected', line: 3, message: expect.stringContaining('`exclude: null`')},
    ])
    expect(diagnostics[0]!.hint).toContain('`include: [_pages]`')
    // Read as without them: `_pages` stays unread.
    expect(notRead(config, '_pages/a.md')).toEqual({hidden: '_pages', file: false})
    expect(readConfig('include: [_pages]\n').diagnostics).toEqual([])
  })

  it('applies front-matter defaults whose scope path contains the page', () => {
    const {config} = readConfig(
      'defaults:\n  - scope: {path: docs}\n    values: {layout: page}\n  - scope: {path: ""}\n    values: {x: 1}\n',
    )
    expect(defaultsFor(config, 'docs/a.md')).toEqual({layout: 'page', x: 1})
    expect(defaultsFor(config, 'blog/a.md')).toEqual({x: 1})
  })
})

describe('readCollections', () => {
  it('lists the collections the theme shows first, in just_the_docs order, then the others', () => {
    const {config} = readConfig(
      [
        'collections_dir: ./collections/',
        'collections:',
        '  b: {output: true}',
        '  a: {output: true, permalink: /x/:path/}',
        '  data:',
        'just_the_docs:',
        '  collections:',
        '    a: {name: A, nav_fold: true}',
        '    b: {name: B, nav_exclude: true}',
        '    undefined_in_jekyll: {name: Nothing}',
      ].join('\n'),
    )
    expect(config.collections).toEqual([
      {
        key: 'a',
        folder: 'collections/_a',
        output: true,
        permalink: '/x/:path/',
        nav: {name: 'A', navExclude: false, navFold: true},
      },
      {
        key: 'b',
        folder: 'collections/_b',
        output: true,
        nav: {name: 'B', navExclude: true, navFold: false},
      },
      {key: 'data', folder: 'collections/_data', output: false},
    ])
  })

  it('reads `collections:` written as a list of names', () => {
    expect(readConfig('collections: [notes]\n').config.collections).toEqual([
      {key: 'notes', folder: '_notes', output: false},
    ])
  })
})
