/**
 * A document's JSON, written once between the write check (its size in bytes) and the row that
 * stores it: documents are not changed once a transaction has made them, and the text goes with
 * the document.
 */
const texts = new WeakMap<object, string>()

export function documentJson(doc: object): string {
  let text = texts.get(doc)
  if (text === undefined) texts.set(doc, (text = JSON.stringify(doc)))
  return text
}
