import {useMemo} from 'react'

import {Blocks} from './Blocks.tsx'
import {bodyComponents} from './components.tsx'
import {defaultRenderOptions, RenderContext, type RenderOptions} from './context.ts'
import {BodyHeadingsContext, headingIds} from './headings.ts'
import type {TypedObject} from './types.ts'

/**
 * A lesson or module body rendered with `bodyComponents`; nested rich text shares the options.
 * `titleId` is the id the page's title heading took above it, which its headings count.
 */
export function BodyText({
  value,
  options = {},
  titleId,
}: {
  value: TypedObject[] | null | undefined
  options?: Partial<RenderOptions>
  titleId?: string
}) {
  const context = {...defaultRenderOptions, ...options, components: bodyComponents}
  const headings = useMemo(() => {
    const blocks = value ?? []
    return {blocks, ids: headingIds(blocks, titleId === undefined ? [] : [titleId])}
  }, [value, titleId])
  return (
    <RenderContext.Provider value={context}>
      <BodyHeadingsContext.Provider value={headings}>
        <Blocks
          value={value ?? []}
          components={bodyComponents}
          onMissingComponent={context.onMissingComponent}
        />
      </BodyHeadingsContext.Provider>
    </RenderContext.Provider>
  )
}
