import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'
import type {LakeState} from '../state.ts'

/** Answers WebSocket upgrades; only the presence socket `/socket/<dataset>` is known. */
export function handleUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  _head: Buffer,
  state: LakeState,
): void {
  state.log(`refused upgrade ${req.url}`)
  socket.destroy()
}
