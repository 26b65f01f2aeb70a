import {describe, expect, it} from 'vitest'
import {spacesEscaped, spacesUnescaped} from './uri.ts'

describe('spacesUnescaped', () => {
  it('turns back exactly what spacesEscaped wrote', () => {
    for (const written of [
      'htc vive/lab2/8.png',
      'Screenshot 2024-01-02 at 3.04.05\u202fPM.png',
      'a\u00a0b.png',
      'plain.png',
    ]) {
      expect(spacesUnescaped(spacesEscaped(written))).toBe(written)
    }
  })

  it('keeps every other escape as the page wrote it', () => {
    expect(spacesUnescaped('notes%23draft%20one.png')).toBe('notes%23draft one.png')
    expect(spacesUnescaped('caf%C3%A9%E2%80%94x.png')).toBe('caf%C3%A9%E2%80%94x.png')
    expect(spacesUnescaped('bad%zz%20%E2.png')).toBe('bad%zz %E2.png')
  })
})
