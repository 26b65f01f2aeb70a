import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {headingId} from '../headings.ts'
import {RichText} from '../RichText.tsx'
import type {BodyItemOf} from '../types.ts'

/** An area heading with its intro, then each responsibility as "**Name**: description". */
export function ResponsibilitySectionBlock({
  value,
}: PortableTextTypeComponentProps<BodyItemOf<'responsibilitySection'>>) {
  const {area} = value
  const heading = area ? [area.title, area.emoji].filter(Boolean).join(' ') : null
  const responsibilities = (value.responsibilities ?? []).filter((item) => item !== null)
  return (
    <section className="responsibility-section">
      {heading && <h2 id={headingId(heading)}>{heading}</h2>}
      <RichText value={area?.intro} />
      <ul className="responsibilities">
        {responsibilities.map((responsibility) => (
          <li key={responsibility._id} className="responsibility">
            <strong>{responsibility.name}</strong>
            {responsibility.description?.length ? ': ' : null}
            <RichText value={responsibility.description} inline />
          </li>
        ))}
      </ul>
    </section>
  )
}
