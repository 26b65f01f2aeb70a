/**
 * The differences between kramdown's page and the project's page that are made on purpose,
 * each with its reason, and the preparation of both HTML trees that takes them out. This is
 * the only place that decides a difference does not count; everything else is reported.
 */
import type {Element, Parents} from 'hast'

import {isImageObject, visibleText, wordsOf, type FeatureOptions} from './features.ts'
import {attribute, classes, descendants, isBlankText, isElement, removeElements} from './html.ts'
import {isElementName} from '../importer/body/html/tags.ts'
import {embedProvider, isEmbedUrl, playerUrl} from '../schemas/embedProviders.ts'
import {decodedOr} from '../importer/uri.ts'

/** A difference the project makes on purpose. */
export interface IntentionalDifference {
  id: string
  /** What differs, and how the comparison treats it. */
  what: string
  /** Why the project does it. */
  why: string
}

/** Every intentional difference; `fidelity/README.md` shows this list to readers. */
export const INTENTIONAL_DIFFERENCES: readonly IntentionalDifference[] = [
  {
    id: 'title-h1',
    what: "kramdown's first H1, when it repeats the page title (a trailing emoji aside) and no other heading comes before it, is left out, and so is its entry in kramdown's table of contents (its sub-entries take its place).",
    why: "The title and its emoji are the document's title and emoji fields; the page shows them as its H1.",
  },
  {
    id: 'nav-buttons',
    what: 'kramdown\'s <div class="nav-buttons"> and a horizontal rule right before it are left out.',
    why: "Its Next link becomes the lesson's `next` field, shown after the body by the lesson page; the previous/next pager comes from the course outline.",
  },
  {
    id: 'footnotes',
    what: 'Footnotes are compared as their own feature (their texts, sorted); reference markers are left out of the text and of the footnotes themselves (a footnote may refer to another).',
    why: 'The project shows a footnote where it is defined, marked with its label; kramdown collects footnotes at the end and numbers them.',
  },
  {
    id: 'typography',
    what: 'Curly quotes, en and em dashes, ellipses and guillemets are compared as typed (\' " -- --- ... << >>).',
    why: "kramdown's smart quotes and typographic symbols are presentation; the project keeps the characters the author typed, and a theme can set them.",
  },
  {
    id: 'math-delimiters',
    what: "Math delimiters are left out of the words: kramdown's MathJax `\\(…\\)` and `\\[…\\]`, the `$$…$$` the project keeps.",
    why: "The project keeps the TeX as the author typed it; typesetting it is the layout's choice (a MathJax or KaTeX script), on the Jekyll site as in the project, not part of the body.",
  },
  {
    id: 'image-caption',
    what: "The project's image captions (<figcaption>) are not counted as text.",
    why: 'An image title becomes a visible caption; kramdown makes it a tooltip. The words are the same, shown differently.',
  },
  {
    id: 'baseurl',
    what: "kramdown's site-absolute hrefs and image sources are compared without `site.baseurl`, an image source's slashes after it as one (`{{ site.baseurl }}//assets/a.png`).",
    why: "The importer stores sources without the base URL so that the sync stage can upload the file it names; the site adds its own address when it serves them. The site's server reads `/base//assets/a.png` as `/base/assets/a.png`.",
  },
  {
    id: 'script-addresses',
    what: "kramdown's links to `javascript:`, `vbscript:` or `data:` addresses are compared as their text alone, and images from such addresses are left out.",
    why: 'Nothing a page contains may run script in the project: the link keeps its text, the image (which no browser shows) is dropped with a warning.',
  },
  {
    id: 'empty-links',
    what: "kramdown's links with nothing inside (`[](#)`: no text, no image) are left out.",
    why: 'A link in Portable Text is a mark on text; with no text there is nothing to mark, and readers cannot see or follow such a link either.',
  },
  {
    id: 'empty-addresses',
    what: "kramdown's links with an empty address (`[Quiz 4]()`) are compared as their text alone.",
    why: 'An empty address leads back to the page itself, nowhere a reader means to go: the importer keeps the text and reports `empty-link`, so the author can add the address.',
  },
  {
    id: 'lone-buttons',
    what: "kramdown's <button> elements with nothing beside them but whitespace, comments and other buttons are left out (outside a <form> or another element the project keeps as HTML, and but for one a link holds); a button in running text or in a link is compared as its label.",
    why: "A button does something only through the site's scripts, which are never imported: standing on its own (a bar of code tabs, a Copy button) it is the page's controls, not its content.",
  },
  {
    id: 'embed-links',
    what: "kramdown's <iframe>, <embed> or <object> of a page or file that is no YouTube or Vimeo player (a slide deck, a chatbot, a PDF) is compared as the link the project shows for it: its address, named by the frame's title or else the address. What such an element holds, which only a browser that cannot show it shows, is left out.",
    why: "The project frames only the players it knows, in a sandbox of their own origin; any other page is a link its reader opens, so no other page's scripts run inside the project's.",
  },
  {
    id: 'tags-shown',
    what: "Text of the project's page that looks like a tag of an element no browser knows (`List<String>`, `<field>`), outside code, is left out of its words when kramdown's page has an element of that name.",
    why: "The author meant it as text and the project keeps it so (reporting `tag-shown` where CommonMark reads a tag too); kramdown passes it on as a tag, and the site's readers' browsers show nothing of it.",
  },
  {
    id: 'details-label',
    what: 'kramdown\'s <details> without a <summary> is compared with the label a browser shows for it: "Details".',
    why: "Readers see that label; the project writes it as the section's summary (and reports `details-summary-missing`), so the section can be opened in the Studio and on any renderer.",
  },
  {
    id: 'internal-links',
    what: "A kramdown href that the site's link resolver maps to a page is compared as that page (`page:<id>` plus its anchor); so is an address the project keeps as written, as the link of an image.",
    why: 'The project links pages by reference, not by address; the page a reader reaches is what counts.',
  },
]

/** A page's footnotes, taken out of its tree. */
type Footnotes = string[]

function text(element: Element): string {
  return wordsOf(visibleText(element)).join(' ')
}

/** Leaves out the horizontal rule just before each element `isTarget` selects. */
function removeRuleBefore(parent: Parents, isTarget: (element: Element) => boolean): void {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!isElement(child)) continue
    if (isTarget(child)) {
      let before = index - 1
      while (before >= 0 && isBlankText(children[before])) before--
      const previous = children[before]
      if (previous && isElement(previous, 'hr')) {
        children.splice(before, 1)
        index--
      }
    } else removeRuleBefore(child, isTarget)
  }
}

/**
 * The entry of kramdown's table of contents (`#markdown-toc`) that points at the heading `id`,
 * its sub-entries kept in its place: the title H1 is the document's title, not a body heading.
 */
function removeTocEntry(root: Parents, id: string): void {
  for (const list of descendants(root)) {
    if (attribute(list, 'id') !== 'markdown-toc') continue
    const items = list.children
    for (let index = 0; index < items.length; index++) {
      const item = items[index]
      if (!isElement(item, 'li')) continue
      const link = item.children.find((child) => isElement(child, 'a'))
      if (!link || !isElement(link) || attribute(link, 'href') !== `#${id}`) continue
      // Its sub-list's entries take its place.
      const nested = item.children.flatMap((child) =>
        isElement(child, 'ul') || isElement(child, 'ol') ? child.children : [],
      )
      items.splice(index, 1, ...nested)
      return
    }
  }
}

/** Addresses that run script; browsers ignore leading whitespace and control characters. */
const SCRIPT_ADDRESS = /^[\s\0-\x1f]*(?:javascript|vbscript):/i
/** Link addresses that run script or open a document of their own (`data:text/html`). */
const SCRIPT_LINK = /^[\s\0-\x1f]*(?:javascript|vbscript|data):/i

const TRAILING_EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0f|\s)+$/u

/** The title as compared with a heading: words, without a trailing emoji. */
function titleWords(title: string): string {
  return wordsOf(title.replace(TRAILING_EMOJI, '')).join(' ')
}

/** The elements the project keeps as unconverted HTML, buttons and all. */
const KEPT_AS_HTML = new Set(['form', 'select', 'textarea', 'canvas', 'svg', 'math', 'dialog'])

function isBlankOrButton(node: Parents['children'][number]): boolean {
  return isElement(node, 'button') || node.type === 'comment' || isBlankText(node)
}

/** Leaves out the buttons standing on their own (`lone-buttons`). */
function removeLoneButtons(parent: Parents): void {
  const children = parent.children
  // A button a link holds is the link's text (the link works without scripts).
  const link = isElement(parent, 'a') && attribute(parent, 'href') !== undefined
  if (
    !link &&
    children.some((child) => isElement(child, 'button')) &&
    children.every(isBlankOrButton)
  ) {
    parent.children = children.filter((child) => !isElement(child, 'button'))
    return
  }
  for (const child of children) {
    if (isElement(child) && !KEPT_AS_HTML.has(child.tagName)) removeLoneButtons(child)
  }
}

/** Elements that frame another page or file, as the importer's `embed` blocks take them. */
const FRAMES = new Set(['iframe', 'embed', 'object'])

/** kramdown's frames as the project shows them (`embed-links`): a link, or a frame without content. */
function framesAsShown(parent: Parents): void {
  parent.children = parent.children.map((child) => {
    if (!isElement(child)) return child
    // An image's `<object>` is compared as the image it shows (features.ts).
    if (
      !FRAMES.has(child.tagName) ||
      attribute(child, 'srcDoc') !== undefined ||
      isImageObject(child)
    ) {
      framesAsShown(child)
      return child
    }
    const src = attribute(child, 'src') ?? attribute(child, 'data') ?? ''
    if (isEmbedUrl(src) && !playerUrl(src, embedProvider(src, 'iframe'))) {
      const text = {type: 'text' as const, value: attribute(child, 'title') ?? src}
      const link = {type: 'element', tagName: 'a', properties: {href: src}, children: [text]}
      // A block of its own, as the project shows it (and as a frame stands apart from its neighbours).
      return {type: 'element', tagName: 'p', properties: {}, children: [link]}
    }
    return {...child, children: []}
  }) as typeof parent.children
}

const HEADING = /^h[1-6]$/

/** kramdown's HTML tree with the intentional differences taken out; returns its footnotes. */
export function prepareKramdown(root: Parents, title: string): Footnotes {
  framesAsShown(root)
  // A `<details>` without a `<summary>`: a browser labels it "Details", as the project does.
  for (const element of descendants(root)) {
    if (element.tagName !== 'details') continue
    if (element.children.some((child) => isElement(child) && child.tagName === 'summary')) continue
    const label = {type: 'text' as const, value: 'Details'}
    element.children.unshift({
      type: 'element',
      tagName: 'summary',
      properties: {},
      children: [label],
    })
  }
  // As the importer takes it: an H1 before any other heading (an HTML `<h3>` above it too).
  const firstHeading = [...descendants(root)].find((element) => HEADING.test(element.tagName))
  const firstH1 = firstHeading?.tagName === 'h1' ? firstHeading : undefined
  if (firstH1 && titleWords(text(firstH1)) === titleWords(title)) {
    removeElements(root, (element) => element === firstH1)
    const id = attribute(firstH1, 'id')
    if (id) removeTocEntry(root, id)
  }
  const isNav = (element: Element) =>
    element.tagName === 'div' && classes(element).includes('nav-buttons')
  removeRuleBefore(root, isNav)
  removeElements(root, isNav)
  removeLoneButtons(root)
  removeElements(
    root,
    (element) => element.tagName === 'img' && SCRIPT_ADDRESS.test(attribute(element, 'src') ?? ''),
  )
  removeElements(
    root,
    (element) =>
      element.tagName === 'a' &&
      visibleText(element).trim() === '' &&
      ![...descendants(element)].some((inner) => inner.tagName === 'img'),
  )
  for (const element of descendants(root)) {
    const href = element.tagName === 'a' ? attribute(element, 'href') : undefined
    if (href !== undefined && (SCRIPT_LINK.test(href) || href.trim() === '')) {
      delete element.properties.href
    }
  }
  const footnotes: Footnotes = []
  removeElements(root, (element) => {
    if (element.tagName === 'div' && classes(element).includes('footnotes')) {
      for (const item of descendants(element)) {
        if (item.tagName !== 'li') continue
        // Its back link, and the markers of footnotes it refers to, as in the text.
        removeElements(
          item,
          (link) => classes(link).includes('reversefootnote') || isKramdownNoteRef(link),
        )
        footnotes.push(text(item))
      }
      return true
    }
    return isKramdownNoteRef(element)
  })
  return footnotes.sort()
}

/** A footnote's marker on kramdown's page: its number. */
function isKramdownNoteRef(element: Element): boolean {
  return element.tagName === 'sup' && attribute(element, 'role') === 'doc-noteref'
}

/** A footnote's marker on the project's page: its label. */
function isProjectNoteRef(element: Element): boolean {
  return element.tagName === 'sup' && classes(element).includes('footnote-reference')
}

/**
 * The names of the elements of kramdown's page that no browser knows (`string` of `List<String>`,
 * `field`): what `tags-shown` takes out of the project's words.
 */
export function unknownElements(root: Parents): Set<string> {
  const names = new Set<string>()
  for (const element of descendants(root))
    if (!isElementName(element.tagName)) names.add(element.tagName)
  return names
}

/**
 * A tag as the author may have written it in text (`<field>`, `</field>`, `<HTTP METHOD>`,
 * `<your_github_username>`), its name as a browser reads one.
 */
const TAG_TEXT = /<\/?([A-Za-z][^\s/<>]*)(?:\s[^<>]*)?\/?>/g

/** Leaves the tags of `names` out of the text of `parent`, outside code (`tags-shown`). */
function removeTagsShown(parent: Parents, names: ReadonlySet<string>): void {
  for (const child of parent.children) {
    if (child.type === 'text')
      child.value = child.value.replace(TAG_TEXT, (tag, name: string) =>
        names.has(name.toLowerCase()) ? '' : tag,
      )
    else if (isElement(child) && child.tagName !== 'code' && child.tagName !== 'pre')
      removeTagsShown(child, names)
  }
}

/**
 * The project's rendered body with the intentional differences taken out; returns its
 * footnotes. `tagsShown`: the names of the elements no browser knows on kramdown's page.
 */
export function prepareProject(
  root: Parents,
  tagsShown: ReadonlySet<string> = new Set(),
): Footnotes {
  if (tagsShown.size) removeTagsShown(root, tagsShown)
  const footnotes: Footnotes = []
  removeElements(root, (element) => {
    if (element.tagName === 'aside' && classes(element).includes('footnote')) {
      // The markers of footnotes it refers to are left out, as in the text.
      removeElements(element, isProjectNoteRef)
      footnotes.push(text(element))
      return true
    }
    if (isProjectNoteRef(element)) return true
    return element.tagName === 'figcaption'
  })
  return footnotes.sort()
}

/** The address a project internal link renders with: the target page, compared by id. */
export function pageAddress(target: {_id: string}): string {
  return `page:${target._id}`
}

/** An anchor compared decoded, since the renderer encodes it and kramdown's source may not. */
function withDecodedAnchor(href: string): string {
  const hash = href.indexOf('#')
  return hash === -1 ? href : `${href.slice(0, hash)}#${decodedOr(href.slice(hash + 1))}`
}

/**
 * How kramdown's addresses are compared (`baseurl`, `internal-links`): `resolve` gives the page
 * id the site's link resolver finds for an href, or null.
 */
export function kramdownAddresses(
  baseurl: string,
  resolve: (href: string) => string | null,
): Required<Omit<FeatureOptions, 'callout'>> {
  const base = baseurl.replace(/\/+$/, '')
  const withoutBase = (value: string) =>
    base && (value === base || value.startsWith(`${base}/`))
      ? value.slice(base.length) || '/'
      : value
  return {
    href: (href) => {
      const local = withoutBase(href)
      const path = (value: string) => value.replace(/[?#].*$/, '')
      const id = resolve(path(local)) ?? (local === href ? null : resolve(path(href)))
      if (id === null) return withDecodedAnchor(href)
      const hash = local.indexOf('#')
      return withDecodedAnchor(`page:${id}${hash === -1 ? '' : local.slice(hash)}`)
    },
    src: (src) => {
      const local = withoutBase(src)
      return local === src ? src : local.replace(/^\/+/, '/')
    },
  }
}

/**
 * How the project's addresses are compared: anchors decoded, as on kramdown's side, and an
 * address the project keeps as written (an image's link to a page, which the generated site
 * maps to that page) as kramdown's is (`internal-links`), through `kramdown`'s `href`.
 */
export function projectAddresses(
  kramdown: Pick<FeatureOptions, 'href'>,
): Required<Omit<FeatureOptions, 'callout'>> {
  return {
    href: (href) =>
      href.startsWith('page:') || !kramdown.href ? withDecodedAnchor(href) : kramdown.href(href),
    src: (src) => src,
  }
}
