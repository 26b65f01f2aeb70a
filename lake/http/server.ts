import {createServer as createHttpServer, type IncomingMessage} from 'node:http'
import {createSecureServer} from 'node:http2'
import {createServer as createNetServer, type Server, type Socket} from 'node:net'
import type {Duplex} from 'node:stream'
import type {Certificate} from '../cert.ts'
import type {Request, Response} from './respond.ts'

type Handler = (req: Request, res: Response) => void
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

/** A listening lake server and a way to stop it with every open stream. */
export type LakeServer = {port: number; close: () => Promise<void>}

const TLS_HANDSHAKE = 0x16

/**
 * Listens on one port for both HTTPS (HTTP/2, or HTTP/1.1 by ALPN) and plain HTTP/1.1: the first
 * byte of each connection tells a TLS handshake from a plain request. Browsers use HTTPS; Node
 * clients can use `http://127.0.0.1:<port>` without trusting the self-signed certificate.
 */
export async function listen(options: {
  host: string
  port: number
  certificate: Certificate
  handler: Handler
  upgrade: UpgradeHandler
}): Promise<LakeServer> {
  const secure = createSecureServer({...options.certificate, allowHTTP1: true}, options.handler)
  const plain = createHttpServer(options.handler)
  secure.on('upgrade', options.upgrade)
  plain.on('upgrade', options.upgrade)
  const sockets = new Set<Socket>()
  const server: Server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null
      if (!first) return
      socket.unshift(first)
      if (first[0] === TLS_HANDSHAKE) secure.emit('connection', socket)
      else plain.emit('connection', socket)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        secure.close()
        plain.close()
        for (const socket of sockets) socket.destroy()
      }),
  }
}
