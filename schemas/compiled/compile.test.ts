import {describe, expect, it} from 'vitest'

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

  it('refuses a text block without declared annotations (Sanity’s default link is not modelled)', () => {
    const schema = documentWith({name: 'body', type: 'array', of: [{type: 'block'}]})
    expect(() => compileValidator(schema)).toThrow(/marks\.annotations/)
  })
})
