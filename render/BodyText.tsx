import {PortableText} from '@portabletext/react'

import {bodyComponents} from './components.tsx'
import {defaultRenderOptions, RenderContext, type RenderOptions} from './context.ts'
import type {TypedObject} from './types.ts'

/** A lesson or module body rendered with `bodyComponents`; nested rich text shares the options. */
export function BodyText({
  value,
  options = {},
}: {
  value: TypedObject[] | null | undefined
  options?: Partial<RenderOptions>
}) {
  const context = {...defaultRenderOptions, ...options, components: bodyComponents}
  return (
    <RenderContext.Provider value={context}>
      <PortableText
        value={value ?? []}
        components={bodyComponents}
        onMissingComponent={context.onMissingComponent}
      />
    </RenderContext.Provider>
  )
}
