// The benchmark page: a plain marketing landing page, a few KB, with everything
// inline (CSS, an SVG "hero image") so the only requests a consent SDK adds are
// its own. All variants are byte-identical apart from the SDK's snippets (one at
// the end of <head>, one at the end of <body>), so any difference in the numbers
// is the SDK's. Its footer has the way back to the choices that a site with a consent banner
// owes its visitors (GDPR Art. 7(3)), marked for both SDKs (Consentry's data-consentry-open,
// vanilla-cookieconsent's data-cc), so neither needs a floating button of its own.

export const consentryConfig = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'posthog' }] },
    { id: 'marketing' },
  ],
  revision: 1,
}

const feature = (title, text) => `
      <article class="card">
        <h3>${title}</h3>
        <p>${text}</p>
        <a href="#pricing">Learn more →</a>
      </article>`

const configBlock = `  <script type="application/json" data-consentry-config>${JSON.stringify(consentryConfig)}</script>\n`

/**
 * The page with Consentry's script-tag build `file` (or without Consentry): the config block in
 * <head>, the script at the end of <body>; with `inHead`, both first in <head>, where the docs
 * put it on a page whose tags it holds back.
 * @param {{ consentry: boolean, file?: string, inHead?: boolean, blocked?: number }} options
 */
export const marketingPage = ({ consentry, file = 'consentry.min.js', inHead = false, blocked = 0 }) => {
  const script = `  <script src="/dist/${file}"></script>\n`
  const tags = blockedTags(blocked)
  if (!consentry) return pageWith({ tags })
  return inHead ? pageWith({ head: configBlock + script, tags }) : pageWith({ head: configBlock, body: script, tags })
}

/**
 * `n` analytics tags waiting for consent, marked the way both Consentry and vanilla-cookieconsent
 * read (`type="text/plain" data-category`): every other one inline (it counts itself in
 * window.__ran, so a tag that runs before consent shows), the rest with a `src` on /tag/ (a
 * fetch before consent shows in the requests).
 */
export const blockedTags = (n) =>
  Array.from({ length: n }, (_, i) =>
    i % 2
      ? `  <script type="text/plain" data-category="analytics" src="/tag/${i}.js"></script>\n`
      : `  <script type="text/plain" data-category="analytics">window.__ran = (window.__ran || 0) + 1</script>\n`,
  ).join('')

/**
 * The page with `head` inserted before </head>, `tags` before the footer and `body` before
 * </body>, each as given (end them with a newline).
 */
export const pageWith = ({ head = '', body = '', tags = '' }) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Northwind Cloud — ship faster</title>
  <style>
    :root { --ink: #1d2433; --muted: #5b6478; --brand: #3d5afe; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
    body { margin: 0; line-height: 1.55; }
    header { display: flex; justify-content: space-between; align-items: center; padding: 16px 48px; border-bottom: 1px solid #e5e8ef; }
    nav a { margin-left: 24px; color: var(--muted); text-decoration: none; }
    .hero { display: grid; grid-template-columns: 1fr 1fr; gap: 48px; align-items: center; padding: 64px 48px; background: linear-gradient(180deg, #f5f7ff, #fff); }
    .hero h1 { font-size: 48px; line-height: 1.1; margin: 0 0 16px; }
    .hero p { font-size: 19px; color: var(--muted); }
    .cta { display: inline-block; padding: 12px 24px; border-radius: 8px; background: var(--brand); color: #fff; text-decoration: none; font-weight: 600; }
    .hero svg { width: 100%; height: auto; aspect-ratio: 16 / 10; display: block; }
    .features { display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; padding: 48px; }
    .card { padding: 24px; border: 1px solid #e5e8ef; border-radius: 12px; }
    .card h3 { margin-top: 0; }
    blockquote { margin: 0 48px; padding: 32px; background: #f5f7ff; border-radius: 12px; font-size: 20px; }
    #pricing { padding: 48px; }
    footer { padding: 32px 48px; color: var(--muted); border-top: 1px solid #e5e8ef; font-size: 14px; }
  </style>
${head}</head>
<body>
  <header>
    <strong>Northwind Cloud</strong>
    <nav><a href="#features">Features</a><a href="#pricing">Pricing</a><a href="#customers">Customers</a><a href="#docs">Docs</a></nav>
  </header>
  <main>
    <section class="hero">
      <div>
        <h1>Deploy on Friday. Sleep on Saturday.</h1>
        <p>Northwind Cloud builds, tests and rolls out every commit across 30 regions, and rolls it back before your
          pager goes off. No YAML archaeology, no surprise invoices, no 3 a.m. incidents.</p>
        <a class="cta" href="#pricing">Start free trial</a>
      </div>
      <svg viewBox="0 0 640 400" width="640" height="400" role="img" aria-label="Dashboard preview">
        <rect width="640" height="400" rx="16" fill="#e8ecff"/>
        <rect x="32" y="32" width="576" height="40" rx="8" fill="#fff"/>
        <rect x="32" y="96" width="360" height="272" rx="8" fill="#fff"/>
        <polyline points="48,330 110,280 170,300 230,220 290,240 350,150 376,170" fill="none" stroke="#3d5afe" stroke-width="6"/>
        <rect x="416" y="96" width="192" height="128" rx="8" fill="#fff"/>
        <rect x="416" y="240" width="192" height="128" rx="8" fill="#c5cdfc"/>
      </svg>
    </section>
    <section id="features" class="features">${[
      feature('Preview every branch', 'Each pull request gets its own URL, database snapshot and seeded test data, torn down automatically when the branch merges.'),
      feature('Progressive rollouts', 'Ship to 1% of traffic, watch error rates and latency, then widen. A regression rolls back on its own within seconds.'),
      feature('Costs you can read', 'One line per service, per day, in your currency. Set budgets per team and get a message before, not after, they are spent.'),
      feature('Secrets, handled', 'Encrypted at rest, scoped per environment, rotated on a schedule, and never printed in a build log again.'),
      feature('Observability built in', 'Logs, traces and metrics from every deploy, correlated by commit, kept for 30 days on every plan.'),
      feature('SOC 2 and GDPR ready', 'EU-only regions, data processing agreements and audit logs for every change, exportable in one click.'),
    ].join('')}
    </section>
    <blockquote id="customers">“We went from two deploys a week to forty a day, and our on-call rotation got quieter.”
      <br><small>— Priya Raman, VP Engineering at Fabrikam</small></blockquote>
    <section id="pricing">
      <h2>Simple pricing</h2>
      <p>Free for hobby projects. Team starts at $20 per seat per month with unlimited preview environments, and
        Enterprise adds SSO, dedicated regions and a 99.99% uptime commitment.</p>
      <p>Every plan includes unlimited builds, automatic HTTPS, DDoS protection and email support. Annual billing
        saves two months. Non-profits and open-source maintainers get Team for free.</p>
    </section>
  </main>
${tags}  <footer id="docs">© 2025 Northwind Cloud, Inc. · Privacy · Terms · Status · Careers ·
    <a href="#" data-consentry-open data-cc="show-preferencesModal">Cookie settings</a></footer>
${body}</body>
</html>
`
