import {describe, expect, it} from 'vitest'

import {parseTable} from './liquidSite.ts'

describe('parseTable', () => {
  it('reads an empty field as nil, as Ruby reads the CSV Jekyll gives Liquid, a quoted one as empty text, a blank line as a row of nils', () => {
    const csv = 'Name,Mailing List,Chat\nACES,,"#aces"\nOCIO,"",\n\nUSD\n'
    expect(parseTable(csv, ',')).toEqual([
      {Name: 'ACES', 'Mailing List': null, Chat: '#aces'},
      {Name: 'OCIO', 'Mailing List': '', Chat: null},
      {Name: null, 'Mailing List': null, Chat: null},
      {Name: 'USD', 'Mailing List': null, Chat: null},
    ])
  })

  it('reads quoted separators, quotes and line breaks as text, tab-separated files too', () => {
    expect(parseTable('a,b\n"x, ""y""","1\n2"\n', ',')).toEqual([{a: 'x, "y"', b: '1\n2'}])
    expect(parseTable('a\tb\nx\t\n', '\t')).toEqual([{a: 'x', b: null}])
  })
})
