import {Blocks} from './Blocks.tsx'
import {BodyBlocks} from './blocks/tableOfContents.tsx'
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
      <BodyBlocks.Provider value={value ?? []}>
        <Blocks
          value={value ?? []}
          components={bodyComponents}
          onMissingComponent={context.onMissingComponent}
        />
      </BodyBlocks.Provider>
    </RenderContext.Provider>
  )
}
