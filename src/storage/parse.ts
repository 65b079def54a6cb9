/**
 * Every value of cookie `name` in a cookie string — `document.cookie` or a
 * request's `Cookie` header, which share the `a=1; b=2` form (RFC 6265 §5.4).
 * Several can exist at once (one per domain or path variant, ordered by path
 * length, not age), so callers pick the newest valid one. Never throws.
 * @example cookieValues('a=1; consentry=1.abc…', 'consentry') // ['1.abc…']
 */
export const cookieValues = (jar: string | null | undefined, name: string): string[] => {
  const out: string[] = []
  if (typeof jar == 'string')
    for (const pair of jar.split(/;\s*/)) {
      const eq = pair.indexOf('=')
      if (pair.slice(0, eq) === name) out.push(pair.slice(eq + 1))
    }
  return out
}
