/** Width, height and format read from an image file's header. */
export type ImageInfo = {width: number; height: number; extension: string; mimeType: string}

function png(data: Buffer): ImageInfo | null {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47) return null
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    extension: 'png',
    mimeType: 'image/png',
  }
}

function gif(data: Buffer): ImageInfo | null {
  if (data.length < 10 || data.toString('ascii', 0, 3) !== 'GIF') return null
  return {
    width: data.readUInt16LE(6),
    height: data.readUInt16LE(8),
    extension: 'gif',
    mimeType: 'image/gif',
  }
}

function jpeg(data: Buffer): ImageInfo | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null
  let offset = 2
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return null
    const marker = data[offset + 1]
    const length = data.readUInt16BE(offset + 2)
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return {
        width: data.readUInt16BE(offset + 7),
        height: data.readUInt16BE(offset + 5),
        extension: 'jpg',
        mimeType: 'image/jpeg',
      }
    }
    offset += 2 + length
  }
  return null
}

function webp(data: Buffer): ImageInfo | null {
  if (
    data.length < 30 ||
    data.toString('ascii', 0, 4) !== 'RIFF' ||
    data.toString('ascii', 8, 12) !== 'WEBP'
  )
    return null
  const chunk = data.toString('ascii', 12, 16)
  const info = (width: number, height: number) => ({
    width,
    height,
    extension: 'webp',
    mimeType: 'image/webp',
  })
  if (chunk === 'VP8 ') return info(data.readUInt16LE(26) & 0x3fff, data.readUInt16LE(28) & 0x3fff)
  if (chunk === 'VP8L') {
    const bits = data.readUInt32LE(21)
    return info((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') return info(data.readUIntLE(24, 3) + 1, data.readUIntLE(27, 3) + 1)
  return null
}

/** The start of an SVG file's root element, after an XML declaration, comments and a doctype. */
const SVG_ROOT =
  /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[^\]]*\])?\s*>)\s*)*<svg(?=[\s/>])/i

/** Where an SVG file's root element starts at the latest: the head read for its prolog. */
const SVG_PROLOG_BYTES = 64 * 1024

const QUOTE_MARKS = [0x22, 0x27] // " and '
const TAG_END = 0x3e // >

/**
 * The attributes of the root `<svg …>` tag: up to its first `>` outside quoted values (a
 * drawing tool's file may keep a whole diagram, megabytes long, in one of them). Only the head
 * is decoded to find the tag; its end is found in the bytes (quotes and `>` are ASCII in UTF-8).
 */
function svgRootAttributes(data: Buffer): string | undefined {
  const head = data.toString('utf8', 0, Math.min(data.length, SVG_PROLOG_BYTES))
  const root = SVG_ROOT.exec(head)
  if (!root) return undefined
  const from = Buffer.byteLength(root[0])
  let quote = 0
  for (let at = from; at < data.length; at++) {
    const byte = data[at]!
    if (quote) {
      if (byte === quote) quote = 0
    } else if (QUOTE_MARKS.includes(byte)) quote = byte
    else if (byte === TAG_END) return data.toString('utf8', from, at)
  }
  return undefined
}

/** The size a browser gives an SVG image that states none: the default of replaced elements. */
const SVG_DEFAULT = {width: 300, height: 150}

/** A length in CSS pixels (`120`, `120px`), or undefined for a relative one (`100%`, `2em`). */
function pixels(value: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*$/.exec(value ?? '')
  const number = match ? Number(match[1]) : NaN
  return number > 0 ? number : undefined
}

/**
 * An SVG image's size as a browser shows it in an `<img>`: its `width` and `height` in pixels,
 * one of them and the `viewBox`'s proportions, the `viewBox` alone, or 300×150.
 */
function svg(data: Buffer): ImageInfo | null {
  const root = svgRootAttributes(data)
  if (root === undefined) return null
  const attributes = new Map<string, string>()
  for (const [, name, , double, single] of root.matchAll(
    /(?:^|\s)([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g,
  ))
    attributes.set(name!.toLowerCase(), double ?? single ?? '')
  const box = (attributes.get('viewbox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number)
  const [boxWidth, boxHeight] = box.length === 4 && box[2]! > 0 && box[3]! > 0 ? box.slice(2) : []
  let width = pixels(attributes.get('width'))
  let height = pixels(attributes.get('height'))
  if (boxWidth && boxHeight) {
    if (width && !height) height = (width * boxHeight) / boxWidth
    else if (height && !width) width = (height * boxWidth) / boxHeight
    else if (!width && !height) [width, height] = [boxWidth, boxHeight]
  }
  const size = width && height ? {width, height} : SVG_DEFAULT
  return {
    width: Math.max(1, Math.round(size.width)),
    height: Math.max(1, Math.round(size.height)),
    extension: 'svg',
    mimeType: 'image/svg+xml',
  }
}

/** Reads the size of a PNG, JPEG, GIF, WebP or SVG image, or null for anything else. */
export function imageInfo(data: Buffer): ImageInfo | null {
  return png(data) ?? jpeg(data) ?? gif(data) ?? webp(data) ?? svg(data)
}
