import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {statSync} from 'node:fs'

import {
  fingerprintImages,
  fingerprintsOfReads,
  mergeStamps,
  SETTLED_NS,
} from './imageFingerprints.ts'

/** A clock this far past the files just written: they have settled. */
const later = () => Date.now() + Number(SETTLED_NS / 1_000_000n) + 60_000

function folder() {
  return mkdtempSync(join(tmpdir(), 'image-fingerprints-'))
}

describe('fingerprintImages', () => {
  it('hashes the bytes of each image under its real path, and null for a missing one', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'a.png'), 'one')
    const first = await fingerprintImages([join(dir, 'a.png'), join(dir, 'gone.png')])
    expect(first.images[join(dir, 'a.png')]).toMatch(/ [0-9a-f]{40}$/)
    expect(first.images[join(dir, 'gone.png')]).toBeNull()
    writeFileSync(join(dir, 'a.png'), 'two')
    const second = await fingerprintImages([join(dir, 'a.png')])
    expect(second.images[join(dir, 'a.png')]).not.toBe(first.images[join(dir, 'a.png')])
  })

  it('takes an image’s recorded fingerprint without reading it while its stamp is the same, and reads it again once the file changed', async () => {
    const dir = folder()
    const path = join(dir, 'a.png')
    writeFileSync(path, 'one')
    const found = await fingerprintImages([path], {}, later)
    expect(Object.keys(found.stamps)).toEqual([path])
    // A fingerprint the file's bytes cannot have: it is returned only if the file is not read.
    const known = {images: {[path]: 'recorded'}, stamps: found.stamps}
    expect((await fingerprintImages([path], known, later)).images[path]).toBe('recorded')
    writeFileSync(path, 'two')
    const again = await fingerprintImages([path], known, later)
    expect(again.images[path]).not.toBe('recorded')
    expect(again.images[path]).not.toBe(found.images[path])
  })

  it('does not stamp an image changed within the last two seconds, which a coarse clock could change again unseen', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'a.png'), 'one')
    const found = await fingerprintImages([join(dir, 'a.png')])
    expect(found.images[join(dir, 'a.png')]).toMatch(/ [0-9a-f]{40}$/)
    expect(found.stamps).toEqual({})
  })

  it('takes the fingerprint of an image the sync read (stat’ed before it read it) without reading it again, unless it had not settled', async () => {
    const dir = folder()
    const path = join(dir, 'a.png')
    writeFileSync(path, 'one')
    // A hash the file's bytes cannot have: it comes back only if the file is not read.
    const reads = new Map([
      [path, {real: path, sha1: 'recorded', stats: statSync(path, {bigint: true})}],
    ])
    const known = fingerprintsOfReads(reads, later)
    expect(known.images[path]).toBe(`${path} recorded`)
    expect((await fingerprintImages([path], known, later)).images[path]).toBe(`${path} recorded`)
    // Just written: its times may not change on a second write, so it is read again.
    expect(fingerprintsOfReads(reads)).toEqual({images: {}, stamps: {}})
    expect((await fingerprintImages([path], fingerprintsOfReads(reads))).images[path]).toMatch(
      / [0-9a-f]{40}$/,
    )
  })

  it('lists the images in the order of the paths it is given, however the reads finish', async () => {
    const dir = folder()
    const paths = Array.from({length: 20}, (_, i) => join(dir, `${19 - i}.png`))
    paths.forEach((path, i) => writeFileSync(path, 'x'.repeat(i * 1000)))
    expect(Object.keys((await fingerprintImages(paths)).images)).toEqual(paths)
  })
})

describe('mergeStamps', () => {
  it('keeps the stamps of images not hashed again, replaces the others, and drops those hashed without one', () => {
    const previous = {'/a.png': 'a1', '/b.png': 'b1', '/c.png': 'c1'}
    const found = {images: {'/b.png': 'b', '/c.png': 'c'}, stamps: {'/b.png': 'b2'}}
    expect(mergeStamps(previous, found)).toEqual({'/a.png': 'a1', '/b.png': 'b2'})
  })
})
