/**
 * How frames on other origins reach the CMP (GPP CMP API §"From within an
 * iframe", USP API §"Iframe"): the page holds a named, hidden, empty
 * "locator" iframe that tells a frame which ancestor window has the API, and
 * that window answers `postMessage` calls. Messages come as objects or as
 * JSON strings; the reply takes the same form, to the frame that asked.
 * Shared by the stubs and the real APIs.
 */

/** Adds the hidden locator iframe `name` once, when the body exists. */
export const locator = (name: string): void => {
  if ((window.frames as unknown as Record<string, unknown>)[name]) return
  if (!document.body) return void addEventListener('DOMContentLoaded', () => locator(name), { once: true })
  const f = document.createElement('iframe')
  f.name = f.title = name
  f.hidden = true
  f.setAttribute('aria-hidden', 'true')
  f.tabIndex = -1
  document.body.append(f)
}

type Reply = (returnValue: unknown, success: boolean) => void

/** A JSON message longer than this is not parsed: a real call is a few hundred characters. */
export const MAX_MESSAGE = 1e5

/**
 * At most this many calls wait in a stub's queue, and this many GPP
 * listeners are kept (stub or CMP): a page or frame spamming calls cannot
 * grow memory without limit. Past it a call is answered at once with `null`
 * and `false`, and a registration with `listenerRegistered` `data: false`,
 * `listenerId: 0` (the spec's failed registration).
 */
export const MAX_KEPT = 1000

/**
 * Answers `{ [call]: { command, parameter, version, callId } }` messages with
 * `{ [ret]: { returnValue, success, callId } }`, the same `callId` back. The
 * spec's `callId` is a string or a number; a call with any other (an object, a
 * function) is ignored, as is anything else — other messages, malformed or
 * huge JSON, getters that throw. Nothing thrown here or by a reply that cannot
 * be sent (a frame gone, a value that cannot be cloned) reaches the page.
 * Returns a function that stops listening.
 */
export const answerFrames = (call: string, ret: string, handle: (c: Record<string, unknown>, reply: Reply) => void): (() => void) => {
  const onMessage = (e: MessageEvent) => {
    try {
      const text = typeof e.data == 'string'
      if (text && e.data.length > MAX_MESSAGE) return
      const data: unknown = text ? JSON.parse(e.data) : e.data
      const c = data && typeof data == 'object' ? (data as Record<string, unknown>)[call] : null
      const source = e.source as Window | null
      if (!c || typeof c != 'object' || !source) return
      const callId = (c as { callId?: unknown }).callId
      if (callId != null && typeof callId != 'string' && typeof callId != 'number') return
      handle(c as Record<string, unknown>, (returnValue, success) => {
        const msg = { [ret]: { returnValue, success, callId } }
        try {
          source.postMessage(text ? JSON.stringify(msg) : msg, '*')
        } catch {
          // The frame went away, or the source is not a window: nobody to answer.
        }
      })
    } catch {
      // Outside input that is not a call counts as no call.
    }
  }
  addEventListener('message', onMessage)
  return () => removeEventListener('message', onMessage)
}

/**
 * Calls an outside callback with an answer: a callback that throws is that
 * caller's problem, reported to the console, and never stops the CMP or the
 * other callers.
 */
export const answer = (cb: (...a: any[]) => unknown, data: unknown, success: boolean): void => {
  try {
    cb(data, success)
  } catch (e) {
    console.error(e)
  }
}
