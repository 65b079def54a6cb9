import { beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, init, startBlocking } from '../headless.js'
import { freshPage, happyDomLoadsNothing } from '../testing/index.js'
import { resetMarkup } from './index.js'

// The parked script released here is a file happy-dom does not load (and says so).
happyDomLoadsNothing()

const CONFIG = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'ga4', hosts: ['google-analytics.com', 'www.googletagmanager.com/gtag/'] }] },
  ],
}

let stop = () => {}
beforeEach(async () => {
  stop()
  freshPage()
  resetMarkup()
  document.body.replaceChildren()
  await init(CONFIG)
  stop = startBlocking()
})
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('elements other code inserts', () => {
  it('parks a script whose src belongs to a service without consent, before it is inserted', () => {
    const s = document.createElement('script')
    s.type = 'module'
    s.src = 'https://www.googletagmanager.com/gtag/js?id=G-1'
    expect(s.getAttribute('src')).toBeNull()
    expect(s.getAttribute('type')).toBe('text/plain')
    expect(s.getAttribute('data-type')).toBe('module')
    expect(s.getAttribute('data-src')).toBe('https://www.googletagmanager.com/gtag/js?id=G-1')
    expect(s.getAttribute('data-consent')).toBe('analytics')
    expect(s.getAttribute('data-service')).toBe('ga4')
  })

  it('parks iframes and images too, through setAttribute as well as the src property', () => {
    const f = document.createElement('iframe')
    f.setAttribute('src', 'https://region1.google-analytics.com/x')
    const img = new Image()
    img.src = 'https://www.google-analytics.com/collect?v=1'
    expect(f.hasAttribute('src') || img.hasAttribute('src')).toBe(false)
    expect(img.getAttribute('data-src')).toContain('collect')
  })

  it('leaves everything else alone', () => {
    const s = document.createElement('script')
    s.src = 'https://cdn.example.com/app.js'
    s.setAttribute('src', 'https://cdn.example.com/app2.js')
    const img = new Image()
    img.setAttribute('alt', 'x')
    img.src = 'https://googletagmanager.com/ns.html'
    expect(s.getAttribute('src')).toBe('https://cdn.example.com/app2.js')
    expect(img.getAttribute('src')).toBe('https://googletagmanager.com/ns.html')
  })

  it('runs a parked script once consent comes, and fires load on the element its loader holds', async () => {
    const s = document.createElement('script')
    s.src = 'https://www.googletagmanager.com/gtag/js?id=G-1'
    document.head.append(s)
    acceptAll()
    await tick()
    const live = [...document.querySelectorAll('script')].find((x) => x.getAttribute('src')?.includes('gtag'))
    expect(live).toBeTruthy()
    expect(live!.getAttribute('type')).toBeNull()
    // With consent, nothing is parked any more.
    const later = document.createElement('script')
    later.src = 'https://www.googletagmanager.com/gtag/js?id=G-2'
    expect(later.getAttribute('src')).toContain('G-2')
  })
})
