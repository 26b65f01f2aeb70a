import type {ArraySchemaType, ObjectSchemaType, SchemaType} from '@sanity/types'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {compiledSchema, validateDocuments} from '../../schemas/validate.ts'
import {fixtureNames, root, runFixture} from './fixture-runner.ts'
import {convertBody} from './index.ts'

type Value = Record<string, unknown>

// Keys Sanity adds to references, slugs and array items; everything else must be a declared field.
const SYSTEM_KEYS = new Set(['_type', '_key', '_ref', '_weak', '_id'])

/**
 * Checks a value against a compiled schema type: every `_type` is a declared member, every
 * field is declared, and text blocks use only the styles, lists, decorators and annotations
 * the block type declares. Returns one line per violation.
 */
function violations(value: unknown, type: SchemaType, path: string): string[] {
  if (value === undefined || value === null) return []
  if (type.jsonType === 'array') return arrayViolations(value, type as ArraySchemaType, path)
  if (type.jsonType === 'object')
    return objectViolations(value as Value, type as ObjectSchemaType, path)
  return typeof value === type.jsonType
    ? []
    : [`${path}: expected ${type.jsonType}, got ${typeof value}`]
}

function arrayViolations(value: unknown, type: ArraySchemaType, path: string): string[] {
  if (!Array.isArray(value)) return [`${path}: expected an array`]
  return value.flatMap((item, i) => {
    const name = typeof item === 'object' ? (item as Value)._type : undefined
    const member = type.of.find((m) =>
      name === undefined ? m.jsonType === typeof item : m.name === name,
    )
    if (!member) return [`${path}[${i}]: "${String(name ?? typeof item)}" is not allowed here`]
    if (member.name === 'block')
      return blockViolations(item as Value, member as ObjectSchemaType, `${path}[${i}]`)
    return violations(item, member, `${path}[${i}]`)
  })
}

function objectViolations(value: Value, type: ObjectSchemaType, path: string): string[] {
  if (isType(type, 'reference')) return keysOnly(value, path, [])
  const problems: string[] = []
  for (const [key, inner] of Object.entries(value)) {
    if (SYSTEM_KEYS.has(key)) continue
    const field = type.fields?.find((f) => f.name === key)
    if (!field) problems.push(`${path}.${key}: not a field of ${type.name}`)
    else problems.push(...violations(inner, field.type, `${path}.${key}`))
  }
  return problems
}

function blockViolations(block: Value, type: ObjectSchemaType, path: string): string[] {
  const field = (name: string) => type.fields.find((f) => f.name === name)!.type
  const allowed = (name: string) =>
    ((field(name).options as {list?: Array<{value: string}>})?.list ?? []).map((o) => o.value)
  const problems: string[] = []
  if (!allowed('style').includes(String(block.style)))
    problems.push(`${path}.style: "${String(block.style)}" is not allowed`)
  if (block.listItem !== undefined && !allowed('listItem').includes(String(block.listItem)))
    problems.push(`${path}.listItem: "${String(block.listItem)}" is not allowed`)
  const children = field('children') as ArraySchemaType
  const span = children.of.find((m) => m.name === 'span') as unknown as {
    decorators: Array<{value: string}>
  }
  const markDefs = block.markDefs as Value[]
  problems.push(...violations(markDefs, field('markDefs'), `${path}.markDefs`))
  const keys = new Set(markDefs.map((def) => def._key))
  const decorators = new Set(span.decorators.map((d) => d.value))
  ;(block.children as Value[]).forEach((child, i) => {
    if (child._type === 'span') {
      for (const mark of child.marks as string[]) {
        if (!decorators.has(mark) && !keys.has(mark))
          problems.push(
            `${path}.children[${i}]: mark "${mark}" is neither a decorator nor an annotation key`,
          )
      }
      return
    }
    const member = children.of.find((m) => m.name === child._type)
    if (!member)
      problems.push(`${path}.children[${i}]: inline "${String(child._type)}" is not allowed`)
    else problems.push(...violations(child, member, `${path}.children[${i}]`))
  })
  return problems
}

function keysOnly(value: Value, path: string, allowed: string[]): string[] {
  return Object.keys(value)
    .filter((key) => !SYSTEM_KEYS.has(key) && !allowed.includes(key))
    .map((key) => `${path}.${key}: not allowed on a reference`)
}

function isType(type: SchemaType | undefined, name: string): boolean {
  for (let t = type; t; t = t.type) if (t.name === name) return true
  return false
}

describe('schema contract', () => {
  const schema = compiledSchema()

  for (const name of fixtureNames) {
    it(`emits only types, styles, lists, decorators and annotations the schema allows (${name})`, () => {
      const {result} = runFixture(name)
      const problems = violations(result.body, schema.get('lessonBody')!, 'body')
      for (const doc of result.documents)
        problems.push(...violations(doc, schema.get(doc._type)!, doc._id))
      expect(problems).toEqual([])
    })
  }

  it('stays within the schema and never fails on 300 pages of shuffled fixture lines', () => {
    const lines = fixtureNames.flatMap((name) =>
      readFileSync(join(root, name, 'input.md'), 'utf8').split('\n'),
    )
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
    for (let i = 0; i < 300; i++) {
      const count = 1 + Math.floor(random() * 30)
      const pick = () => lines[Math.floor(random() * lines.length)]
      const markdown = Array.from({length: count}, pick).join(random() < 0.5 ? '\n' : '\n\n')
      const result = convertBody(markdown, {
        file: 'shuffled.md',
        title: 'Core Responsibilities',
        lineOffset: 0,
        page: {},
        site: {},
        resolveLink: (href) => (href.endsWith('.md') ? {_id: 'lesson-x', _type: 'lesson'} : null),
      })
      const problems = violations(result.body, schema.get('lessonBody')!, 'body')
      for (const doc of result.documents)
        problems.push(...violations(doc, schema.get(doc._type)!, doc._id))
      expect({
        markdown,
        problems,
        failed: result.diagnostics.filter((d) => d.severity === 'error'),
      }).toEqual({markdown, problems: [], failed: []})
    }
  })

  it('reports a style the schema does not declare, so the contract can fail', () => {
    const body = [
      {
        _type: 'block',
        _key: 'a',
        style: 'h7',
        markDefs: [],
        children: [{_type: 'span', _key: 'b', text: 'x', marks: ['underline']}],
      },
    ]
    expect(violations(body, schema.get('lessonBody')!, 'body')).toEqual([
      'body[0].style: "h7" is not allowed',
      'body[0].children[0]: mark "underline" is neither a decorator nor an annotation key',
    ])
  })

  it('passes the Studio validation rules for every fixture body and extracted document', async () => {
    const problems = []
    for (const name of fixtureNames) {
      const {result} = runFixture(name)
      const lesson = {_id: `lesson-${name}`, _type: 'lesson', title: name, body: result.body}
      for (const problem of await validateDocuments([lesson, ...result.documents])) {
        const ours = problem.documentType !== 'lesson' || problem.path.startsWith('body')
        if (ours && problem.level === 'error')
          problems.push(`${name}: ${problem.documentId} ${problem.path} ${problem.message}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('passes the Studio validation rules for the documents extracted from the seed', async () => {
    const {result} = runFixture('seed')
    const problems = await validateDocuments(result.documents)
    expect(problems.filter((p) => p.level === 'error')).toEqual([])
  })
})
