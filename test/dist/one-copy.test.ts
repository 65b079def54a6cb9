// consentry/preact and consentry/react in an application that pins its own Preact 10 minor (and React),
// installed as users install them: the packed tarball (`npm pack`) and the frameworks from the npm registry, with
// npm, into a temporary app. Hooks from a second copy of Preact do not work in components the app's copy renders
// (each copy keeps its own current component), so the app must get exactly one Preact, its own, for
// consentry/preact and for the preferences centre of `consentry` alike; React is a peer only. Needs the registry
// (or npm's cache) and the built dist/.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { peerDependencies?: Record<string, string>; dependencies?: Record<string, string> }
// The outer `npm test` passes its own npm_* settings down; the app's install must see only its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

let tmp: string
let tarball: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-one-preact-'))
  // dist/ is built already (npm test builds first): not again by `prepack`, under the other suites' feet.
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], root)) as { filename: string }[]
  tarball = join(tmp, packed!.filename)
}, 120_000)
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Every installed copy of Preact in the node_modules folder `nm` and those nested in it: their package.json. */
const copies = (nm: string, scope = ''): string[] =>
  readdirSync(nm, { withFileTypes: true }).flatMap((e) => {
    if (!e.isDirectory()) return []
    const path = join(nm, e.name)
    // A scope folder holds packages as node_modules does.
    if (!scope && e.name.startsWith('@')) return copies(path, e.name)
    const nested = join(path, 'node_modules')
    return [...(!scope && e.name == 'preact' ? [join(path, 'package.json')] : []), ...(existsSync(nested) ? copies(nested) : [])]
  })

const HAPPY_DOM = JSON.stringify(pathToFileURL(createRequire(root + 'package.json').resolve('happy-dom')).href)

/** Renders, in the app, a component with useConsent and useHas, then decides; prints what it showed. */
const RENDER = `
import { Window } from ${HAPPY_DOM}
const headless = await import('consentry/headless')
console.warn = () => {} // Node has no localStorage: the notice that says so is expected.
await headless.init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] })
const win = new Window({ url: 'https://shop.example/' })
for (const n of ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'Text', 'Event'])
  Object.defineProperty(globalThis, n, { configurable: true, writable: true, value: n == 'window' ? win : win[n] })
const { h, render } = await import('preact')
const { act } = await import('preact/test-utils')
const { useConsent, useHas } = await import('consentry/preact')
const el = document.createElement('div')
const seen = []
try {
  act(() => render(h(() => h('p', null, useConsent().decided + ' ' + useHas('analytics')), null), el))
  seen.push(el.textContent)
  act(() => headless.acceptAll())
  seen.push(el.textContent)
} catch (e) {
  seen.push('threw: ' + e.message)
}
console.log(JSON.stringify(seen))
await win.happyDOM.close()
`

/** Opens the preferences centre of `consentry` (drawn by the app's Preact), turns a switch on and saves. */
const PREFERENCES = `
import { Window } from ${HAPPY_DOM}
const win = new Window({ url: 'https://shop.example/' })
// A page's globals: the DOM's classes (Event, CustomEvent… replace Node's own) and what Node lacks.
for (const k of Object.getOwnPropertyNames(win))
  if (!(k in globalThis) || /^[A-Z]/.test(k)) Object.defineProperty(globalThis, k, { configurable: true, writable: true, value: win[k] })
for (const k of ['window', 'document', 'navigator', 'location']) Object.defineProperty(globalThis, k, { configurable: true, writable: true, value: k == 'window' ? win : win[k] })
for (const k of ['addEventListener', 'removeEventListener', 'dispatchEvent']) globalThis[k] = win[k].bind(win)
const { init, showPreferences, get } = await import('consentry')
await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }], ui: { floatingButton: false } })
showPreferences()
const root = document.querySelector('[data-consentry]').shadowRoot
for (let i = 0; i < 300 && !root.querySelector('[part=preferences]'); i++) await new Promise((r) => setTimeout(r, 10))
const analytics = root.querySelector('[role=switch][aria-labelledby="consentry-c-analytics"]')
const seen = [analytics?.getAttribute('aria-checked')]
analytics?.click()
await new Promise((r) => setTimeout(r, 50))
seen.push(analytics?.getAttribute('aria-checked'))
root.querySelector('[part=preferences] [data-consentry-action=save]')?.click()
seen.push(get().categories.analytics, !!root.querySelector('[part=preferences]'))
console.log(JSON.stringify(seen))
await win.happyDOM.close()
`

// The oldest Preact the range allows (10.5: preact/jsx-runtime), and a minor below the one this repository builds with.
describe.each([
  { range: '~10.26.0', react: '~18.3.0' },
  { range: '~10.5.0', react: '~19.0.0' },
])('an app that pins preact@$range', ({ range, react }) => {
  let app: string
  beforeAll(() => {
    app = join(tmp, 'app-' + range.replace(/\W/g, ''))
    mkdirSync(app)
    const dependencies = { preact: range, react, consentry: `file:${tarball}` }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies }))
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], app)
    writeFileSync(join(app, 'render.mjs'), RENDER)
    writeFileSync(join(app, 'preferences.mjs'), PREFERENCES)
  }, 180_000)

  it("gets one Preact, its own: consentry/preact and consentry's preferences centre resolve the app's copy", () => {
    const fromApp = createRequire(join(app, 'package.json'))
    const own = fromApp.resolve('preact/package.json')
    expect(JSON.parse(readFileSync(own, 'utf8')).version).toMatch(new RegExp('^' + range.slice(1).replace(/\.0$/, '.').replace(/\./g, '\\.')))
    expect(copies(join(app, 'node_modules'))).toEqual([own])
    // Where consentry's own files look for Preact: the hooks entry, and the main entry (its preferences chunk).
    for (const entry of ['consentry/preact', 'consentry'])
      for (const spec of ['preact/package.json', 'preact/hooks'])
        expect(createRequire(fromApp.resolve(entry)).resolve(spec), `${spec} from ${entry}`).toBe(fromApp.resolve(spec))
  })

  it("consentry/react uses the app's React (a peer, never installed beside consentry)", () => {
    const fromApp = createRequire(join(app, 'package.json'))
    expect(createRequire(fromApp.resolve('consentry/react')).resolve('react')).toBe(fromApp.resolve('react'))
    expect(existsSync(join(app, 'node_modules/consentry/node_modules/react'))).toBe(false)
  })

  // Each script must also exit by itself: nothing Consentry opens (its tabs' BroadcastChannel, which Node has too) may
  // keep the process alive. A timeout, because a blocking call would hang the suite rather than fail it.
  const run = (file: string) => JSON.parse(execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8', timeout: 20_000 }))

  it('renders a component with useConsent and useHas that follows a decision', () => {
    const seen = run('render.mjs')
    expect(seen).toEqual(['false false', 'true true'])
  })

  it("the preferences centre of consentry, drawn by the app's Preact, opens, switches and saves", () => {
    const seen = run('preferences.mjs')
    expect(seen).toEqual(['false', 'true', true, false])
  })
})

it('declares Preact as a dependency (the UI needs it) and as an optional peer with the same range (a peer with a default)', () => {
  expect(pkg.dependencies?.preact).toBe(pkg.peerDependencies?.preact)
})
