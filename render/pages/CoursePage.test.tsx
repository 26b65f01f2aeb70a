import {describe, expect, it} from 'vitest'

import {renderFragment} from '../server.tsx'
import {CoursePage} from './CoursePage.tsx'

const link = <T extends string>(id: string, type: T, title: string) => ({
  _id: id,
  _type: type,
  title,
  emoji: null,
  slug: id,
  description: null,
})

describe('CoursePage', () => {
  it("renders the course page's own text above its outline in reading order", () => {
    const html = renderFragment(
      <CoursePage
        outline={{
          ...link('course-a', 'module', 'Foundations'),
          _type: 'course',
          titleHeading: false,
          body: [
            {
              _type: 'block',
              _key: 'b1',
              style: 'normal',
              markDefs: [],
              children: [{_type: 'span', _key: 's1', text: 'Welcome to the course.', marks: []}],
            },
          ],
          contents: [
            {...link('module-b', 'module', 'Second module'), lessons: []},
            {...link('lesson-c', 'lesson', 'A lesson in the course'), lessons: null},
          ],
        }}
      />,
    )
    expect(html).toContain('Welcome to the course.')
    expect(html.indexOf('Welcome to the course.')).toBeLessThan(html.indexOf('Second module'))
    expect(html.indexOf('Second module')).toBeLessThan(html.indexOf('A lesson in the course'))
  })

  it('gives the title the id its markdown H1 had, and counts it for the headings below', () => {
    const page = (titleHeading: boolean) =>
      renderFragment(
        <CoursePage
          outline={{
            ...link('course-a', 'module', 'Foundations'),
            _type: 'course',
            titleHeading,
            body: [
              {
                _type: 'block',
                _key: 'h',
                style: 'h2',
                markDefs: [],
                children: [{_type: 'span', _key: 's', text: 'Foundations', marks: []}],
              },
            ],
            contents: [],
          }}
        />,
      )
    expect(page(true)).toContain('<h1 id="foundations">Foundations</h1>')
    expect(page(true)).toContain('<h2 id="foundations-1">')
    expect(page(false)).toContain('<h1>Foundations</h1>')
    expect(page(false)).toContain('<h2 id="foundations">')
  })
})
