import { chromium } from 'playwright-core'
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
const axe = await readFile('../node_modules/axe-core/axe.min.js', 'utf8')
const pages = {}
const server = createServer(async (req, res) => {
  const p = new URL(req.url, 'http://x').pathname
  if (pages[p]) { res.writeHead(200, {'content-type':'text/html'}); return res.end(pages[p]) }
  try { const b = await readFile('..' + p); res.writeHead(200, {'content-type': p.endsWith('.css') ? 'text/css' : 'text/javascript'}); res.end(b) } catch { res.writeHead(404); res.end() }
}).listen(0, '127.0.0.1')
await new Promise(r => server.once('listening', r))
const origin = 'http://127.0.0.1:' + server.address().port
const config = (theme) => ({ categories: [{id:'necessary',necessary:true},{id:'analytics',services:[{id:'posthog',label:'PostHog',provider:'PostHog Inc.',description:'Product analytics',cookieTable:[{name:'ph_*',purpose:'Counts visits',lifetime:'1 year'}]}]},{id:'marketing'}], revision:1, ui:{theme, policyUrl:'/privacy'} })
const page = (lang, theme) => `<!doctype html><html lang="${lang}"><head><meta charset=utf-8><title>t</title></head><body><main><h1>Hello</h1><p>content</p></main><script type="application/json" data-consentry-config>${JSON.stringify(config(theme))}</script><script src="/dist/consentry.min.js"></script></body></html>`
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
for (const [lang, theme] of [['en','light'],['en','dark'],['ar','light'],['he','dark']]) {
  pages['/p'] = page(lang, theme)
  const ctx = await browser.newContext()
  const pg = await ctx.newPage()
  pg.on('console', m => console.log('console', m.type(), m.text()))
  await pg.goto(origin + '/p')
  await pg.locator('[data-consentry-action=accept-all]').waitFor()
  await pg.waitForTimeout(300)
  await pg.addScriptTag({ content: axe })
  const run = () => pg.evaluate(async () => { const r = await axe.run({ include: [['[data-consentry]']] }); return { passes: r.passes.map(p => p.id + ":" + p.nodes.length), incomplete: r.incomplete.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary) })), v: r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })) } })
  console.log(lang, theme, 'banner', JSON.stringify(await run(), null, 1))
  await pg.screenshot({ path: `banner-${lang}-${theme}.png` })
  await pg.locator('[data-consentry-action=preferences]').click()
  await pg.locator('[part=preferences]').waitFor()
  await pg.locator('[aria-expanded]').click()
  await pg.waitForTimeout(300)
  console.log(lang, theme, 'prefs', JSON.stringify(await run(), null, 1))
  await pg.screenshot({ path: `prefs-${lang}-${theme}.png` })
  await ctx.close()
}
await browser.close(); server.close()
