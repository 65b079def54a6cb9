// Size budgets, checked by `npm test`. Figures are gzip, minified, as a
// production bundle ships them: process.env.NODE_ENV is "production", so the
// development warnings are left out, as users' bundlers (and consentry.min.js) do.
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } })

export default [
  {
    name: 'consentry/headless: own code (nanostores and js-cookie stay external, as in the ESM build)',
    path: 'dist/headless.mjs',
    import: '{ init, get, has, whenGranted, acceptAll, rejectAll, set, optOut, reset, on, show, showPreferences, hide }',
    ignore: ['nanostores', 'js-cookie', 'preact'],
    gzip: true,
    // +0.35 kB in issue #5: regions for mode auto, GPC, the sensitive-data opt-out; +0.03 kB in #8: cookie.serverSet;
    // +0.02 kB in #14: a US opt-out's cookie never lapses (re-set from now on every visit); +0.01 kB in #14:
    // consent exactly as wide as agreed (a service grant grants that service only) and strict URL checks.
    // +0.15 kB in issue #15 for one error listing every wrong field of a config (the reading goes on past a wrong
    // field and collects each, in the documented order).
    // +0.2 kB in issue #16: start-up in tasks that the first paint does not wait for (the storage repair and the cleaner
    // after the first paint, sessionStorage read only where needed, the incremental blocking walk).
    // +0.08 kB in issue #16 (dates), as the script tag below.
    // issue #19: use(plugin), the one seam for strict mode, the signals and the destinations (5.93 → 6.05 KB).
    // +0.01 kB in issue #16: the tab follower leaves the page's own pageshow alone (a storage round trip per page view).
    // +0.05 kB in issue #16: the cookie alone at start-up, the stored copies looked after when the page is hidden.
    // +0.15 kB in issue #16: the tabs follow each other on a BroadcastChannel, with the storage event only where there
    // is none, so a returning visit opens no storage area (returning-visit script time 108 → 86 ms at 4×, medians of 21).
    // +0.03 kB: `none` for regions where no law asks for a banner (opt-out mode without the notice; `regions`,
    // `fallbackMode`, `mode`), checked in the config's one pass.
    // +0.12 kB: `hideFromBots` (no banner of its own for crawlers and automated browsers: navigator.webdriver and the
    // user agent's product tokens, read only when a site turns it on).
    // +0.09 kB: `ukExemption`, the UK's exemptions from consent (PECR Schedule A1): a category that runs before any
    // decision for a visitor in the UK, with the objection remembered across a lapsed decision.
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    limit: '6.67 KB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'consentry/headless: with nanostores and js-cookie',
    path: 'dist/headless.mjs',
    import: '{ init, get, has, whenGranted, acceptAll, rejectAll, set, optOut, reset, on, show, showPreferences, hide }',
    gzip: true,
    // 6.3 kB until issue #14 (the same additions as above); +0.13 kB in issue #15, as above; +0.2 kB in #16, as above.
    // +0.08 kB in issue #16 (dates), as the script tag below.
    // issue #19: use(plugin), the one seam for strict mode, the signals and the destinations (6.73 → 6.85 KB).
    // +0.01 kB in issue #16: the tab follower leaves the page's own pageshow alone (a storage round trip per page view).
    // +0.05 kB in issue #16: the cookie alone at start-up, the stored copies looked after when the page is hidden.
    // +0.15 kB in issue #16: the tabs follow each other on a BroadcastChannel, with the storage event only where there
    // is none, so a returning visit opens no storage area (returning-visit script time 108 → 86 ms at 4×, medians of 21).
    // +0.03 kB: `none` for regions where no law asks for a banner (opt-out mode without the notice; `regions`,
    // `fallbackMode`, `mode`), checked in the config's one pass.
    // +0.12 kB: `hideFromBots` (no banner of its own for crawlers and automated browsers: navigator.webdriver and the
    // user agent's product tokens, read only when a site turns it on).
    // +0.09 kB: `ukExemption`, the UK's exemptions from consent (PECR Schedule A1): a category that runs before any
    // decision for a visitor in the UK, with the objection remembered across a lapsed decision.
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    limit: '7.48 KB',
    modifyEsbuildConfig: production,
  },
  {
    // The hooks (issue #8): their own code over the store module that consentry/headless already loads.
    name: 'consentry/react: useConsent, useHas (react and nanostores external)',
    path: 'dist/react.mjs',
    import: '{ useConsent, useHas }',
    ignore: ['react', 'nanostores', 'js-cookie'],
    gzip: true,
    limit: '2 KB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'consentry/vue: useConsent, useHas (vue and nanostores external)',
    path: 'dist/vue.mjs',
    import: '{ useConsent, useHas }',
    ignore: ['vue', 'nanostores', 'js-cookie'],
    gzip: true,
    limit: '2 KB',
    modifyEsbuildConfig: production,
  },
  {
    // Imports nothing of Svelte's: plain objects with Svelte's store contract.
    name: 'consentry/svelte: consent, granted (nanostores external)',
    path: 'dist/svelte.mjs',
    import: '{ consent, granted }',
    ignore: ['nanostores', 'js-cookie'],
    gzip: true,
    limit: '2 KB',
    modifyEsbuildConfig: production,
  },
  {
    // Plain functions over Angular's signals (no decorators, so no Angular compiler in the build).
    name: 'consentry/angular: injectConsent, injectHas (@angular/core and nanostores external)',
    path: 'dist/angular.mjs',
    import: '{ injectConsent, injectHas }',
    ignore: ['@angular/core', 'nanostores', 'js-cookie'],
    gzip: true,
    limit: '2 KB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'consentry/preact: useConsent, useHas (preact and nanostores external)',
    path: 'dist/preact.mjs',
    import: '{ useConsent, useHas }',
    ignore: ['preact', 'nanostores', 'js-cookie'],
    gzip: true,
    limit: '2 KB',
    modifyEsbuildConfig: production,
  },
  {
    // The issue #3 budget (12 KB) is on the script tag, below; the same code through esbuild's
    // minifier (what size-limit and Vite use) comes out ~0.1 kB larger than through terser.
    name: 'consentry: engine and banner with dependencies (the preferences, extras and signals chunks load on demand)',
    path: 'dist/index.mjs',
    import: '*',
    gzip: true,
    // +0.45 kB in issue #7: the Trusted Types policy, the trusted-click guard, schema 2 with its
    // migration, the init-twice notice in production, and deferring to another copy on the page.
    // +0.03 kB in issue #14: config URLs parsed with URL, and the check that loads the floating button by default.
    // +0.59 kB in issue #15: the fallbacks for a chunk that cannot be loaded (a plain list of checkboxes for the
    // preferences, plain embed placeholders) and its one console error. +0.22 kB in issue #15 for one error listing
    // every wrong field of a config (the reading goes on past a wrong field and collects each, in the documented
    // order; the UI's and strict mode's parts read in the same pass). +0.17 kB in issue #15: buttons arranged from
    // their labels' widths (fit.ts), the spacing and type-scale properties.
    // +0.56 kB in issue #16 for a main thread without long tasks: the banner built in a task of its own, the storage
    // repair, the cleaner and a decided visitor's UI after the first paint (none at all where the page has its own
    // way back), the preferences fetched on approach, the incremental blocking walk.
    // +0.08 kB in issue #16 (dates), as the script tag below. +0.03 kB in issue #19: the built UI in ui/view.ts,
    // apart from startUi (no source file over 250 lines); terser's script tag does not change, esbuild's bundle does.
    // -0.4 kB in issue #19: `startBlocking`, `$consent`, `$config` and `$gpc` off this entry (`init` starts blocking).
    // issue #19: use(plugin), the one seam for strict mode, the signals and the destinations (14.27 → 14.40 KB).
    // +0.01 kB in issue #16: the tab follower leaves the page's own pageshow alone (a storage round trip per page view).
    // -0.08 kB in issue #19, as the script tag below (14.41 → 14.33 KB).
    // +0.04 kB in issue #16: the cookie alone at start-up, the stored copies looked after when the page is hidden.
    // +0.15 kB in issue #16: the tabs follow each other on a BroadcastChannel, with the storage event only where there
    // is none, so a returning visit opens no storage area (returning-visit script time 108 → 86 ms at 4×, medians of 21).
    // +0.01 kB: a chunk that cannot be loaded is reported two seconds later (not for a page being left, as the script tag).
    // +0.01 kB in issue #16: the UI picks its language, and the script tag fetches it, only when the UI is built, so a
    // decided visitor on a German page no longer fetches i18n/de.mjs on every page view (75 → 55 ms at 4×, medians of 15).
    // +0.01 kB in issue #16 (2 B): opt-out mode's notice fetches the extras when it is to show, so a US visitor who
    // has opted out fetches no extras and builds no UI on the next pages (153.9 → 103.9 ms at 4×, medians of 15).
    // +0.12 kB in issue #16: an inline script the parser is still reading waits until it has all its code (a returning
    // visitor on a page that arrived in pieces lost 1–4 of 200 inline tags, run empty or cut in half).
    // +0.01 kB in issue #16: the live scripts it puts in are not walked again as added nodes (a returning visit to a
    // page with 200 tags: 230 → 205 ms at 4×, medians of 21), and inline ones get no load listeners they never hear.
    // +0.03 kB in issue #16: waiting scripts from files are put in side by side, the browser keeping their order,
    // not each after the one before it has loaded (100 in a row ran in half the time), inline code after them.
    // +0.03 kB: `none` for regions where no law asks for a banner (opt-out mode without the notice; `regions`,
    // `fallbackMode`, `mode`), checked in the config's one pass.
    // +0.13 kB: the banner says why it is back after a `revision` change (`bannerRevised`, English in the script tag).
    // +0.15 kB: `hideFromBots` (no banner of its own for crawlers and automated browsers: navigator.webdriver and the
    // user agent's product tokens, read only when a site turns it on); the banner's window listeners end with the UI.
    // +0.09 kB: `ukExemption`, the UK's exemptions from consent (PECR Schedule A1): a category that runs before any
    // decision for a visitor in the UK, with the objection remembered across a lapsed decision.
    // +0.20 kB: the preferences shown inline in the page (`data-consentry-preferences`, `embedPreferences()`): found
    // once the page is parsed, drawn by the extras; the script tag carries only the finding and the hand-over.
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    // +0.01 kB (15 B): `<html lang="no">` and `nn` get Bokmål (pickLanguage tries a tag's nearest language next).
    limit: '15.48 KB',
    // The preferences chunk is an import() away: count it where it is paid, below.
    modifyEsbuildConfig: (config) => ({
      ...production(config),
      plugins: [
        ...(config.plugins ?? []),
        { name: 'on-demand', setup: (b) => b.onResolve({ filter: /(preferences|extras|start)-[\w-]+\.mjs$/ }, (a) => ({ path: a.path, external: true })) },
      ],
    }),
  },
  {
    // Runs on servers and edge runtimes, where a few KB are cheap; grew with readGpc,
    // consentCookieHeader and readSyncRecord (issue #6), and by ~0.5 kB with regionFromHeaders
    // (issue #17: five CDNs' header names are most of it); 4.8 → 8.9 kB in issue #18: signWebhook/verifyWebhook
    // and the webhook event check (~1.1 kB), platformFields/mayUpload (~1.3 kB), and the GPP codec with the
    // signals' settings for OpenRTB's gpp/us_privacy (~2.1 kB, the same code consentry-signals.mjs runs).
    name: 'consentry/server',
    path: 'dist/server.mjs',
    import: '*',
    gzip: true,
    // +0.14 kB in issue #15 (the one-pass config check); issue #18: signWebhook/verifyWebhook, platformFields and
    // the GPP encoder they use for OpenRTB.
    // +0.03 kB: `none` for regions where no law asks for a banner, in the config check the server shares.
    // +0.01 kB: `hideFromBots`, a boolean in the config check the server shares.
    // +0.09 kB: `ukExemption`, the UK's exemptions from consent (PECR Schedule A1): a category that runs before any
    // decision for a visitor in the UK, with the objection remembered across a lapsed decision.
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    limit: '9.34 KB',
    modifyEsbuildConfig: production,
  },
  {
    // What a first-time visitor downloads before the banner is visible (issue #3 budget: 12 KB).
    name: 'dist/consentry.min.js (script tag: engine, banner, CSS, English)',
    path: 'dist/consentry.min.js',
    import: false,
    gzip: true,
    // 12 KB until issue #7, which added (+0.27 kB): the Trusted Types policy for script activation,
    // the trusted-click guard, record schema 2 with schema 1 migration, the sessionStorage fallback, and the init-twice notice in production.
    // +0.1 kB in issue #8: cookie.serverSet (leave a server-issued cookie alone for Safari), and the preferences
    // centre's Save as one decision (one record and one sync per click, not up to three).
    // +0.07 kB in issue #14: config URLs parsed with URL as a browser reads them (policyUrl, assetsUrl), and the
    // floating button by default where the page has no way back of its own (the check that decides to load it).
    // +0.74 kB in issue #15: the visitor's path stays open when an on-demand file cannot be loaded (Manage preferences
    // opens a plain list of checkboxes; blocked embeds get a plain placeholder), and one console error per file that
    // names the URL and the fix. +0.21 kB in issue #15 for one error listing every wrong field of a config (the
    // reading goes on past a wrong field and collects each, in the documented order; the UI's and strict mode's parts
    // read in the same pass), and no placeholder for an embed whose id the config does not declare. +0.2 kB in issue
    // #15: no label wraps in any language (fit.ts picks row, pair or stack from the labels' widths, re-measured on
    // resize and font loads), and --consentry-font-size / -space.
    // +0.57 kB in issue #16 for a main thread without long tasks, as `consentry` above.
    // +0.08 kB in issue #16: the snapshot's ISO times written when read (getters, compared without them) and the cookie's Max-Age, so no page view pays V8's date-formatting set-up.
    // issue #19: use(plugin), the one seam for strict mode, the signals and the destinations (14.33 → 14.41 KB).
    // -0.1 kB in issue #19, so the script tag is no larger than before it (14.32 KB): the stylesheets without line
    // breaks, the host built by el(), the banner's focus through afterPaint, and no per-view method for its buttons.
    // +0.09 kB in issue #16: a returning visit reads the cookie alone and looks after the stored copies when the page
    // is hidden (returning-visit script time 118 → 100 ms at 4×, medians of 15 in one run).
    // +0.15 kB in issue #16: the tabs follow each other on a BroadcastChannel, with the storage event only where there
    // is none, so a returning visit opens no storage area (returning-visit script time 108 → 86 ms at 4×, medians of 21).
    // +0.01 kB in issue #16: the UI picks its language, and the script tag fetches it, only when the UI is built, so a
    // decided visitor on a German page no longer fetches i18n/de.mjs on every page view (75 → 55 ms at 4×, medians of 15).
    // Issue #16, no change in size: opt-out mode's notice fetches the extras when it is to show, so a US visitor who
    // has opted out fetches no extras and builds no UI on the next pages (153.9 → 103.9 ms at 4×, medians of 15).
    // +0.12 kB in issue #16: an inline script the parser is still reading waits until it has all its code (a returning
    // visitor on a page that arrived in pieces lost 1–4 of 200 inline tags, run empty or cut in half).
    // +0.01 kB in issue #16: the live scripts it puts in are not walked again as added nodes (a returning visit to a
    // page with 200 tags: 230 → 205 ms at 4×, medians of 21), and inline ones get no load listeners they never hear.
    // +0.03 kB in issue #16: waiting scripts from files are put in side by side, the browser keeping their order,
    // not each after the one before it has loaded (100 in a row ran in half the time), inline code after them.
    // +0.04 kB: `none` for regions where no law asks for a banner (opt-out mode without the notice; `regions`,
    // `fallbackMode`, `mode`), checked in the config's one pass.
    // +0.13 kB: the banner says why it is back after a `revision` change (`bannerRevised`, English in the script tag).
    // +0.15 kB: `hideFromBots` (no banner of its own for crawlers and automated browsers: navigator.webdriver and the
    // user agent's product tokens, read only when a site turns it on); the banner's window listeners end with the UI.
    // +0.09 kB: `ukExemption`, the UK's exemptions from consent (PECR Schedule A1): a category that runs before any
    // decision for a visitor in the UK, with the objection remembered across a lapsed decision.
    // +0.16 kB: the preferences shown inline in the page (`data-consentry-preferences`, `embedPreferences()`): found
    // once the page is parsed, drawn by the extras; the script tag carries only the finding and the hand-over.
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    // +0.02 kB (25 B): the list of 29 languages it may fetch (13 more codes), and `no` and `nn` pages shown in Bokmål.
    limit: '15.49 KB',
  },
  {
    // Strict mode's script tag: the same, plus the network guard (issue #4).
    name: 'dist/consentry.strict.min.js (script tag with the network guard for blocking: strict)',
    path: 'dist/consentry.strict.min.js',
    import: false,
    gzip: true,
    // +0.06 kB in issue #14, +0.74 kB, +0.22 kB and +0.2 kB in issue #15, +0.55 kB in issue #16, as the script tag above.
    // +0.08 kB in issue #16 (dates), as above.
    // issue #19: use(plugin), the one seam for strict mode, the signals and the destinations (15.51 → 15.66 KB).
    // +0.01 kB in issue #16: the page's own pageshow left alone, and no cleanup read where every service is allowed.
    // -0.1 kB in issue #19, as the script tag above.
    // +0.05 kB in issue #16: the cookie alone at start-up, the stored copies looked after when the page is hidden.
    // +0.15 kB in issue #16: the tabs follow each other on a BroadcastChannel, with the storage event only where there
    // is none, so a returning visit opens no storage area (returning-visit script time 108 → 86 ms at 4×, medians of 21).
    // +0.02 kB in issue #16: the language picked and fetched only when the UI is built, as above.
    // +0.12 kB in issue #16: an inline script the parser is still reading waits until it has all its code (a returning
    // visitor on a page that arrived in pieces lost 1–4 of 200 inline tags, run empty or cut in half).
    // +0.01 kB in issue #16: the live scripts it puts in are not walked again as added nodes (a returning visit to a
    // page with 200 tags: 230 → 205 ms at 4×, medians of 21), and inline ones get no load listeners they never hear.
    // +0.03 kB in issue #16: waiting scripts from files are put in side by side, the browser keeping their order,
    // not each after the one before it has loaded (100 in a row ran in half the time), inline code after them.
    // +0.03 kB: `none` for regions where no law asks for a banner (opt-out mode without the notice; `regions`,
    // `fallbackMode`, `mode`), checked in the config's one pass.
    // +0.13 kB: the banner says why it is back after a `revision` change (`bannerRevised`, English in the script tag).
    // +0.15 kB: `hideFromBots` (no banner of its own for crawlers and automated browsers: navigator.webdriver and the
    // user agent's product tokens, read only when a site turns it on); the banner's window listeners end with the UI.
    // +0.09 kB: `ukExemption`, the UK's exemptions from consent (PECR Schedule A1): a category that runs before any
    // decision for a visitor in the UK, with the objection remembered across a lapsed decision.
    // +0.15 kB: the preferences shown inline in the page, as the script tag above.
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    // +0.02 kB (23 B): the 29 languages' list and `no` and `nn` pages shown in Bokmål, as the script tag above.
    limit: '16.73 KB',
  },
  {
    // For hosts where one file is all a site owner can add (issue #15): engine, blocking, banner, preferences centre
    // (with Preact), extras, US signals and all 29 languages in one IIFE, fetching nothing.
    name: 'dist/consentry.all.min.js (single-file script tag: every part and all 29 languages)',
    path: 'dist/consentry.all.min.js',
    import: false,
    gzip: true,
    // +0.13 kB for one error listing every wrong field, as the script tag above; +0.55 kB with the fitted buttons
    // and the compact preferences rows; +0.81 kB in issue #16, as above.
    // +0.08 kB in issue #16 (dates), as above. +0.1 kB in issue #19: the built UI and the preferences centre's
    // rows, opt-outs and draft in files of their own (no source file over 250 lines): the modules' order gzips worse.
    // -0.1 kB in issue #19, as the script tag above; +0.02 kB for the extras as a plugin (use).
    // +0.05 kB in issue #16: the cookie alone at start-up, the stored copies looked after when the page is hidden.
    // +0.15 kB in issue #16: the tabs follow each other on a BroadcastChannel, with the storage event only where there
    // is none, so a returning visit opens no storage area (returning-visit script time 108 → 86 ms at 4×, medians of 21).
    // +0.01 kB in issue #16: the language picked only when the UI is built, as above (and the US notice's extras fetched
    // only when it is to show, at no cost in size).
    // +0.12 kB in issue #16: an inline script the parser is still reading waits until it has all its code (a returning
    // visitor on a page that arrived in pieces lost 1–4 of 200 inline tags, run empty or cut in half).
    // +0.01 kB in issue #16: the live scripts it puts in are not walked again as added nodes (a returning visit to a
    // page with 200 tags: 230 → 205 ms at 4×, medians of 21), and inline ones get no load listeners they never hear.
    // +0.03 kB in issue #16: waiting scripts from files are put in side by side, the browser keeping their order,
    // not each after the one before it has loaded (100 in a row ran in half the time), inline code after them.
    // +0.03 kB: `none` for regions where no law asks for a banner (opt-out mode without the notice; `regions`,
    // `fallbackMode`, `mode`), checked in the config's one pass.
    // +0.75 kB: `bannerRevised`, the banner's line after a `revision` change, in all 16 languages.
    // +0.15 kB: `hideFromBots` (no banner of its own for crawlers and automated browsers: navigator.webdriver and the
    // user agent's product tokens, read only when a site turns it on); the banner's window listeners end with the UI.
    // +0.09 kB: `ukExemption`, the UK's exemptions from consent (PECR Schedule A1): a category that runs before any
    // decision for a visitor in the UK, with the objection remembered across a lapsed decision.
    // +0.61 kB: the preferences shown inline in the page (the finding, the section's own shadow root, the
    // centre drawn as a region that follows the decision, its styles).
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    // +0.08 kB: the preferences shown inline go when the page drops their element (the extras' MutationObserver).
    // +13.17 kB: 13 more languages, every official EU language and Norwegian Bokmål (about 1 kB gzip each).
    limit: '58.86 KB',
  },
  {
    name: 'consentry/strict: the network guard, with the blocking chunk it shares with consentry',
    path: 'dist/strict.mjs',
    import: '{ enableStrictBlocking }',
    ignore: ['nanostores', 'js-cookie', 'preact'],
    gzip: true,
    limit: '3.2 KB',
    modifyEsbuildConfig: production,
  },
  {
    // Plain objects: one preset costs its hosts and cookie table (youtube: 4 hosts, 2 rows).
    name: 'consentry/presets: one preset (youtube)',
    path: 'dist/presets.mjs',
    import: '{ youtube }',
    gzip: true,
    limit: '280 B',
    modifyEsbuildConfig: production,
  },
  {
    // Issue #19: the object that connectDestinations also takes, and still data only (its vendor's destination code
    // comes with consentry/destinations; test/dist/vendors.test.ts checks the same with rollup).
    name: 'consentry/presets: a vendor preset (metaPixel), data only',
    path: 'dist/presets.mjs',
    import: '{ metaPixel }',
    gzip: true,
    limit: '260 B',
    modifyEsbuildConfig: production,
  },
  {
    name: 'consentry/destinations: Consent Mode and tag-manager events (with the GPP codec for their signals)',
    path: 'dist/destinations.mjs',
    import: '{ connectDestinations, googleConsentMode, dataLayerEvents }',
    ignore: ['nanostores', 'js-cookie', 'preact'],
    gzip: true,
    // +1.08 kB in issue #19 (4.10 → 5.18 kB): connectDestinations takes a vendor's preset (one vendor, one name), so
    // it carries the seven vendors' destinations it may be handed, as consentry-destinations.min.js always did.
    // +3 B: the GPP string the destinations hear carries the config's limitSensitive, as the signals module's does.
    // +0.06 kB: `ukExemption` in the snapshot's choices before a decision, which the destinations share.
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    // +0.02–0.09 kB: an opt-in decision covers what it asked about: a category, or a service of a category the visitor
    // allowed, added to the config since puts it out of force without a raised `revision` (fitRecord).
    limit: '5.35 KB',
    modifyEsbuildConfig: production,
  },
  {
    // Every destination and the GPP codec for their signals; the sync outbox is fetched only with a sync (below).
    name: 'dist/consentry-destinations.min.js (every destination, for script-tag sites)',
    path: 'dist/consentry-destinations.min.js',
    import: false,
    gzip: true,
    // +0.02 kB in issue #15: the config reader it shares (one error listing every wrong field).
    // issue #19: the sync outbox in a file of its own, fetched only where the block names a sync (7.52 → 6.03 KB).
    // A page left while the outbox loads is not reported as a missing file (+0.03 kB).
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    limit: '6.13 KB',
  },
  {
    // The sync outbox with its record checks, fetched by the file above from beside itself where a sync is named.
    name: 'dist/consentry-sync.mjs (the sync outbox for script-tag sites; on demand)',
    path: 'dist/consentry-sync.mjs',
    import: false,
    gzip: true,
    // +0.06 kB: a decision that never reached an outbox is recorded by the next page with one (it was lost when the
    // visitor left before this file arrived), and records queued during a flush leave in it. +0.01 kB: that record
    // is built once, not once to look it up and again to add it (3 B; the file is fetched on demand, off the path to
    // the first paint).
    limit: '2.44 KB',
  },
  {
    name: 'dist/consentry-preferences.mjs (preferences centre with Preact, loaded on demand)',
    path: 'dist/consentry-preferences.mjs',
    import: false,
    gzip: true,
    // +0.43 kB in issue #15: compact category rows with a disclosure, the footer's buttons fitted like the banner's.
    // +0.03 kB: focus is tried again on the next frames where the dialog was still hidden for layout (a CI failure).
    // +0.04 kB: English's `bannerRevised` (the banner's line after a `revision` change) in the full translation.
    // +0.22 kB: the centre drawn inline as a region of the page (no backdrop, close button or focus move; the switches
    // follow the decision in force; "saved" said beside the buttons), with its styles.
    limit: '10.22 KB',
  },
  {
    name: 'dist/consentry-extras.mjs (floating button, embed placeholders, modal focus trap, US notice, cookie cleaner; on demand)',
    path: 'dist/consentry-extras.mjs',
    import: false,
    gzip: true,
    // +0.05 kB in issue #14: the floating button follows the page's own "Cookie settings" links (MutationObserver).
    // +0.01 kB in issue #15: no placeholder for an embed whose id the config does not declare (nothing could load it);
    // +0.01 kB: the US notice keeps its buttons' room beside the text.
    // +0.40 kB: the preferences shown inline in the page: a shadow root of their own in each element that asks,
    // with both stylesheets, and the centre loaded into it (this file's own copy of the UI's mount).
    // +0.08 kB: an element the page drops (a route that does not call the remover) takes its section with it: a
    // MutationObserver while a section is drawn.
    limit: '5.05 KB',
  },
  {
    name: 'dist/consentry-signals.mjs (US signals: GPP and USP APIs, our GPP codec, js-cookie; on demand)',
    path: 'dist/consentry-signals.mjs',
    import: false,
    gzip: true,
    // +0.05–0.07 kB: a config key it does not know is warned about in production builds too, once per key (a typo such
    // as `hideFromBot` otherwise passed unseen on a script-tag page).
    limit: '5.05 KB',
  },
  {
    // Pasted first in <head> (issue #5: well under 1 KB). +0.11 kB in issue #14: what it keeps is bounded
    // (1,000 calls and listeners per API), its answers are own keys only, and frames' messages are checked
    // (callId, size) and can throw nothing on the page, with the frames code it now shares with the real APIs.
    name: 'dist/consentry-stub.min.js (GPP and USP stubs)',
    path: 'dist/consentry-stub.min.js',
    import: false,
    gzip: true,
    limit: '1.01 KB',
  },
  {
    name: 'dist/i18n/de.mjs (one language, loaded on demand by the script tag)',
    path: 'dist/i18n/de.mjs',
    import: false,
    gzip: true,
    limit: '1.5 KB',
  },
]
