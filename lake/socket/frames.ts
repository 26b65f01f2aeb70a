/** A decoded WebSocket frame. */
export type Frame = {opcode: number; payload: Buffer}

/** Decodes the complete frames at the start of `buffer`; returns them and the unused rest. */
export function decodeFrames(buffer: Buffer): {frames: Frame[]; rest: Buffer} {
  const frames: Frame[] = []
  let offset = 0
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset] & 0x0f
    const masked = (buffer[offset + 1] & 0x80) !== 0
    let length = buffer[offset + 1] & 0x7f
    let header = 2
    if (length === 126) {
      if (buffer.length - offset < 4) break
      length = buffer.readUInt16BE(offset + 2)
      header = 4
    } else if (length === 127) {
      if (buffer.length - offset < 10) break
      length = Number(buffer.readBigUInt64BE(offset + 2))
      header = 10
    }
    const maskLength = masked ? 4 : 0
    if (buffer.length - offset < header + maskLength + length) break
    const mask = buffer.subarray(offset + header, offset + header + maskLength)
    const payload = Buffer.from(
      buffer.subarray(offset + header + maskLength, offset + header + maskLength + length),
    )
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4]
    frames.push({opcode, payload})
    offset += header + maskLength + length
  }
  return {frames, rest: buffer.subarray(offset)}
}

/** Encodes one unmasked, final frame (servers never mask). */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length
  let header: Buffer
  if (length < 126) {
    header = Buffer.from([0x80 | opcode, length])
  } else if (length < 0x10000) {
    header = Buffer.alloc(4)
    header[1] = 126
    header.writeUInt16BE(length, 2)
  } else {
    header = Buffer.alloc(10)
    header[1] = 127
    header.writeBigUInt64BE(BigInt(length), 2)
  }
  header[0] = 0x80 | opcode
  return Buffer.concat([header, payload])
}
