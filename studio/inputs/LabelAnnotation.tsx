import type {BlockAnnotationProps} from 'sanity'

import {labelColor} from '../../schemas/constants.ts'
import {LABEL_BACKGROUNDS, labelTextColor} from '../../render/labelColors.ts'

/**
 * The editor draws an annotation's text on its own background: inside a badge, the badge's shows.
 * One stylesheet for every label (React puts a `<style>` with an `href` in the page once).
 */
const BADGE_TEXT = '[data-label-color] span { background-color: transparent; color: inherit; }'

/**
 * A label's text in the body editor drawn as the badge readers see (its colour, white text), so
 * an editor tells a label from plain text; everything else about the annotation is Sanity's.
 */
export function LabelAnnotation(props: BlockAnnotationProps) {
  const named = labelColor((props.value as {color?: unknown} | undefined)?.color) ?? 'blue'
  const background =
    LABEL_BACKGROUNDS[named as keyof typeof LABEL_BACKGROUNDS] ?? LABEL_BACKGROUNDS.blue
  return (
    <span
      data-label-color={named}
      style={{
        background,
        color: labelTextColor(named),
        borderRadius: 12,
        padding: '0 0.4em',
      }}
    >
      <style href="label-annotation" precedence="default">
        {BADGE_TEXT}
      </style>
      {props.renderDefault(props)}
    </span>
  )
}
