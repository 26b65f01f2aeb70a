import {loadCertificate} from './cert.ts'
import {createHandler} from './http/handler.ts'
import {isLoopbackHostname, requestHostname} from './http/host.ts'
import {listen} from './http/server.ts'
import {openLake, type LakeOptions, type OpenLake} from './open.ts'
import {routes} from './routes/index.ts'
import {removeRunningLake, writeRunningLake} from './server-info.ts'
import {handleUpgrade} from './socket/upgrade.ts'
import type {LakeState, UnknownEndpoint} from './state.ts'

export type {LakeOptions} from './open.ts'

/** A running lake. */
export type Lake = {
  /** HTTPS (HTTP/2) base URL, for clients that want HTTP/2 (self-signed certificate). */
  url: string
  /**
   * The `apiHost` a Studio build is pointed at: `http://localhost:<port>`, plain HTTP so the
   * browser shows no certificate warning (`http://localhost` is a secure context).
   */
  apiHost: string
  /** Where the editor opens the Studio: `http://localhost:<port>` when the lake serves it. */
  studioUrl: string
  /** Plain HTTP/1.1 on the same port, for Node clients that do not trust the certificate. */
  httpUrl: string
  port: number
  projectId: string
  token: string
  dir: string
  unknownEndpoints: UnknownEndpoint[]
  state: LakeState
  /** Creates a one-time login id: `<studio>/#sid=<id>` logs the Studio in without the token. */
  createLoginSession: () => string
  /** A one-time URL on the lake (plain HTTP) that sends the browser to the Studio logged in. */
  loginUrl: () => string
  close: () => Promise<void>
}

/**
 * Starts the local Content Lake: {@link openLake} and {@link serveLake}. Throws `LakeBusyError`
 * when another lake runs from the same folder, and `LakeFolderError` when the lake or data
 * folder is not writable.
 */
export async function startLake(options: LakeOptions = {}): Promise<Lake> {
  const opened = await openLake(options)
  try {
    return await serveLake(opened, options)
  } catch (error) {
    await opened.close()
    throw error
  }
}

/**
 * Serves an open lake over HTTP/1.1 and HTTP/2 on one port and records it in `server.json`, so
 * other processes (a query, the Studio) use it. Its `close()` stops the server and then closes
 * the lake. Only `host`, `port` and `connections` of the options are read here: the rest are
 * the opening's.
 */
export async function serveLake(opened: OpenLake, options: LakeOptions = {}): Promise<Lake> {
  const {dir, projectId, token, state} = opened
  const certificate = await loadCertificate(dir, projectId)
  const host = options.host ?? '127.0.0.1'
  const server = await listen({
    host,
    port: options.port ?? 0,
    certificate,
    handler: createHandler(routes, state),
    limits: options.connections,
    upgrade: (req, socket, head) => {
      // The presence socket answers the same host names as the API (no DNS rebinding).
      if (isLoopbackHostname(requestHostname(req))) return handleUpgrade(req, socket, head, state)
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    },
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error
    throw new Error(
      `Cannot listen on ${host}:${options.port}: the port is in use, expected a free port (--port)`,
      {cause: error},
    )
  })
  const url = `https://localhost:${server.port}`
  state.publicUrl = url
  state.origins.add(url)
  if (state.studioDir) {
    // The Studio's page, its API calls (`<projectId>.localhost`) and its images share the port.
    state.studioUrl = `http://localhost:${server.port}`
    state.origins.add(state.studioUrl)
  }
  const httpUrl = `http://127.0.0.1:${server.port}`
  writeRunningLake(dir, {pid: process.pid, port: server.port, url, httpUrl, projectId})
  let closed = false
  return {
    url,
    apiHost: `http://localhost:${server.port}`,
    httpUrl,
    studioUrl: state.studioUrl,
    port: server.port,
    projectId,
    token,
    dir,
    unknownEndpoints: state.unknownEndpoints,
    state,
    createLoginSession() {
      const sid = randomSession()
      state.sessions.add(sid)
      return sid
    },
    loginUrl() {
      const sid = randomSession()
      state.sessions.add(sid)
      // Plain HTTP: no certificate to accept. A Studio the lake serves logs in on its own origin.
      if (state.studioDir) return `${state.studioUrl}/login?sid=${sid}`
      return `http://${projectId}.localhost:${server.port}/login?sid=${sid}`
    },
    async close() {
      if (closed) return
      closed = true
      await server.close()
      removeRunningLake(dir)
      await opened.close()
    },
  }
}

function randomSession(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('hex')
}
