import { it } from 'vitest'
import { freshVisitor, launchChromium, startServer } from './harness.js'
import { consentryPage } from './pages.js'
it('diag rapid decisions', async () => {
  const server = await startServer(); const c = await launchChromium()
  const url = server.route('/s.html', { body: consentryPage() })
  let bad = 0
  for (let i = 0; i < 30; i++) {
    const a = await freshVisitor(c.context, server.origin)
    await a.goto(url)
    const b = await c.context.newPage(); await b.goto(url)
    const gap = i % 3 // ms between decisions
    await a.evaluate(async (gap) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
      Consentry.acceptAll(); await sleep(gap + 2)
      Consentry.rejectAll(); await sleep(gap + 2)
      Consentry.set({ analytics: true }); await sleep(gap + 2)
      Consentry.set({ marketing: true })
    }, gap)
    await a.waitForTimeout(1000)
    const s = async (p: any) => p.evaluate(() => { const g = Consentry.get(); return `${g.decided}/${g.categories.analytics}/${g.categories.marketing}/${g.updatedAt}` })
    const st = { a: await s(a), b: await s(b), ls: await a.evaluate(() => localStorage.getItem('consentry')?.split('.').slice(3, 4).join() + ' ' + localStorage.getItem('consentry')?.split('.')[7]), cookies: (await c.context.cookies()).map((x) => x.value.split('.').slice(3, 4).join() + ' ' + x.value.split('.')[7]) }
    const ok = st.a.startsWith('true/true/true') && st.b === st.a && st.ls.endsWith('necessary|analytics|marketing') && st.cookies.length === 1 && st.cookies[0]!.endsWith('necessary|analytics|marketing')
    if (!ok) { bad++; console.log(i, JSON.stringify(st)) }
  }
  console.log('bad', bad)
  await c.close(); await server.close()
}, 120000)
