/**
 * Records for the dashboard's browser test and screenshots: `days` days of
 * decisions ending on `last` (YYYY-MM-DD), the same every run (a fixed
 * pseudo-random sequence), with regions, methods, outcomes and GPC mixed as
 * a real site's would be.
 */
const REGIONS = ['DE', 'FR', 'US-CA', 'GB', 'NL', '']
const METHODS = ['banner', 'banner', 'banner', 'preferences', 'api']

/** A small deterministic generator (mulberry32). */
const random = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const uuid = (next) => {
  const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export const seedRecords = ({ last, days = 30, seed = 17 }) => {
  const next = random(seed)
  const end = Date.parse(`${last}T00:00:00Z`)
  const out = []
  for (let d = days - 1; d >= 0; d--) {
    const day = end - d * 86_400_000
    const count = 6 + Math.floor(next() * 8) + (d % 7 < 2 ? 3 : 0)
    for (let i = 0; i < count; i++) {
      const region = REGIONS[Math.floor(next() * REGIONS.length)]
      const gpc = region.startsWith('US') ? next() < 0.35 : next() < 0.06
      const roll = next()
      const method = gpc && region.startsWith('US') ? 'gpc' : METHODS[Math.floor(next() * METHODS.length)]
      const analytics = method == 'gpc' ? false : roll < 0.55 || (roll < 0.8 && next() < 0.5)
      const marketing = method == 'gpc' ? false : roll < 0.55 || (roll >= 0.8 && next() < 0.2)
      const optOut = method == 'gpc' || (region.startsWith('US') && next() < 0.2)
      const at = new Date(day + Math.floor(next() * 86_000_000)).toISOString()
      out.push({
        v: 1,
        id: uuid(next),
        consentId: uuid(next),
        createdAt: at,
        updatedAt: at,
        method,
        mode: region.startsWith('US') ? 'opt-out' : 'opt-in',
        jurisdiction: region,
        revision: 2,
        categories: { necessary: true, analytics, marketing },
        services: {},
        optOut: { sale: optOut, sharing: optOut, targetedAds: optOut, sensitive: false },
        gpc,
        url: 'https://shop.example.com/',
      })
    }
  }
  return out
}
