/**
 * A request body as text, read with a hard byte limit while it streams in: a
 * body that announces more than the limit is refused before a byte is read,
 * and one that sends more is cut off (the stream is cancelled) as soon as it
 * passes the limit, so at most `max` bytes plus one chunk are ever held.
 */
export type Body = { ok: true; text: string } | { ok: false; status: 400 | 413; reason: string }

export const readBody = async (request: Request, max: number): Promise<Body> => {
  const tooLarge: Body = { ok: false, status: 413, reason: `body over ${max} bytes` }
  const length = request.headers.get('content-length')
  if (length !== null && /^\d+$/.test(length.trim()) && Number(length) > max) {
    await request.body?.cancel().catch(() => {})
    return tooLarge
  }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > max) {
        await reader.cancel().catch(() => {})
        return tooLarge
      }
      chunks.push(value)
    }
  } catch {
    return { ok: false, status: 400, reason: 'the body could not be read (connection cut?)' }
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const c of chunks) bytes.set(c, (at += c.byteLength) - c.byteLength)
  try {
    // Fatal: a record is JSON, which is UTF-8 (RFC 8259 §8.1); invalid bytes are a bad request, not U+FFFD in storage.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, status: 400, reason: 'body is not valid UTF-8' }
  }
}
