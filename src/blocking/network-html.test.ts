/** HTML strings: iframes and images of services without consent, parked as the markup arrives. */
import { beforeEach, describe, expect, it } from 'vitest'
import { acceptAll } from '../headless.js'
import { start, tick, TRACKER, useNetworkPage } from './testing.js'

useNetworkPage()

describe('HTML strings', () => {
  beforeEach(() => start({ blocking: 'elements' }))

  it('innerHTML parks iframes and images of services without consent, before anything fetches', () => {
    const div = document.createElement('div')
    div.innerHTML = `<p>hi</p><img alt="" src="${TRACKER}.gif"><iframe title="w" src="https://ads.example/w"></iframe><img alt="" src="/logo.png">`
    const [img, logo] = div.querySelectorAll('img')
    expect(img!.getAttribute('src')).toBeNull()
    expect(img!.getAttribute('data-src')).toBe(TRACKER + '.gif')
    expect(img!.getAttribute('data-service')).toBe('tracker')
    expect(div.querySelector('iframe')!.getAttribute('data-consent')).toBe('marketing')
    expect(logo!.getAttribute('src')).toBe('/logo.png')
    expect(div.querySelector('p')!.textContent).toBe('hi')
  })

  it('insertAdjacentHTML does the same at each position', () => {
    const div = document.createElement('div')
    document.body.append(div)
    div.insertAdjacentHTML('beforeend', `<img alt="" src="${TRACKER}.gif">`)
    div.insertAdjacentHTML('afterend', `<img alt="" src="${TRACKER}.gif">`)
    expect(div.querySelector('img')!.getAttribute('data-src')).toBe(TRACKER + '.gif')
    expect((div.nextElementSibling as HTMLImageElement).getAttribute('src')).toBeNull()
  })

  it('the parked elements load when consent comes', async () => {
    const div = document.createElement('div')
    document.body.append(div)
    div.innerHTML = `<img alt="" src="${TRACKER}.gif">`
    acceptAll()
    await tick()
    expect(div.querySelector('img')!.getAttribute('src')).toBe(TRACKER + '.gif')
  })

  it('strings without iframes or images are left to the browser', () => {
    const div = document.createElement('div')
    div.innerHTML = '<b>bold</b> text'
    expect(div.innerHTML).toBe('<b>bold</b> text')
  })
})
