import { it } from 'vitest'
import { freshVisitor, launchChromium, startServer, watch } from './harness.js'
import { consentryPage } from './pages.js'
it('diag reset race', async () => {
  const server = await startServer(); const c = await launchChromium()
  const url = server.route('/s.html', { body: consentryPage() })
  let bad = 0
  for (let i = 0; i < 15; i++) {
    const a = await freshVisitor(c.context, server.origin)
    await a.goto(url)
    const b = await c.context.newPage(); await b.goto(url)
    await a.evaluate(() => Consentry.acceptAll())
    await b.waitForFunction(() => Consentry.get().decided, undefined, { polling: 20, timeout: 2000 })
    await b.evaluate(() => { (window as any).log = []; addEventListener('storage', (e) => (window as any).log.push([e.key, e.newValue && e.newValue.slice(0, 12), document.cookie.slice(0, 30), performance.now() | 0])) })
    await a.evaluate(() => Consentry.reset())
    await a.waitForTimeout(1500)
    const st = {
      a: await a.evaluate(() => Consentry.get().decided), b: await b.evaluate(() => Consentry.get().decided),
      ls: await a.evaluate(() => localStorage.getItem('consentry')?.slice(0, 12) ?? null),
      cookies: (await c.context.cookies()).map((x) => x.value.slice(0, 12)), blog: await b.evaluate(() => (window as any).log),
    }
    if (st.a || st.b || st.ls || st.cookies.length) { bad++; console.log(i, JSON.stringify(st)) }
  }
  console.log('bad', bad)
  await c.close(); await server.close()
}, 120000)
