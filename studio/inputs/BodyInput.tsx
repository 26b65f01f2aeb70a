import type {ArrayOfObjectsInputProps} from 'sanity'

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

/** The body's Portable Text editor, tall and with every annotation button in the toolbar. */
export function BodyInput(props: ArrayOfObjectsInputProps) {
  return (
    // No wrapping element: the form lays its fields out in a grid that a wrapper would widen.
    <>
      <style>{css}</style>
      {props.renderDefault(props)}
    </>
  )
}
