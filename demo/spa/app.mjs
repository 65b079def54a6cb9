/**
 * The Larkspur app: a single-page app on Consentry's ESM build, as an npm user
 * writes one — `import … from 'consentry'` and the Preact hooks from
 * `consentry/preact` — with no build step (the page's import map resolves the
 * bare names). Every part of the UI that depends on consent reads it through
 * `useConsent` / `useHas`, so a decision made anywhere — the banner, the
 * buttons below, the preferences, another tab — redraws it at once.
 */
import './env.mjs' // First: the ESM build reads process.env.NODE_ENV.
import { h, render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { init, acceptAll, rejectAll, set, showPreferences, reset } from 'consentry'
import { useConsent, useHas } from 'consentry/preact'
import { connectDestinations, serverSync } from 'consentry/destinations'
import { siteConfig } from './config.mjs'

/** The categories a visitor can switch here, in the order the site lists them. */
const SWITCHABLE = [
  { id: 'functional', name: 'Functional', what: 'the product-tour video' },
  { id: 'analytics', name: 'Analytics', what: 'Meadowlark Analytics' },
  { id: 'marketing', name: 'Marketing', what: 'the Adfinch ad pixel' },
]

/** The current hash route: `#/` (overview) or `#/snapshot`. */
const useRoute = () => {
  const [route, setRoute] = useState(location.hash || '#/')
  useEffect(() => {
    const onHash = () => setRoute(location.hash || '#/')
    addEventListener('hashchange', onHash)
    return () => removeEventListener('hashchange', onHash)
  }, [])
  return route
}

/**
 * Loads the analytics vendor's script once analytics is granted — the SPA way
 * of blocking a tag: it is simply not added until `useHas` says yes.
 */
const useAnalyticsTag = (granted) => {
  useEffect(() => {
    if (!granted || document.querySelector('script[data-spa-tag=meadowlark]')) return
    const script = document.createElement('script')
    script.src = '/vendor/meadowlark.js'
    script.dataset.spaTag = 'meadowlark'
    document.head.append(script)
  }, [granted])
}

const Pill = ({ on }) => h('span', { class: on ? 'pill on' : 'pill off' }, on ? 'On' : 'Off')

/** One row per category: its state from `useHas`, and a button that flips it through the API. */
const CategoryRow = ({ id, name, what }) => {
  const granted = useHas(id)
  return h(
    'li',
    { class: 'category-row', 'data-category': id, 'data-granted': String(granted) },
    h('span', { class: 'category-name' }, h('strong', null, name), ' — ', what),
    h(Pill, { on: granted }),
    h('button', { type: 'button', onClick: () => set({ [id]: !granted }) }, granted ? `Turn ${name.toLowerCase()} off` : `Turn ${name.toLowerCase()} on`),
  )
}

const ConsentCard = () => {
  const consent = useConsent()
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'consent-title' },
    h('h2', { id: 'consent-title' }, 'Your consent'),
    h(
      'p',
      { id: 'spa-decision' },
      consent.decided ? `Decided via ${consent.method}, ${new Date(consent.updatedAt).toLocaleString()}.` : 'No decision yet: the banner is asking.',
    ),
    consent.id && h('p', { class: 'muted' }, 'Consent id ', h('code', { id: 'spa-consent-id' }, consent.id)),
    h('ul', { class: 'category-list' }, SWITCHABLE.map((c) => h(CategoryRow, { key: c.id, ...c }))),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onClick: () => acceptAll() }, 'Accept all'),
      h('button', { type: 'button', class: 'primary', onClick: () => rejectAll() }, 'Reject all'),
      h('button', { type: 'button', onClick: () => showPreferences() }, 'Preferences…'),
      h('button', { type: 'button', onClick: () => reset() }, 'Forget my choice'),
    ),
  )
}

/** What the app shows depends on consent: each card reads one id with `useHas`. */
const Insights = () => {
  const analytics = useHas('analytics')
  useAnalyticsTag(analytics)
  return h(
    'section',
    { class: 'panel', id: 'spa-insights', 'data-granted': String(analytics), 'aria-labelledby': 'insights-title' },
    h('h2', { id: 'insights-title' }, 'Usage insights'),
    analytics
      ? h('p', null, 'Meadowlark Analytics is counting this session, so this dashboard can show you which features your team uses most.')
      : h('p', null, 'Analytics are off: nothing about this visit is counted, and the Meadowlark script is not loaded.'),
  )
}

const Offers = () => {
  const marketing = useHas('marketing')
  return h(
    'section',
    { class: 'panel', id: 'spa-offers', 'data-granted': String(marketing), 'aria-labelledby': 'offers-title' },
    h('h2', { id: 'offers-title' }, marketing ? 'Picked for you' : 'Popular plans'),
    h(
      'p',
      null,
      marketing
        ? 'Because you came from our spring campaign: three months of Larkspur Team at half price.'
        : 'The same offers for everyone: personalised offers need marketing consent.',
    ),
  )
}

const Snapshot = () => {
  const consent = useConsent()
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'snapshot-title' },
    h('h2', { id: 'snapshot-title' }, h('code', null, 'useConsent()')),
    h('p', null, 'The snapshot the hook returns, redrawn on every change.'),
    h('pre', { id: 'spa-snapshot' }, JSON.stringify(consent, null, 2)),
  )
}

const App = () => {
  const route = useRoute()
  return h(
    'div',
    { class: 'app', 'data-route': route },
    h('h1', null, 'Welcome back to Larkspur'),
    route === '#/snapshot' ? h(Snapshot) : h('div', { class: 'app-grid' }, h(ConsentCard), h('div', { class: 'stack' }, h(Insights), h(Offers))),
  )
}

// Destinations first, so the proof-of-consent sync hears init; then the banner, if one is needed.
connectDestinations([serverSync({ url: '/v1/consent' })])
init(siteConfig).then(
  () => (document.documentElement.dataset.ready = 'true'),
  (e) => console.error(e),
)
const root = document.getElementById('main')
root.replaceChildren() // The "Loading…" line.
render(h(App), root)
