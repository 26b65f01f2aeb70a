import {describe, expect, it} from 'vitest'

import {compileTypes} from './compile.ts'
import {compileValidator} from './validator.ts'

const documentWith = (field: Record<string, unknown>, extra: Record<string, unknown>[] = []) => [
  {name: 'page', type: 'document', fields: [{name: 'title', type: 'string'}, field]},
  ...extra,
]

describe('compiling a schema', () => {
  it('compiles a document with strings, numbers, arrays, references and slugs', () => {
    expect(() =>
      compileValidator([
        ...documentWith({
          name: 'slug',
          type: 'slug',
          validation: (rule: {required(): unknown}) => rule.required(),
        }),
        {name: 'other', type: 'document', fields: [{name: 'n', type: 'number'}]},
      ]),
    ).not.toThrow()
  })

  it('refuses a rule it cannot check, naming the field', () => {
    const schema = documentWith({
      name: 'contact',
      type: 'string',
      validation: (rule: {email(): unknown}) => rule.email(),
    })
    expect(() => compileValidator(schema)).toThrow(/page\.contact: .*email is not a function/)
  })

  it('refuses a property it does not know, so a new schema feature fails loudly', () => {
    const schema = documentWith({name: 'when', type: 'string', validateWhen: 'always'})
    expect(() => compileValidator(schema)).toThrow(
      /page\.when: .*does not understand "validateWhen"/,
    )
  })

  it('refuses an option that changes validation, such as a custom slug uniqueness check', () => {
    const schema = documentWith({name: 'slug', type: 'slug', options: {isUnique: () => true}})
    expect(() => compileValidator(schema)).toThrow(/page\.slug: .*option "isUnique"/)
  })

  it('refuses a type it has never heard of', () => {
    const schema = documentWith({name: 'where', type: 'geopoint'})
    expect(() => compileValidator(schema)).toThrow(/page\.where: unknown type "geopoint"/)
  })

  it('refuses a validation that reads its context, which would be decided per value', () => {
    const schema = documentWith({
      name: 'title2',
      type: 'string',
      validation: (rule: unknown, context: unknown) => (context ? rule : rule),
    })
    expect(() => compileValidator(schema)).toThrow(
      /page\.title2: a validation that reads its context/,
    )
  })

  it('refuses a type that contains itself outside an array, where an absent value never ends', () => {
    const schema = documentWith({name: 'tree', type: 'node'}, [
      {name: 'node', type: 'object', fields: [{name: 'child', type: 'node'}]},
    ])
    expect(() => compileValidator(schema)).toThrow(
      /page\.tree\.child: .*contains itself outside an array/,
    )
  })

  it('follows a type that contains itself through an array as deep as the value goes', async () => {
    const schema = documentWith({name: 'outline', type: 'entries'}, [
      {name: 'entries', type: 'array', of: [{type: 'entry'}]},
      {
        name: 'entry',
        type: 'object',
        fields: [
          {
            name: 'label',
            type: 'string',
            validation: (rule: {required(): unknown}) => rule.required(),
          },
          {name: 'children', type: 'entries'},
        ],
      },
    ])
    const validator = compileValidator(schema)
    const leaf = {_key: 'c', _type: 'entry'}
    const value = {
      _id: 'p',
      _type: 'page',
      outline: [
        {
          _key: 'a',
          _type: 'entry',
          label: 'A',
          children: [{_key: 'b', _type: 'entry', label: 'B', children: [leaf]}],
        },
      ],
    }
    const problems = await validator.validateDocuments([value])
    expect(problems.map((problem) => problem.path)).toEqual([
      'outline[_key=="a"].children[_key=="b"].children[_key=="c"].label',
    ])
  })

  it('gives a custom rule the path of an array item as Sanity does, its key alone', async () => {
    const seen: unknown[] = []
    const schema = documentWith({
      name: 'items',
      type: 'array',
      of: [
        {
          type: 'object',
          name: 'item',
          fields: [
            {
              name: 'label',
              type: 'string',
              validation: (rule: {custom(fn: unknown): unknown}) =>
                rule.custom((_value: unknown, context: {path: unknown}) => {
                  seen.push(context.path)
                  return true
                }),
            },
          ],
        },
      ],
    })
    await compileValidator(schema).validateDocuments([
      {
        _id: 'p',
        _type: 'page',
        items: [{_key: 'a', _type: 'item', label: 'A'}, {_type: 'item'}],
      },
    ])
    expect(seen).toStrictEqual([
      ['items', {_key: 'a'}, 'label'],
      ['items', 1, 'label'],
    ])
  })

  it('names the type of a value that is not plain JSON as Sanity does, by its constructor', async () => {
    class Title {}
    const problems = await compileValidator(
      documentWith({name: 'subtitle', type: 'string'}),
    ).validateDocuments([
      {_id: 'p', _type: 'page', title: new Title(), subtitle: Object.create(null)},
    ])
    expect(problems.map(({path, message}) => `${path}: ${message}`)).toEqual([
      'title: Expected type "String", got "Title"',
      'subtitle: Expected type "String", got "Object"',
    ])
  })

  it('refuses a text block without declared annotations (Sanity’s default link is not modelled)', () => {
    const schema = documentWith({name: 'body', type: 'array', of: [{type: 'block'}]})
    expect(() => compileValidator(schema)).toThrow(/marks\.annotations/)
  })

  it('compiles a named type once however many fields use it, each use keeping its own rules', async () => {
    const required = (rule: {required(): unknown}) => rule.required()
    const schema = [
      {
        name: 'address',
        type: 'object',
        fields: [{name: 'street', type: 'string', validation: required}],
      },
      // An outline holds outlines: each use shares its own fields with the uses inside it.
      {
        name: 'outline',
        type: 'object',
        fields: [{name: 'items', type: 'array', of: [{type: 'outline'}]}],
      },
      ...documentWith({name: 'home', type: 'address', validation: required}, []),
    ]
    const page = schema[2] as {fields: unknown[]}
    page.fields.push(
      {name: 'work', type: 'address'},
      {name: 'toc', type: 'outline'},
      {name: 'index', type: 'outline'},
    )
    const node = compileTypes(schema).get('page')!
    const field = (name: string) => node.fields.find((f) => f.name === name)!.type
    expect(field('home')).not.toBe(field('work'))
    expect(field('home').required).toBe(true)
    expect(field('work').required).toBe(false)
    expect(field('home').fields[0].type).toBe(field('work').fields[0].type)

    const problems = await compileValidator(schema).validateDocuments([
      {
        _id: 'p',
        _type: 'page',
        title: 't',
        work: {},
        toc: {
          items: [{_key: 'a', _type: 'outline', items: [{_key: 'b', _type: 'outline', items: 1}]}],
        },
        index: {items: [{_key: 'c', _type: 'outline', items: 'x'}]},
      },
    ])
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      'home',
      'home.street',
      'index.items[_key=="c"].items',
      'toc.items[_key=="a"].items[_key=="b"].items',
      'work.street',
    ])
  })
})
