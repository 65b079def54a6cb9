import { it } from 'vitest'
import { freshVisitor, launchChromium, startServer } from './harness.js'
import { consentryPage } from './pages.js'
it('diag rapid decisions same tabs', async () => {
  const server = await startServer(); const c = await launchChromium()
  const url = server.route('/s.html', { body: consentryPage() })
  let bad = 0
  const a = await freshVisitor(c.context, server.origin)
  await a.goto(url)
  const b = await c.context.newPage(); await b.goto(url)
  const t0 = Date.now()
  for (let i = 0; i < 10; i++) {
    const last = await a.evaluate(async (i) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
      let m = false
      for (let k = 0; k < 10; k++) { m = (k + i) % 2 === 0; Consentry.set({ marketing: m }); await sleep(3) }
      return m
    }, i)
    await a.waitForTimeout(400)
    const s = async (p: any) => p.evaluate(() => { const g = Consentry.get(); return `${g.categories.marketing}/${g.updatedAt}` })
    const st = { last, a: await s(a), b: await s(b), ls: await a.evaluate(() => localStorage.getItem('consentry')?.split('.')[7]), cookies: (await c.context.cookies()).map((x) => x.value.split('.')[7]) }
    if (!st.a.startsWith(String(last)) || st.b !== st.a) { bad++; console.log(i, JSON.stringify(st)) }
  }
  console.log('bad', bad, Date.now() - t0)
  await c.close(); await server.close()
}, 120000)
