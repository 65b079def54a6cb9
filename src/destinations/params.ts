import type { PrivacySignals } from './types.js'

/**
 * Appends the US privacy parameters to a pixel or cookie-sync URL, as the
 * GPP spec asks: `gpp`, `gpp_sid` (comma-separated) and the legacy
 * `us_privacy`, each once and unmodified (privacy-signals §3.8). Parameters
 * already on the URL are replaced, not repeated.
 * @example img.src = withPrivacyParams('https://sync.example/px?uid=1', signals)
 */
export const withPrivacyParams = (url: string, signals: Pick<PrivacySignals, 'gpp' | 'gppSid' | 'usp'>): string => {
  const u = new URL(url, typeof location != 'undefined' ? location.href : undefined)
  for (const k of ['gpp', 'gpp_sid', 'us_privacy']) u.searchParams.delete(k)
  // encodeURIComponent leaves the GPP alphabet (A–Z a–z 0–9 - _ . ~) as it is: the string arrives unmodified.
  const add = [`gpp=${encodeURIComponent(signals.gpp)}`, `gpp_sid=${signals.gppSid.length ? signals.gppSid.join(',') : '-1'}`, `us_privacy=${encodeURIComponent(signals.usp)}`]
  u.search = (u.search ? u.search.slice(1) + '&' : '') + add.join('&')
  return u.href
}
