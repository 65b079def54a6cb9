/**
 * The fetch handler on Node's http server: the request body streams in (read
 * only as fast as the service asks for it) and the response body streams out
 * with backpressure, so neither a huge upload nor a million-record export is
 * held in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RecordsService } from './service.js'

/** A Web ReadableStream over the request body that pauses Node's stream while the reader is not reading. */
const bodyOf = (req: IncomingMessage): ReadableStream<Uint8Array> => {
  let cancelled = false
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // After a cancel, Node may still deliver what it had queued (an 'end' already on its way): a closed
        // controller throws on enqueue or close, and thrown from an event handler that would end the process.
        req.on('data', (chunk: Buffer) => {
          if (cancelled) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        req.once('end', () => cancelled || controller.close())
        req.once('error', (e) => cancelled || controller.error(e))
        req.pause()
      },
      pull() {
        req.resume()
      },
      cancel() {
        cancelled = true
        // Read no more of it; the connection closes after the answer (see below).
        req.pause()
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  )
}

/** The request's URL: its path on `http://<Host>`, or on localhost when the Host header is not a host. */
const urlOf = (req: IncomingMessage): string => {
  const path = req.url?.startsWith('/') ? req.url : '/'
  try {
    return new URL(path, `http://${req.headers.host ?? 'localhost'}`).href
  } catch {
    return new URL(path, 'http://localhost').href
  }
}

/**
 * Writes `body` to `res`, waiting for 'drain' when the client reads slowly; stops (and cancels the body) when it goes away.
 * No promise here outlives one chunk: racing each read against one long-lived "closed" promise made that promise keep
 * a reaction per read, and with it every chunk sent — an export's whole body in memory by its end.
 */
const pipe = async (body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> => {
  const reader = body.getReader()
  let closed = false
  // A pending read then ends at once ({ done: true }), and the body's cancel releases the store's reading.
  const onClose = () => ((closed = true), void reader.cancel().catch(() => {}))
  res.once('close', onClose)
  const drained = () =>
    new Promise<void>((ok) => {
      const go = () => (res.off('drain', go), res.off('close', go), ok())
      res.once('drain', go)
      res.once('close', go)
    })
  try {
    for (;;) {
      const next = await reader.read()
      if (closed) return
      if (next.done) return void res.end()
      if (!res.write(next.value)) await drained()
    }
  } catch {
    // The body failed mid-way (the store went away during an export): cut the response, so the client sees it incomplete.
    if (!closed) res.destroy()
  } finally {
    res.off('close', onClose)
  }
}

/**
 * A `node:http` request listener for the service. The client's address
 * (`req.socket.remoteAddress`) is passed on for the rate limit only.
 * @example createServer(nodeListener(createRecordsService())).listen(8787, '127.0.0.1')
 */
export const nodeListener = (service: RecordsService) => async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const aborted = new AbortController()
  res.once('close', () => aborted.abort())
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!
    // HTTP/2 pseudo-headers and anything Fetch refuses as a name are not the service's business.
    try {
      if (!name.startsWith(':')) headers.append(name, req.rawHeaders[i + 1]!)
    } catch {
      // Skipped.
    }
  }
  const method = req.method ?? 'GET'
  const hasBody = method != 'GET' && method != 'HEAD'
  let response: Response
  try {
    const request = new Request(urlOf(req), { method, headers, signal: aborted.signal, ...(hasBody ? { body: bodyOf(req), duplex: 'half' } : {}) } as RequestInit)
    response = await service.fetch(request, { remoteAddress: req.socket.remoteAddress })
  } catch {
    // Only a request Fetch cannot represent gets here (a method name it refuses).
    response = new Response('{"error":"bad request"}', { status: 400, headers: { 'content-type': 'application/json; charset=utf-8' } })
  }
  if (res.destroyed) return void response.body?.cancel().catch(() => {})
  const out: Record<string, string> = {}
  response.headers.forEach((v, k) => (out[k] = v))
  // A body left unread (refused: too large, wrong type, rate limited) is not drained: the connection closes after the answer.
  if (hasBody && !req.complete) out.connection = 'close'
  res.writeHead(response.status, out)
  if (!response.body || method == 'HEAD') return void res.end()
  await pipe(response.body, res)
}
