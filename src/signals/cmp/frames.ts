/**
 * How frames on other origins reach the CMP (GPP CMP API §"From within an
 * iframe", USP API §"Iframe"): the page holds a named, hidden, empty
 * "locator" iframe that tells a frame which ancestor window has the API, and
 * that window answers `postMessage` calls. Messages come as objects or as
 * JSON strings; the reply takes the same form, to the frame that asked.
 */

/** Adds the hidden locator iframe `name` once, when the body exists. */
export const locator = (name: string): void => {
  if ((window.frames as unknown as Record<string, unknown>)[name]) return
  if (!document.body) return void addEventListener('DOMContentLoaded', () => locator(name), { once: true })
  const f = document.createElement('iframe')
  f.name = name
  f.title = name
  f.hidden = true
  f.setAttribute('aria-hidden', 'true')
  f.tabIndex = -1
  document.body.append(f)
}

type Reply = (returnValue: unknown, success: boolean) => void

/**
 * Answers `{ [call]: { command, parameter, version, callId } }` messages with
 * `{ [ret]: { returnValue, success, callId } }`. Anything else — other
 * messages, malformed JSON, calls without an object — is ignored, never thrown
 * on. Returns a function that stops listening.
 */
export const answerFrames = (call: string, ret: string, handle: (c: Record<string, unknown>, reply: Reply) => void): (() => void) => {
  const onMessage = (e: MessageEvent) => {
    const text = typeof e.data == 'string'
    let data: unknown
    try {
      data = text ? JSON.parse(e.data) : e.data
    } catch {
      return
    }
    const c = data && typeof data == 'object' ? (data as Record<string, unknown>)[call] : null
    if (!c || typeof c != 'object' || !e.source) return
    const callId = (c as { callId?: unknown }).callId
    handle(c as Record<string, unknown>, (returnValue, success) => {
      const msg = { [ret]: { returnValue, success, callId } }
      ;(e.source as Window).postMessage(text ? JSON.stringify(msg) : msg, '*')
    })
  }
  addEventListener('message', onMessage)
  return () => removeEventListener('message', onMessage)
}
