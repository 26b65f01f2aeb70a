import {describe, expect, it} from 'vitest'

import {droppedStyleMessage, readStyle, styleDecorators} from './style.ts'

describe('styleDecorators', () => {
  it('keeps the bold, italic and struck-through text a style shows, as decorators', () => {
    expect(styleDecorators('color:red; font-weight: bold;')).toEqual({
      marks: ['strong'],
      dropped: ['color: red'],
    })
    expect(styleDecorators('FONT-WEIGHT:700 !important;font-style:oblique 10deg')).toEqual({
      marks: ['strong', 'em'],
      dropped: [],
    })
    expect(styleDecorators('text-decoration: red wavy line-through').marks).toEqual([
      'strike-through',
    ])
  })

  it('reads plain weights and styles as plain text, and drops what only styles the text', () => {
    expect(styleDecorators('font-weight: 400; font-style: normal; text-decoration: none')).toEqual({
      marks: [],
      dropped: [],
    })
    expect(styleDecorators('color:#f77729; font-size: 2em; text-decoration: underline')).toEqual({
      marks: [],
      dropped: ['color: #f77729', 'font-size: 2em', 'text-decoration: underline'],
    })
  })

  it('says which declarations were dropped, and nothing when none was', () => {
    expect(droppedStyleMessage('span', ['color: red'])).toBe(
      'Dropped the style "color: red" of <span>: it only styles the text, which is kept.',
    )
    expect(droppedStyleMessage('div', ['margin: 0'], 'block')).toMatch(/styles the block/)
    expect(droppedStyleMessage('span', [])).toBeUndefined()
  })

  it('keeps no decorator of a block’s style and reports every declaration dropped', () => {
    expect(readStyle('span', 'font-weight: bold; color: red')).toEqual({
      marks: ['strong'],
      message: 'Dropped the style "color: red" of <span>: it only styles the text, which is kept.',
    })
    expect(readStyle('div', 'font-weight: bold; color: red', 'block')).toEqual({
      marks: [],
      message:
        'Dropped the style "font-weight: bold; color: red" of <div>: it only styles the block, whose content is kept.',
    })
    expect(readStyle('span', 'font-style: italic')).toEqual({marks: ['em']})
  })
})
