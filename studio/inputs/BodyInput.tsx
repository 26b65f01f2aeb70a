import {useCallback, useEffect, useState} from 'react'
import {flushSync} from 'react-dom'
import type {PortableTextInputProps} from 'sanity'

/**
 * Sanity's toolbar gives the formatting buttons and the insert buttons half the width each, so on
 * a form pane ~600 px wide Link and Internal link fall into the overflow menu; three quarters
 * keeps them visible (the insert menu collapses into its own menu instead). The editor is also
 * opened tall, since the body is what an editor works on.
 */
const css = `
[data-testid="field-body"] [data-testid="pt-editor"] { min-height: 36rem; }
[data-testid="field-body"] [data-testid="pt-editor__toolbar-card"] [data-ui="Box"]:has(> [data-testid="action-menu-auto-collapse-menu"]) { flex: 3 1 0%; min-width: 0; }
`

/**
 * Until the toolbar is drawn, an empty strip of its height and edge holds its place, so the text
 * does not move under the pointer when it appears.
 */
const placeholderCss = `
[data-testid="field-body"] [data-testid="pt-editor"]::before { content: ""; display: block; flex: none; height: 33px; box-shadow: 0 0 0 0.5px var(--card-shadow-outline-color, rgba(114, 120, 146, 0.3)); }
`

/**
 * The body's Portable Text editor, tall and with every annotation button in the toolbar. The
 * toolbar (two thirds of a lesson form's elements) is drawn after the rest of the form, when the
 * page is next idle or at once when the editor points at or focuses the body, so a reload shows
 * the text, editable, without waiting for it.
 */
export function BodyInput(props: PortableTextInputProps) {
  const [toolbar, setToolbar] = useState(false)
  const showToolbar = useCallback(() => setToolbar(true), [])
  // A click or a focus before then draws it at once, before the caret lands: the editor re-drawn
  // while the caret moves can put the caret back where it last saw it.
  const showToolbarNow = useCallback(() => flushSync(() => setToolbar(true)), [])
  // Otherwise once the form is on screen and the page has nothing else to do.
  useEffect(() => {
    if (toolbar) return undefined
    const idle = requestIdleCallback(showToolbar, {timeout: 10_000})
    return () => cancelIdleCallback(idle)
  }, [toolbar, showToolbar])
  return (
    // `display: contents` adds no box: the form lays its fields out in a grid a wrapper would widen.
    <div
      data-testid="body-input"
      style={{display: 'contents'}}
      onPointerEnter={showToolbar}
      onPointerDownCapture={toolbar ? undefined : showToolbarNow}
      onFocusCapture={toolbar ? undefined : showToolbarNow}
      onDragEnter={showToolbar}
    >
      <style>{toolbar ? css : css + placeholderCss}</style>
      {props.renderDefault({...props, hideToolbar: !toolbar})}
    </div>
  )
}
