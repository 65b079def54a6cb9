/**
 * Blocking in markup: elements that wait for consent carry it in data-
 * attributes, and are brought to life when it is given.
 *
 *   <script type="text/plain" data-consent="analytics" [data-service="posthog"] src="…">
 *   <iframe data-consent="marketing" data-service="youtube" data-src="…">
 *   <img data-consent="analytics" data-src="…">, <video>, <audio>, <source>, <link data-href="…">
 *
 * `data-category` (vanilla-cookieconsent's name) works as well as
 * `data-consent`; `data-consent="!analytics"` marks what runs on refusal or
 * withdrawal instead. A browser neither runs nor fetches a script whose type
 * it does not know (HTML §4.12.1.1), nor an element with no `src`.
 */
const WAITING = ':is([data-consent],[data-category]):not([data-consentry-done])'
/** Attributes that describe the waiting, not the element: not copied to the script that runs. */
const OURS = /^(type|src|data-consent|data-category|data-service|data-type|data-src|data-consentry-done)$/

/**
 * Whether `el`'s condition holds: its service granted when it names one (its
 * category only says where it belongs: a visitor who allowed one video has not
 * allowed the whole category), else its category; negated with `!`.
 */
export const allowedFor = (el: Element, has: (id: string) => boolean, decided: boolean): boolean => {
  const raw = (el.getAttribute('data-consent') ?? el.getAttribute('data-category') ?? '').trim()
  const granted = has(el.getAttribute('data-service') || raw.replace(/^!/, ''))
  // "Run on withdrawal" waits for a decision: an undecided visitor has refused nothing yet.
  return raw[0] == '!' ? decided && !granted : granted
}

/**
 * A live copy of a waiting script: same attributes (`async`, `defer`,
 * `integrity`, `crossorigin`, `referrerpolicy`, `onload`…), its real type
 * (`data-type="module"`, else classic), its nonce (which browsers hide from
 * getAttribute, HTML §8.1.5), and its inline code.
 */
/**
 * Trusted Types (W3C Trusted Types §2.3): under `require-trusted-types-for 'script'` a
 * script's URL and text must come through a policy. The site marked these scripts for
 * consent in its own markup; this policy vouches only for what {@link liveScript} copies
 * from them and is never handed out. A CSP `trusted-types` list must name `consentry`;
 * where it does not (or the browser has no Trusted Types), plain strings are used.
 */
let policy: { createScript(s: string): string; createScriptURL(s: string): string } | null | undefined
const trusted = (kind: 'createScript' | 'createScriptURL', value: string): string => {
  if (policy === undefined)
    try {
      policy = (window as { trustedTypes?: { createPolicy(n: string, p: object): typeof policy } }).trustedTypes?.createPolicy('consentry', { createScript: String, createScriptURL: String }) ?? null
    } catch {
      policy = null
    }
  return policy ? policy[kind](value) : value
}

const liveScript = (old: HTMLScriptElement): HTMLScriptElement => {
  const s = document.createElement('script')
  for (const a of old.attributes) if (!OURS.test(a.name)) s.setAttribute(a.name, a.value)
  const type = old.getAttribute('data-type')
  if (type) s.type = type
  // A script parked by the dynamic guard keeps its URL in data-src.
  const url = old.getAttribute('data-src') ?? old.getAttribute('src')
  if (url) s.src = trusted('createScriptURL', url)
  if (old.nonce) s.nonce = old.nonce
  // Dynamically inserted scripts are async unless told otherwise; keep the page's order.
  if (!old.hasAttribute('async')) s.async = false
  if (old.text) s.text = trusted('createScript', old.text)
  return s
}

/** Moves `data-src`, `data-srcset` and `data-href` into place (and restarts media). */
const activateElement = (el: HTMLElement): void => {
  for (const name of ['src', 'srcset', 'href', 'poster']) {
    const v = el.getAttribute('data-' + name)
    if (v !== null) el.setAttribute(name, v)
  }
  const media = el.closest('video,audio') as HTMLMediaElement | null
  if (el.tagName == 'SOURCE' && media) media.load()
}

let queue: Promise<unknown> = Promise.resolve()
/** Settles once every in-order script from a file put in so far has run (or failed to load). */
let inOrder: Promise<unknown> = queue
/** The live scripts put in the page here: nothing in them waits, so the walk of added nodes passes them by. */
export const live = new WeakSet<Node>()

/**
 * Whether the HTML parser is done with `el`. It inserts an element when it reads the start tag and
 * appends the text inside as it reads it, in as many pieces as its input and its time slices cut
 * (HTML §13.2.6.4.8 "text" insertion mode), so an inline script seen by a MutationObserver while
 * the page loads may not have its code yet: run then, it would run half of it, or nothing. The
 * parser is past `el` once any node follows it in tree order (it inserts at its frontier); after
 * the document has loaded, always.
 */
const parsed = (el: Element): boolean => {
  for (let n: Node | null = el; n; n = n.parentNode) if (n.nextSibling) return true
  return document.readyState != 'loading'
}

/**
 * Runs every waiting element whose condition now holds, once each, and
 * returns those that still wait. Scripts run
 * in document order among themselves, as the parser would run them: scripts
 * with a `src` (and no `async`) are fetched side by side and run in order, and
 * inline code runs once those before it have. An
 * inline script the parser is still reading is left as it is and given to
 * `hold`, to be walked again once the parser has moved on.
 */
export const activate = (has: (id: string) => boolean, decided: boolean, root: ParentNode = document, hold?: (el: HTMLElement) => void): HTMLElement[] => {
  const waiting: HTMLElement[] = []
  // An element given as the root counts too (an added node is often the tag itself).
  const self = root instanceof Element && root.matches(WAITING) ? [root as HTMLElement] : []
  for (const el of [...self, ...root.querySelectorAll<HTMLElement>(WAITING)]) {
    if (!allowedFor(el, has, decided)) {
      waiting.push(el)
      continue
    }
    // Its code may still be on its way: nothing after it is in the page yet, so nothing overtakes it.
    if (el.tagName == 'SCRIPT' && !el.matches('[src],[data-src]') && !parsed(el)) {
      hold?.(el)
      continue
    }
    el.setAttribute('data-consentry-done', '')
    if (el.tagName != 'SCRIPT') {
      activateElement(el)
      continue
    }
    queue = queue.then(() => {
      const s = liveScript(el as HTMLScriptElement)
      // The placeholder stays where it was, marked done; the live script goes right after it.
      const put = () => (live.add(s), el.after(s))
      if (!s.src) return inOrder.then(put)
      // Code that inserted the parked element listens on it, not on the live copy. Only a script from
      // a file has load and error events (HTML §4.12.1.1 "execute the script element").
      s.addEventListener('load', () => el.dispatchEvent(new Event('load')))
      s.addEventListener('error', () => el.dispatchEvent(new Event('error')))
      // Scripts from files without `async` are put in at once, one after another: the browser fetches
      // them side by side and runs them in the order they were put in (HTML §4.12.1.1, "the list of
      // scripts that will execute in order as soon as possible"). Inline code, which runs the moment it
      // is put in, waits for those before it.
      if (!s.async) {
        const ran = new Promise((r) => (s.addEventListener('load', r), s.addEventListener('error', r)))
        inOrder = Promise.all([inOrder, ran])
      }
      put()
    })
  }
  return waiting
}

/** Test seam: forget pending script order. */
export const resetMarkup = (): void => {
  inOrder = queue = Promise.resolve()
}
