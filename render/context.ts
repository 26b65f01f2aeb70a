import type {MissingComponentHandler, PortableTextComponents} from '@portabletext/react'
import {createContext, useContext} from 'react'

/** A page a link can point at, as the queries return it. */
export interface PageTarget {
  _id: string
  _type: string
  slug: string | null
}

/** How rendering turns pages and stored hrefs into addresses, and reports unknown types. */
export interface RenderOptions {
  /** The address of a course, module or lesson page. */
  pageHref: (target: PageTarget) => string
  /** Rewrites an allowed `link` href, e.g. a site-absolute path into a relative one. */
  linkHref: (href: string) => string
  /** The address of an uploaded image's file (`asset->url`), e.g. a copy beside the page. */
  assetHref: (url: string) => string
  /** Called for every block, mark, style or list type without a component. */
  onMissingComponent: MissingComponentHandler
}

const PROP_FOR_NODE_TYPE = {
  block: 'types',
  mark: 'marks',
  blockStyle: 'block',
  listStyle: 'list',
  listItemStyle: 'listItem',
} as const

/** Warns naming the `components` prop that would render the unknown type. */
export const warnMissingComponent: MissingComponentHandler = (_message, {type, nodeType}) => {
  console.warn(
    `Cannot render ${nodeType} "${type}", expected a component at components.${PROP_FOR_NODE_TYPE[nodeType]}["${type}"] in render/components.tsx.`,
  )
}

/** Addresses used when no site is being built (Studio preview, tests): `/lesson/<slug>/`. */
export const defaultRenderOptions: RenderOptions = {
  pageHref: (target) => `/${target._type}/${target.slug ?? target._id}/`,
  linkHref: (href) => href,
  assetHref: (url) => url,
  onMissingComponent: warnMissingComponent,
}

/** Render options plus the component map, shared by nested rich text (cells, callouts). */
export type RenderContextValue = RenderOptions & {components: PortableTextComponents}

/** The context nested Portable Text reads its components and options from. */
export const RenderContext = createContext<RenderContextValue>({
  ...defaultRenderOptions,
  components: {},
})

/** The current render options and component map. */
export function useRender(): RenderContextValue {
  return useContext(RenderContext)
}
