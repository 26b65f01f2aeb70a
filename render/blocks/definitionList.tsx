import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {RichText} from '../RichText.tsx'
import type {TypedObject} from '../types.ts'

type Item = {_key?: string; term?: TypedObject[] | null; definition?: TypedObject[] | null}

/** A definition list: each term (one `<dt>` per term paragraph), then its definition. */
export function DefinitionListBlock({
  value,
}: PortableTextTypeComponentProps<{_type: 'definitionList'; items?: Item[] | null}>) {
  return (
    <dl>
      {(value.items ?? []).map((item, i) => (
        <DefinitionItem key={item._key ?? i} item={item} />
      ))}
    </dl>
  )
}

function DefinitionItem({item}: {item: Item}) {
  const terms = item.term ?? []
  return (
    <>
      {terms.map((term, i) => (
        <dt key={term._key ?? i}>
          <RichText value={[term]} inline />
        </dt>
      ))}
      {item.definition && item.definition.length > 0 && (
        <dd>
          <RichText value={item.definition} inline />
        </dd>
      )}
    </>
  )
}
