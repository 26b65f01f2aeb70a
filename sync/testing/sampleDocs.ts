import type {ImportedDocument} from '../types.ts'

/** Options for {@link sampleDocs}. */
export type SampleOptions = {lessons?: number; title?: (i: number) => string; bodyBytes?: number}

/**
 * A small imported site: a course referencing a module referencing its lessons (strong
 * references, so write order matters), lessons linking the next one weakly and sharing a tool.
 */
export function sampleDocs(options: SampleOptions = {}): ImportedDocument[] {
  const count = options.lessons ?? 5
  const title = options.title ?? ((i: number) => `Lesson ${i}`)
  const source = (path: string) => ({_type: 'sourceInfo', path, hasSourcePage: true})
  const lessons = Array.from({length: count}, (_, i): ImportedDocument => ({
    _id: `lesson-${i}`,
    _type: 'lesson',
    title: title(i),
    slug: {_type: 'slug', current: `lesson-${i}`},
    body: [
      {
        _type: 'block',
        _key: `b${i}`,
        style: 'normal',
        markDefs: [],
        children: [
          {_type: 'span', _key: `s${i}`, marks: [], text: 'x'.repeat(options.bodyBytes ?? 40)},
        ],
      },
      {
        _type: 'toolTable',
        _key: `t${i}`,
        tools: [{_type: 'reference', _ref: 'tool-jira', _key: 'r'}],
      },
    ],
    ...(i + 1 < count
      ? {
          next: {
            _type: 'nextLink',
            reference: {_type: 'reference', _ref: `lesson-${i + 1}`, _weak: true},
          },
        }
      : {}),
    source: source(`docs/course/module/lesson-${i}.md`),
  }))
  return [
    {
      _id: 'course-main',
      _type: 'course',
      title: 'Course',
      modules: [{_type: 'reference', _ref: 'module-main', _key: 'm'}],
      source: source('docs/course/index.md'),
    },
    {
      _id: 'module-main',
      _type: 'module',
      title: 'Module',
      lessons: lessons.map((l, i) => ({_type: 'reference', _ref: l._id, _key: `l${i}`})),
      source: source('docs/course/module/index.md'),
    },
    {
      _id: 'tool-jira',
      _type: 'tool',
      name: 'Jira',
      source: source('docs/course/module/lesson-0.md'),
    },
    ...lessons,
  ]
}

/** A document's content without the fields that differ between equal runs. */
export function comparable(doc: Record<string, unknown>): Record<string, unknown> {
  const rest = {...doc}
  delete rest._rev
  delete rest._createdAt
  delete rest._updatedAt
  const source = rest.source as Record<string, unknown> | undefined
  if (source) {
    const kept = {...source}
    delete kept.importedAt
    rest.source = kept
  }
  return rest
}

/** Every document of a dataset, comparable and sorted by id. */
export function datasetContent(docs: Iterable<Record<string, unknown>>) {
  return [...docs]
    .filter((doc) => !String(doc._type).startsWith('sanity.'))
    .map(comparable)
    .sort((a, b) => String(a._id).localeCompare(String(b._id)))
}
