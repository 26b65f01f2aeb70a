import {X509Certificate} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** A PEM certificate and private key. */
export type Certificate = {cert: string; key: string}

/**
 * The lake's self-signed certificate for `localhost`, `*.localhost`, `<projectId>.localhost` (the
 * host the Studio calls; Node does not accept the wildcard for it) and 127.0.0.1, generated into
 * `dir` on first use and again when the project id changes.
 */
export async function loadCertificate(dir: string, projectId: string): Promise<Certificate> {
  const certFile = join(dir, 'cert.pem')
  const keyFile = join(dir, 'key.pem')
  const projectHost = `${projectId}.localhost`
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8')
    const names = new X509Certificate(cert).subjectAltName ?? ''
    if (names.includes(`DNS:${projectHost}`)) return {cert, key: readFileSync(keyFile, 'utf8')}
  }
  const notAfterDate = new Date()
  notAfterDate.setFullYear(notAfterDate.getFullYear() + 2)
  // Loaded only here: most starts find the certificate on disk, and the module takes ~75 ms.
  const {generate} = await import('selfsigned')
  const pems = await generate([{name: 'commonName', value: 'localhost'}], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      {name: 'basicConstraints', cA: false},
      {name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
      {name: 'extKeyUsage', serverAuth: true},
      {
        name: 'subjectAltName',
        altNames: [
          {type: 2, value: 'localhost'},
          {type: 2, value: '*.localhost'},
          {type: 2, value: projectHost},
          {type: 7, ip: '127.0.0.1'},
        ],
      },
    ],
  })
  mkdirSync(dir, {recursive: true})
  writeFileSync(keyFile, pems.private, {mode: 0o600})
  writeFileSync(certFile, pems.cert)
  return {cert: pems.cert, key: pems.private}
}
