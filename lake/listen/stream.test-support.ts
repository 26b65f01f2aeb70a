/** An event stream read as text until a condition holds on everything received so far. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(url, {headers, signal: controller.signal})
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  return {
    async until(done: (text: string) => boolean): Promise<string> {
      while (!done(text)) {
        const {value, done: ended} = await reader.read()
        if (ended) throw new Error(`The stream ended before the condition held:\n${text}`)
        text += value
      }
      return text
    },
    close: () => controller.abort(),
  }
}
