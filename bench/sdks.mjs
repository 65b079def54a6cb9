// The SDKs of the benchmark, each on the same marketing page, set up the way its
// documentation shows for a plain script-tag site, with the same three categories
// (necessary, analytics, marketing), English, and its default look:
//
// - Consentry: the JSON config block in <head>, dist/consentry.min.js (or the single file
//   dist/consentry.all.min.js) at the end of <body>.
// - vanilla-cookieconsent 3: its stylesheet in <head>; the UMD build and an inline
//   CookieConsent.run({...}) at the end of <body>.
// - Klaro 0.7: an inline `klaroConfig` and the default bundle klaro.js (translations and
//   CSS included; it injects its own <style>), deferred, in <head>.
//
// The banner texts are Consentry's built-in English ones, given to the other two in their
// config (vanilla-cookieconsent has no built-in texts at all; Klaro's would work, but
// different lengths would mean different layout work). Nothing is served from a CDN: every
// file comes from the local server, out of node_modules.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONSENTRY_TARGET, HERE } from './lib.mjs'
import { blockedTags, marketingPage, pageWith } from './page.mjs'

const ROOT = join(HERE, '..')
const version = (dir) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')).version
export const VENDOR = {
  'vanilla-cookieconsent': join(ROOT, 'node_modules/vanilla-cookieconsent/dist'),
  klaro: join(ROOT, 'node_modules/klaro/dist'),
}

const TEXT = {
  title: 'We value your privacy',
  description:
    'We use cookies and similar technologies to run this site, to measure how it is used and, with your permission, for marketing. You can change your mind at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
}

// ---- vanilla-cookieconsent: https://cookieconsent.orestbida.com/essential/getting-started.html
const vccConfig = {
  // Its default hides the banner from "bots", and navigator.webdriver is true under any automation:
  // without this the banner never shows in the benchmark. It changes nothing else.
  hideFromBots: false,
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {},
    marketing: {},
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: TEXT.title,
          description: TEXT.description,
          acceptAllBtn: TEXT.acceptAll,
          acceptNecessaryBtn: TEXT.rejectAll,
          showPreferencesBtn: TEXT.manage,
        },
        preferencesModal: {
          title: 'Privacy preferences',
          acceptAllBtn: TEXT.acceptAll,
          acceptNecessaryBtn: TEXT.rejectAll,
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Necessary', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Helps us understand how the site is used.', linkedCategory: 'analytics' },
            { title: 'Marketing', description: 'Used to show you relevant advertising.', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
}

// ---- Klaro: https://klaro.org/docs/integration/overview (config + `<script defer data-config=...>`)
// Klaro's purposes come from its services, so each category carries one service; necessary is a
// required one (Consentry's necessary category needs none).
const klaroConfig = {
  version: 1,
  elementID: 'klaro',
  lang: 'en',
  // The notice's OK button accepts every service (accept-all); "decline" is reject-all.
  acceptAll: true,
  hideDeclineAll: false,
  mustConsent: false,
  translations: {
    en: {
      consentNotice: { title: TEXT.title, description: TEXT.description, learnMore: TEXT.manage },
      ok: TEXT.acceptAll,
      decline: TEXT.rejectAll,
      purposes: { necessary: 'Necessary', analytics: 'Analytics', marketing: 'Marketing' },
    },
  },
  services: [
    { name: 'session', title: 'Session', purposes: ['necessary'], required: true },
    { name: 'posthog', title: 'PostHog', purposes: ['analytics'] },
    { name: 'ads', title: 'Advertising', purposes: ['marketing'] },
  ],
}

const vccTags = (blocked) => ({
  head: '  <link rel="stylesheet" href="/vendor/vanilla-cookieconsent/cookieconsent.css">\n',
  body: '  <script src="/vendor/vanilla-cookieconsent/cookieconsent.umd.js"></script>\n' +
    `  <script>CookieConsent.run(${JSON.stringify(vccConfig)})</script>\n`,
  tags: blockedTags(blocked),
})

/**
 * The columns of the benchmark: the page without any SDK, Consentry's two script-tag builds,
 * vanilla-cookieconsent, and Klaro (only with --sdks …,klaro: its 0.5 s of script a visit
 * makes every round much longer). `html(blocked)` is the page with `blocked` waiting tags.
 * On the page with tags Consentry goes first in <head>, as its docs say for a page whose
 * tags it holds back (vanilla-cookieconsent reads them from where its docs put it, the end
 * of <body>); on the others it stays at the end of <body>, as before.
 */
export const SDKS = [
  {
    id: 'none',
    name: 'No SDK',
    version: '',
    html: (blocked) => marketingPage({ consentry: false, blocked }),
    target: null,
  },
  {
    id: 'consentry',
    name: 'Consentry',
    file: 'consentry.min.js',
    version: version('.'),
    html: (blocked) => marketingPage({ consentry: true, blocked, inHead: blocked > 0 }),
    target: CONSENTRY_TARGET,
  },
  {
    id: 'consentry-all',
    name: 'Consentry (single file)',
    file: 'consentry.all.min.js',
    version: version('.'),
    html: (blocked) => marketingPage({ consentry: true, file: 'consentry.all.min.js', blocked, inHead: blocked > 0 }),
    target: CONSENTRY_TARGET,
  },
  {
    id: 'vanilla-cookieconsent',
    name: 'vanilla-cookieconsent',
    version: version('node_modules/vanilla-cookieconsent'),
    html: (blocked) => pageWith(vccTags(blocked)),
    target: { sdk: 'vanilla-cookieconsent', host: '#cc-main', shadow: false, button: '.cm [data-role="all"]', cookie: 'cc_cookie' },
  },
  {
    id: 'klaro',
    name: 'Klaro',
    version: version('node_modules/klaro'),
    html: (blocked) => pageWith({
      head: `  <script>var klaroConfig = ${JSON.stringify(klaroConfig)}</script>\n` +
        '  <script defer data-config="klaroConfig" src="/vendor/klaro/klaro.js"></script>\n',
      tags: blockedTags(blocked),
    }),
    target: { sdk: 'klaro', host: '#klaro', shadow: false, button: '.cookie-notice .cm-btn-success', cookie: 'klaro' },
  },
  {
    // bench/floor.js: the least script a cookie-based consent check with cross-tab following can run, as a
    // reference for what the platform itself costs (issue #16's returning-visit target sits at it). It shows no
    // banner and walks no tags (a first visit measures the page and the two calls), and a returning visit reads
    // the decision Consentry stored (`stateOf`). Last, so that --before's column still follows Consentry's.
    id: 'floor',
    name: 'Floor (cookie read + tabs channel)',
    version: '',
    html: (blocked) => pageWith({ body: '  <script src="/bench/floor.js"></script>\n', tags: blockedTags(blocked) }),
    target: null,
    stateOf: 'consentry',
  },
]
export const DEFAULT_SDKS = ['none', 'consentry', 'consentry-all', 'vanilla-cookieconsent', 'floor']

/** With --before DIR: consentry.min.js from another build (its dist/, served under /before/), as one more column. */
export const beforeSdk = (label) => ({
  id: 'consentry-before',
  name: `Consentry (${label})`,
  file: 'consentry.min.js',
  version: '',
  html: (blocked) => marketingPage({ consentry: true, blocked, inHead: blocked > 0 }).replace('/dist/consentry.min.js', '/before/consentry.min.js'),
  target: CONSENTRY_TARGET,
})
