/** A thematic break. */
export function DividerBlock() {
  return <hr />
}
