import {describe, expect, it} from 'vitest'

import {responsibilityArea} from './responsibilityArea.ts'

describe('the responsibility area preview', () => {
  it("shows the intro's plain text as the subtitle, blocks joined by spaces", () => {
    const intro = [
      {
        _type: 'block',
        children: [
          {_type: 'span', text: 'Plans are '},
          {_type: 'span', text: 'never final', marks: ['strong']},
        ],
      },
      {_type: 'block', children: [{_type: 'span', text: 'Second paragraph.'}]},
    ]
    const preview = responsibilityArea.preview?.prepare?.({title: 'Planning', emoji: '🧭', intro})
    expect(preview).toEqual({
      title: 'Planning 🧭',
      subtitle: 'Plans are never final Second paragraph.',
    })
  })

  it('shows no subtitle text for an area without an intro', () => {
    const preview = responsibilityArea.preview?.prepare?.({
      title: 'Planning',
      emoji: undefined,
      intro: undefined,
    })
    expect(preview?.subtitle).toBe('')
  })
})
