import {LABEL_COLORS} from '../schemas/constants.ts'

/** The background of each label colour just-the-docs draws; a bare `.label`, or another, is blue. */
export const LABEL_BACKGROUNDS: Record<(typeof LABEL_COLORS)[number], string> = {
  blue: '#2869e6',
  green: '#026e57',
  purple: '#5e41d0',
  red: '#dd2e2e',
  yellow: '#f7d12e',
}

/** The text colour on a label of `color`: dark on yellow, white elsewhere. */
export const labelTextColor = (color: string): string => (color === 'yellow' ? '#44434d' : '#fff')
