/** The template's declared `___WEB_PERMISSIONS___`, checked the way GTM's permission checks do (an undeclared use throws). */
import type { Permission } from './template.js'

export class PermissionError extends Error {}

/** GTM URL patterns: https only, `*` matches any run of characters. */
const urlMatches = (pattern: string, url: string) =>
  url.startsWith('https://') && new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$').test(url)

/** Which declared permission entries a run used, to show none is unneeded. */
export type Usage = Set<string>

export const checker = (permissions: Permission[], usage: Usage) => {
  const find = (id: string) => permissions.find((p) => p.publicId == id)
  const allow = (ok: boolean, entry: string, message: string) => {
    if (!ok) throw new PermissionError(`permission denied: ${message}`)
    usage.add(entry)
  }
  const checks: Record<string, (...args: unknown[]) => void> = {
    access_consent(type, mode) {
      const p = find('access_consent')
      const row = ((p?.params.consentTypes as Record<string, unknown>[] | undefined) ?? []).find((r) => r.consentType == type)
      allow(!!row && row[mode as string] === true, `access_consent:${String(type)}:${String(mode)}`, `${String(mode)} consent type ${String(type)}`)
    },
    write_data_layer(key) {
      const patterns = (find('write_data_layer')?.params.keyPatterns as string[] | undefined) ?? []
      const hit = patterns.find((k) => k == key || (k.endsWith('.*') && String(key).startsWith(k.slice(0, -1))))
      allow(!!hit, `write_data_layer:${hit}`, `write data layer key ${String(key)}`)
    },
    get_cookies(name) {
      const p = find('get_cookies')
      const any = p?.params.cookieAccess == 'any'
      allow(!!p && (any || ((p.params.cookieNames as string[] | undefined) ?? []).includes(name as string)), `get_cookies:${any ? '*' : String(name)}`, `read cookie ${String(name)}`)
    },
    inject_script(url) {
      const hit = ((find('inject_script')?.params.urls as string[] | undefined) ?? []).find((u) => urlMatches(u, url as string))
      allow(!!hit, `inject_script:${hit}`, `inject script ${String(url)}`)
    },
    access_globals(key, mode) {
      const row = ((find('access_globals')?.params.keys as Record<string, unknown>[] | undefined) ?? []).find((r) => r.key == key)
      allow(!!row && row[mode as string] === true, `access_globals:${String(key)}:${String(mode)}`, `${String(mode)} window.${String(key)}`)
    },
    logging() {
      const env = find('logging')?.params.environments
      allow(env == 'debug' || env == 'all', 'logging', 'log to the console')
    },
  }
  const check = (id: string, ...args: unknown[]) => checks[id]!(...args)
  const query = (id: string, ...args: unknown[]): boolean => {
    try {
      // Asking is not using: queryPermission records nothing.
      const scratch = new Set<string>()
      checker(permissions, scratch).check(id, ...args)
      return true
    } catch {
      return false
    }
  }
  /** Every entry the template declares, in the form `usage` records. */
  const declared = (): string[] =>
    permissions.flatMap((p) => {
      const P = p.params
      switch (p.publicId) {
        case 'access_consent': return (P.consentTypes as Record<string, unknown>[]).flatMap((r) => ['read', 'write'].filter((m) => r[m] === true).map((m) => `access_consent:${String(r.consentType)}:${m}`))
        case 'write_data_layer': return (P.keyPatterns as string[]).map((k) => `write_data_layer:${k}`)
        case 'get_cookies': return P.cookieAccess == 'any' ? ['get_cookies:*'] : (P.cookieNames as string[]).map((n) => `get_cookies:${n}`)
        case 'inject_script': return (P.urls as string[]).map((u) => `inject_script:${u}`)
        case 'access_globals': return (P.keys as Record<string, unknown>[]).flatMap((r) => ['read', 'write', 'execute'].filter((m) => r[m] === true).map((m) => `access_globals:${String(r.key)}:${m}`))
        case 'logging': return ['logging']
        default: return [`${p.publicId}:?`]
      }
    })
  return { check, query, declared }
}
