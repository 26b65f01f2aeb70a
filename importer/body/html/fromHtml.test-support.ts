/** The pages `fromHtml.test.ts` converts: one without HTML, one with an HTML block. */
export const PLAIN_PAGE =
  '# Page\n\nSome **bold** text, a [link](x.md) and a list:\n\n- one\n- two\n'
export const HTML_PAGE = '<div class="box">\n<p>One <b>cell</b></p>\n</div>\n'

/** The context both sides convert the pages in. */
export const PAGE_CONTEXT = {
  file: 'page.md',
  title: 'Page',
  lineOffset: 4,
  page: {},
  site: {},
  resolveLink: () => null,
}
