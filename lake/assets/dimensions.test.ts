import {describe, expect, it} from 'vitest'

import {imageInfo} from './dimensions.ts'

const svg = (text: string) => imageInfo(Buffer.from(text))

describe('imageInfo of an SVG image', () => {
  it('takes the size a browser shows: width and height in pixels', () => {
    expect(svg('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px"/>')).toEqual({
      width: 120,
      height: 80,
      extension: 'svg',
      mimeType: 'image/svg+xml',
    })
  })

  it('takes the viewBox when the width is relative, as diagrams exported by tools state it', () => {
    const text = '<svg width="100%" viewBox="0 0 682 502" role="img"><title>x</title></svg>'
    expect(svg(text)).toMatchObject({width: 682, height: 502})
  })

  it('keeps the viewBox proportions when only one side is given', () => {
    expect(svg('<svg width="341" viewBox="0,0,682,502"></svg>')).toMatchObject({
      width: 341,
      height: 251,
    })
    expect(svg("<svg height='100' viewBox='0 0 50 25'></svg>")).toMatchObject({
      width: 200,
      height: 100,
    })
  })

  it('reads the root element after a declaration, comments and a doctype', () => {
    const text = [
      '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
      '<!-- Created with a drawing tool <svg width="1" height="1"> -->',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
      '<svg version="1.1" stroke-width="3" width="64" height="48">',
    ].join('\n')
    expect(svg(text)).toMatchObject({width: 64, height: 48})
  })

  it('reads a root tag longer than any head of the file, with quoted ">" in its attributes', () => {
    // draw.io keeps the whole diagram, escaped or not, in one attribute of the root element.
    const diagram = '<mxfile host="x">'.repeat(20_000)
    const text = `<?xml version="1.0"?>\n<svg content='${diagram}' width="3200px" height="7826px" viewBox="-0.5 -0.5 3200 7826"><g/></svg>`
    expect(svg(text)).toMatchObject({width: 3200, height: 7826})
  })

  it('gives an SVG that states no size the 300×150 of a browser', () => {
    expect(svg('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>')).toMatchObject({
      width: 300,
      height: 150,
    })
  })

  it('refuses text that is not an SVG image', () => {
    expect(svg('<html><body><svg width="10" height="10"></svg></body></html>')).toBeNull()
    expect(svg('just some words')).toBeNull()
  })
})
