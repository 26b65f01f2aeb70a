import {
  BUILTIN_OBJECTS,
  CORE_TYPES,
  DEFAULT_LISTS,
  DEFAULT_STYLES,
  IMAGE_FIELDS,
  REFERENCE_FIELDS,
  SPAN_FIELDS,
  type CoreType,
  type Definition,
} from './builtins.ts'
import type {FieldNode, TypeNode} from './nodes.ts'
import {buildRules} from './rules.ts'

// Properties that only change how the Studio shows or edits a value, never what is valid.
const PRESENTATION = [
  'name',
  'type',
  'title',
  'description',
  'readOnly',
  'hidden',
  'initialValue',
  'icon',
  'group',
  'groups',
  'fieldset',
  'fieldsets',
  'components',
  'preview',
  'orderings',
  'deprecated',
  'rows',
]
const EXTENSION_KEYS = new Set([...PRESENTATION, 'validation', 'options'])
const KEYS: Record<CoreType, readonly string[]> = {
  string: [],
  text: [],
  url: [],
  datetime: [],
  date: [],
  number: [],
  boolean: [],
  object: ['fields', 'unsupported'],
  document: ['fields'],
  reference: ['to', 'weak'],
  image: ['fields'],
  block: ['styles', 'lists', 'marks', 'of'],
  span: [],
  array: ['of'],
}
// Options that only affect input widgets; `list` becomes an allowed-values rule.
const OPTION_KEYS = new Set([
  'list',
  'layout',
  'direction',
  'hotspot',
  'source',
  'maxLength',
  'collapsible',
  'collapsed',
  'sortable',
  'modal',
  'disableArrayWarning',
])

interface Resolved {
  core: CoreType
  /** Names along the type chain, root first (Sanity derives built-in rules from them). */
  names: string[]
  props: Definition
}

/**
 * Compiles schema type definitions into validation nodes, one per document type. Throws on
 * any property, option or type it does not know, naming where it is.
 */
export function compileTypes(types: readonly Definition[]): Map<string, TypeNode> {
  const registry = new Map<string, Definition>()
  for (const type of types) registry.set(String(type.name), type)
  const compiler = new Compiler(registry)
  const documents = new Map<string, TypeNode>()
  for (const type of types) {
    if (type.type === 'document')
      documents.set(String(type.name), compiler.node(type, String(type.name)))
  }
  return documents
}

/** A named type being compiled: a use of it inside itself shares its fields and members. */
interface Open {
  name: string
  fields: FieldNode[]
  of: TypeNode[]
  /** Where along `cores` it opened: a use of it inside itself must pass through an array. */
  depth: number
}

class Compiler {
  private readonly registry: Map<string, Definition>
  private readonly open: Open[] = []
  /** The core type of every node being compiled, outermost first. */
  private readonly cores: CoreType[] = []
  /**
   * Nodes by definition and member name: a named type's fields and members are the same
   * definitions at each of its uses, so each compiles once (the schema's 2,700 nodes were 260).
   * A node inside a type that contains itself shares that type's fields and members, which are
   * the same at each use, so it too stands for every use of its definition.
   */
  private readonly compiled = new Map<Definition, Map<string | undefined, TypeNode>>()

  constructor(registry: Map<string, Definition>) {
    this.registry = registry
  }

  /** The node of a type, field or array member definition at `where`. */
  node(def: Definition, where: string, memberName?: string): TypeNode {
    let byMember = this.compiled.get(def)
    if (!byMember) this.compiled.set(def, (byMember = new Map()))
    let node = byMember.get(memberName)
    if (!node) byMember.set(memberName, (node = this.compile(def, where, memberName)))
    return node
  }

  private compile(def: Definition, where: string, memberName?: string): TypeNode {
    const resolved = this.resolve(def, where)
    const names = memberName === undefined ? resolved.names : [...resolved.names, memberName]
    const {core, props} = resolved
    const named = resolved.names.length > 1 ? resolved.names.at(-1) : undefined
    const outer = named === undefined ? undefined : this.open.find((o) => o.name === named)
    if (outer) checkRecursion(outer, this.cores, def, named!, where)
    // A type that contains itself (a definition holding a definition list) is one node graph
    // with a cycle: the inner use shares the outer's fields and members, which the walk
    // follows only as deep as the value goes.
    const fields: FieldNode[] = outer?.fields ?? []
    const of: TypeNode[] = outer?.of ?? []
    const node: TypeNode = {
      name: String(def.name ?? def.type),
      typeName: String(def.type),
      jsonType: CORE_TYPES[core],
      rules: [],
      required: false,
      fields,
      of,
      weak: props.weak === true,
      blocks: Array.isArray(props.of) && (props.of as Definition[]).some((m) => m.type === 'block'),
      unsupported: typeof props.unsupported === 'string' ? props.unsupported : undefined,
    }
    if (!outer) {
      if (named) this.open.push({name: named, fields, of, depth: this.cores.length})
      this.cores.push(core)
      try {
        fields.push(...this.fields(core, props, where))
        of.push(...this.members(core, props, where))
      } finally {
        this.cores.pop()
        if (named) this.open.pop()
      }
    }
    node.rules = buildRules({node, names, props, where})
    node.required = node.rules.some((rule) => rule.isRequired())
    return node
  }

  private resolve(def: Definition, where: string): Resolved {
    const type = def.type
    if (typeof type !== 'string') throw new Error(`Cannot compile ${where}: expected a type name.`)
    if (type in CORE_TYPES) {
      const core = type as CoreType
      checkKeys(def, new Set([...EXTENSION_KEYS, ...KEYS[core]]), where)
      return {core, names: [core], props: def}
    }
    const named = this.registry.get(type) ?? BUILTIN_OBJECTS[type]
    if (!named) throw new Error(`Cannot compile ${where}: unknown type "${type}".`)
    checkKeys(def, EXTENSION_KEYS, where)
    const base = this.resolve(named, type)
    // A use of a named type overrides its presentation, options and validation, nothing else.
    const props = {...base.props}
    for (const key of Object.keys(def)) if (key !== 'name' && key !== 'type') props[key] = def[key]
    return {core: base.core, names: [...base.names, type], props}
  }

  private fields(core: CoreType, props: Definition, where: string): FieldNode[] {
    const own = (props.fields ?? []) as Definition[]
    const defs =
      core === 'object' || core === 'document'
        ? own
        : core === 'image'
          ? [...IMAGE_FIELDS, ...own]
          : core === 'reference'
            ? REFERENCE_FIELDS
            : core === 'span'
              ? SPAN_FIELDS
              : core === 'block'
                ? blockFields(props, where)
                : []
    return defs.map((field) => ({
      name: String(field.name),
      type: this.node(field, `${where}.${String(field.name)}`),
    }))
  }

  private members(core: CoreType, props: Definition, where: string): TypeNode[] {
    if (core !== 'array') return []
    const of = props.of
    if (!Array.isArray(of) || of.length === 0) {
      throw new Error(`Cannot compile ${where}: an array needs member types in "of".`)
    }
    return (of as Definition[]).map((member) =>
      this.node(
        member,
        `${where}[${String(member.name ?? member.type)}]`,
        member.name as string | undefined,
      ),
    )
  }
}

/** The fields Sanity gives a text block, from its styles, lists, annotations and inline types. */
function blockFields(props: Definition, where: string): Definition[] {
  const marks = props.marks as {annotations?: unknown} | undefined
  if (!Array.isArray(marks?.annotations)) {
    throw new Error(
      `Cannot compile ${where}: declare the block's marks.annotations (the default link annotation is not supported).`,
    )
  }
  const option = (value: string) => ({value})
  const styles = (props.styles as {value: string}[] | undefined) ?? DEFAULT_STYLES.map(option)
  const lists = (props.lists as {value: string}[] | undefined) ?? DEFAULT_LISTS.map(option)
  const inline = ((props.of ?? []) as Definition[]).filter((member) => member.type !== 'span')
  return [
    {name: 'children', type: 'array', of: [{type: 'span'}, ...inline]},
    {
      name: 'style',
      type: 'string',
      options: {
        list: styles.some((style) => style.value === 'normal')
          ? styles
          : [option('normal'), ...styles],
      },
    },
    {name: 'listItem', type: 'string', options: {list: lists}},
    {name: 'markDefs', type: 'array', of: marks!.annotations},
    {name: 'level', type: 'number'},
  ]
}

// The walk visits the fields of an absent required object, so a type may contain itself only
// through an array (where an absent value ends the descent), and the inner use may not change
// what is valid there (its rules would need their own fields and members).
function checkRecursion(
  outer: Open,
  cores: readonly CoreType[],
  def: Definition,
  named: string,
  where: string,
): void {
  if (!cores.slice(outer.depth).includes('array')) {
    throw new Error(
      `Cannot compile ${where}: type "${named}" contains itself outside an array, which the compiled validator does not follow.`,
    )
  }
  if (def.options !== undefined) {
    throw new Error(
      `Cannot compile ${where}: type "${named}" contains itself with its own options, which the compiled validator does not follow.`,
    )
  }
}

function checkKeys(def: Definition, allowed: ReadonlySet<string>, where: string): void {
  for (const key of Object.keys(def)) {
    if (!allowed.has(key)) {
      throw new Error(
        `Cannot compile ${where}: the compiled validator does not understand "${key}". Teach schemas/compiled/ what it means for validation.`,
      )
    }
  }
  const options = def.options
  if (options === undefined) return
  if (typeof options !== 'object' || options === null) {
    throw new Error(`Cannot compile ${where}: expected options to be an object.`)
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      throw new Error(
        `Cannot compile ${where}: the compiled validator does not understand the option "${key}".`,
      )
    }
  }
}
