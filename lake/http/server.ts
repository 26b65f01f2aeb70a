import {createServer as createHttpServer, type IncomingMessage} from 'node:http'
import {createSecureServer, type ServerHttp2Session} from 'node:http2'
import {createServer as createNetServer, type Server, type Socket} from 'node:net'
import type {Duplex} from 'node:stream'
import type {TLSSocket} from 'node:tls'
import type {Certificate} from '../cert.ts'
import {DEFAULT_CONNECTION_LIMITS, Deadlines, type ConnectionLimits} from './deadlines.ts'
import type {Request, Response} from './respond.ts'

type Handler = (req: Request, res: Response) => void
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

/** A listening lake server and a way to stop it with every open stream. */
export type LakeServer = {port: number; close: () => Promise<void>}

const TLS_HANDSHAKE = 0x16
/**
 * The Studio's presence socket carries no traffic while one user works alone (the lake never
 * pushes presence and the client does not ping), so upgraded sockets get Sanity's 30-minute
 * listener lifetime rather than the idle timeout; the Studio reconnects after it.
 */
const UPGRADED_IDLE_MS = 30 * 60_000

/** Destroys a socket that stays silent for `ms`. */
function closeWhenIdle(socket: Socket | TLSSocket | Duplex, ms: number): void {
  const timed = socket as Socket
  timed.setTimeout(ms)
  timed.once('timeout', () => timed.destroy())
}

/**
 * Listens on one port for both HTTPS (HTTP/2, or HTTP/1.1 by ALPN) and plain HTTP/1.1: the first
 * byte of each connection tells a TLS handshake from a plain request. Browsers use HTTPS; Node
 * clients can use `http://127.0.0.1:<port>` without trusting the self-signed certificate. Every
 * connection has a deadline for its request head and is closed when idle (`limits`), because
 * Node's own header timeouts do not apply to connections handed over with `emit('connection')`.
 */
export async function listen(options: {
  host: string
  port: number
  certificate: Certificate
  handler: Handler
  upgrade: UpgradeHandler
  limits?: Partial<ConnectionLimits>
}): Promise<LakeServer> {
  const limits = {...DEFAULT_CONNECTION_LIMITS, ...options.limits}
  const heads = new Deadlines(limits.headersTimeoutMs)
  const bodies = new Deadlines(limits.requestTimeoutMs)
  const onRequest: Handler = (req, res) => {
    if (req.httpVersionMajor === 1) {
      // HTTP/1.1 carries one request at a time: the next head is due after this response.
      const socket = req.socket
      heads.clear(socket)
      res.once('finish', () => heads.arm(socket))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      bodies.arm(req)
      const done = () => bodies.clear(req)
      req.once('end', done)
      res.once('close', done)
    }
    options.handler(req, res)
  }
  const onUpgrade: UpgradeHandler = (req, socket, head) => {
    heads.clear(socket)
    closeWhenIdle(socket, UPGRADED_IDLE_MS)
    options.upgrade(req, socket, head)
  }
  const secure = createSecureServer(
    {...options.certificate, allowHTTP1: true, handshakeTimeout: limits.headersTimeoutMs},
    onRequest,
  )
  const plain = createHttpServer(onRequest)
  // Node resets a kept-alive socket's timeout to `server.timeout` between requests.
  plain.timeout = limits.idleTimeoutMs
  secure.on('upgrade', onUpgrade)
  plain.on('upgrade', onUpgrade)
  secure.on('tlsClientError', (_error, socket) => socket.destroy())
  secure.on('secureConnection', (socket: TLSSocket) => {
    if (socket.alpnProtocol === 'h2') return
    heads.arm(socket)
    closeWhenIdle(socket, limits.idleTimeoutMs)
  })
  secure.on('session', (session: ServerHttp2Session) => {
    heads.arm(session)
    session.once('stream', () => heads.clear(session))
    // No frame at all (not even a listener's keep-alive) for this long: the peer is gone.
    session.setTimeout(limits.idleTimeoutMs, () => session.destroy())
  })
  const sockets = new Set<Socket>()
  const server: Server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    heads.arm(socket)
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null
      if (!first) return
      socket.unshift(first)
      if (first[0] === TLS_HANDSHAKE) {
        // From here the TLS handshake timeout, then the session or TLS socket deadlines apply.
        heads.clear(socket)
        secure.emit('connection', socket)
      } else {
        closeWhenIdle(socket, limits.idleTimeoutMs)
        plain.emit('connection', socket)
      }
    })
  })
  server.maxConnections = limits.maxConnections
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
