import type { CookieMatcher } from '../config/types.js'

/** `_ga*` → /^_ga.*$/: JSON configs (the script tag's) cannot carry a RegExp, so `*` stands for any run of characters. */
const glob = (pattern: string) => new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$')

/** Whether a cookie or storage key name matches one of a service's matchers: a name, a `*` pattern, or a RegExp. */
export const matches = (name: string, matchers: CookieMatcher[]): boolean =>
  matchers.some((m) => (typeof m == 'string' ? (m.includes('*') ? glob(m).test(name) : m == name) : (m.lastIndex = 0, m.test(name))))

/** The names of the cookies and storage keys this page can see now; never throws. */
export const presentNames = (storage: () => Storage | null): string[] => {
  const names: string[] = []
  try {
    for (const pair of document.cookie.split(/;\s*/)) names.push(pair.slice(0, pair.indexOf('=') >>> 0))
    const s = storage()
    for (let i = 0; s && i < s.length; i++) names.push(s.key(i)!)
  } catch {
    // Cookies or storage blocked: nothing can be there.
  }
  return names
}
