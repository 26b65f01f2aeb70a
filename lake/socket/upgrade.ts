import {createHash} from 'node:crypto'
import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'
import {stripVersion} from '../http/router.ts'
import type {LakeState} from '../state.ts'
import {decodeFrames, encodeFrame} from './frames.ts'

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const TEXT = 0x1
const CLOSE = 0x8
const PING = 0x9
const PONG = 0xa

type RpcRequest = {jsonrpc: string; id?: string | number; method?: string}

/**
 * The Studio's presence socket (`/socket/<dataset>`, JSON-RPC over WebSocket). With a single local
 * user there is nobody else to show, so it acknowledges every call and never pushes presence.
 */
export function handleUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  _head: Buffer,
  state: LakeState,
): void {
  const path = stripVersion(new URL(req.url ?? '/', 'http://localhost').pathname)
  const key = req.headers['sec-websocket-key']
  if (!/^\/socket\/[^/]+$/.test(path) || typeof key !== 'string') {
    state.unknownEndpoints.push({
      method: 'UPGRADE',
      path: req.url ?? '',
      at: new Date().toISOString(),
    })
    state.log(`404 unknown WebSocket endpoint: ${req.url}`)
    socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    return
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64')
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${accept}\r\n\r\n`,
  )
  let buffer: Buffer = Buffer.alloc(0)
  let subscriptions = 0
  const send = (message: unknown) =>
    socket.write(encodeFrame(TEXT, Buffer.from(JSON.stringify(message))))
  socket.on('data', (chunk: Buffer) => {
    const decoded = decodeFrames(Buffer.concat([buffer, chunk]))
    buffer = decoded.rest
    for (const {opcode, payload} of decoded.frames) {
      if (opcode === PING) socket.write(encodeFrame(PONG, payload))
      else if (opcode === CLOSE) socket.end(encodeFrame(CLOSE, payload.subarray(0, 2)))
      else if (opcode === TEXT) {
        const request = parseRequest(payload)
        if (request?.id === undefined) continue
        const result = request.method?.endsWith('_subscribe') ? `sub-${++subscriptions}` : null
        send({jsonrpc: '2.0', id: request.id, result})
      }
    }
  })
  socket.on('error', () => socket.destroy())
}

function parseRequest(payload: Buffer): RpcRequest | null {
  try {
    return JSON.parse(payload.toString('utf8')) as RpcRequest
  } catch {
    return null
  }
}
