/**
 * A random UUID v4 (RFC 9562 §5.4). `crypto.randomUUID` exists only in secure
 * contexts, and banners also run on plain-http pages, so this fills the
 * template from `getRandomValues`, which is available everywhere: each `x` is a
 * random hex digit, `y` carries the variant bits `10`.
 */
export const uuid = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let i = 0
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) =>
    (ch == 'x' ? bytes[i++]! & 15 : (bytes[i++]! & 3) | 8).toString(16),
  )
}
