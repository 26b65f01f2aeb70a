import {defineArrayMember, defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'

/** Where a document came from in the site; written by the importer, read-only in Studio. */
export const sourceInfo = defineType({
  name: OBJECT_TYPES.sourceInfo,
  title: 'Source',
  type: 'object',
  readOnly: true,
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({
      name: 'path',
      title: 'Source file',
      type: 'string',
      description:
        'Path of the page file, relative to the site root: markdown, or an HTML page (the export writes it back as markdown in its place).',
    }),
    defineField({
      name: 'hasSourcePage',
      title: 'Has its own source page',
      type: 'boolean',
      description:
        'Off when the page is only named as a parent in front matter and has no file of its own.',
    }),
    defineField({
      name: 'notInNavigation',
      title: 'Not in the navigation because',
      type: 'string',
      description:
        "Why the site's theme does not show this page in its navigation. Add it to a course or module to place it.",
    }),
    defineField({
      name: 'frontMatter',
      title: 'Other front matter',
      type: 'array',
      of: [defineArrayMember({type: OBJECT_TYPES.frontMatterEntry})],
    }),
    defineField({
      name: 'titleHeading',
      title: 'Opens with the title as its H1',
      type: 'boolean',
      description:
        'Whether the markdown page starts with a # heading repeating its title; an export writes it back only then.',
    }),
    defineField({
      name: 'titleNoToc',
      title: 'Title heading left out of tables of contents',
      type: 'boolean',
      description:
        'Whether that heading is marked {: .no_toc } on the page, as an export writes it back. The body’s tables of contents never list the title.',
    }),
    defineField({
      name: 'includes',
      title: 'Includes',
      type: 'array',
      of: [defineArrayMember({type: OBJECT_TYPES.includeUse})],
      description: 'The {% include %} tags of the page and the body blocks each made.',
    }),
    defineField({
      name: 'titleFromFile',
      title: 'Title not in the front matter',
      type: 'boolean',
      readOnly: true,
      description:
        'The source file has no `title:`: the title shown here came from its first heading (GitHub Pages titles such pages from it) or, for a collection document such as a staff entry, from its `name:` or file name, and is not written back as `title:`.',
    }),
    defineField({name: 'navOrder', title: 'nav_order', type: 'string'}),
    defineField({name: 'contentHash', title: 'Source content hash', type: 'string'}),
    defineField({
      name: 'importHash',
      title: 'Hash of the imported fields',
      type: 'string',
      description: 'What the importer last wrote; a mismatch means an editor changed the document.',
    }),
    defineField({name: 'importedAt', title: 'Imported at', type: 'datetime'}),
  ],
})
