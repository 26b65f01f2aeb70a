/**
 * Includes the just-the-docs theme provides to every site that uses it (from the theme's gem or
 * `remote_theme`, so they are not among the site's own files), for pages that call them. Each is
 * written here to output what readers see from the theme's version; a site's own `_includes/`
 * file of the same name wins, as it does for Jekyll. The fidelity reference hands the same files
 * to Jekyll (`fidelity/jekyll.ts`).
 */
export const THEME_INCLUDES: Readonly<Record<string, string>> = {
  // The theme's workaround for highlighted code with line numbers (documented on its "Code
  // snippets with line numbers" page): it only moves the tags around the highlighted code it is
  // given, so readers see that code.
  'fix_linenos.html': '{{ include.code }}\n',
}
