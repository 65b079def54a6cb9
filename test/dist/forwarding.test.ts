// docs/forwarding.md's examples, as users get them: they type-check against the built types, the page shows them as
// they are; the receiver accepts a delivery signed by the built signWebhook and refuses a tampered one, and the known
// consumer's opt-out reaches their account from a request and from a webhook event.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { signWebhook, verifyWebhook } from 'consentry/server'
import { handleWebhook, planFor } from '../../docs/examples/receiver.js'
import { onConsentChanged, onSignedIn, type Accounts } from '../../docs/examples/known-consumer.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const file = root + 'docs/examples/receiver.ts'
const knownConsumer = root + 'docs/examples/known-consumer.ts'

const record = {
  v: 1,
  id: '11111111-1111-4111-8111-111111111111',
  consentId: '22222222-2222-4222-8222-222222222222',
  createdAt: '2026-05-01T11:00:00.000Z',
  updatedAt: '2026-05-01T12:00:00.000Z',
  method: 'gpc',
  mode: 'opt-out',
  jurisdiction: 'US-CA',
  revision: 0,
  categories: { necessary: true, marketing: false },
  services: {},
  optOut: { sale: true, sharing: true, targetedAds: true, sensitive: false },
  gpc: true,
  url: 'https://shop.example/',
}
const body = JSON.stringify({ id: 'dlv_1', type: 'consent.changed', createdAt: new Date().toISOString().replace(/\.\d+Z$/, '.000Z'), consentId: record.consentId, record })

const post = async (b: string, signature: string) =>
  handleWebhook(new Request('https://sync.example/hooks/consentry', { method: 'POST', body: b, headers: { 'consentry-signature': signature } }), ['new', 'old'])

describe('the receiver example (docs/examples/receiver.ts)', () => {
  it('is shown in docs/forwarding.md as it is', () => {
    expect(readFileSync(root + 'docs/forwarding.md', 'utf8')).toContain('```ts\n' + readFileSync(file, 'utf8') + '```')
  })

  it('type-checks strictly against the built consentry/server types (and the known-consumer example too)', () => {
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], skipLibCheck: true, types: [] }
    const errors = ts.getPreEmitDiagnostics(ts.createProgram([file, knownConsumer], options)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(errors).toEqual([])
  }, 60_000)

  it('accepts a delivery signed with the old secret during a rotation, refuses a tampered one with the reason', async () => {
    const signature = await signWebhook(body, 'old')
    expect((await post(body, signature)).status).toBe(204)
    const tampered = await post(body.replace('"sale":true', '"sale":false'), signature)
    expect([tampered.status, await tampered.text()]).toEqual([400, 'no-valid-signature'])
    expect(await (await post(body, '')).text()).toBe('missing-header')
  })

  it('plans Meta LDU for a Californian with GPC, nothing for Google, and leaves them out of audiences', async () => {
    const r = await verifyWebhook(body, await signWebhook(body, 'new'), 'new')
    if (!r.ok) throw new Error(r.reason)
    expect(planFor(r.event)).toEqual({
      consentId: record.consentId,
      meta: { data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: 1000, opt_out: true },
      google: null,
      inAudiences: false,
    })
  })
})

describe('the known consumer example (docs/examples/known-consumer.ts)', () => {
  /** A shop with marketing sold or shared in the US unless the visitor opts out. */
  const SHOP = {
    mode: 'auto' as const,
    revision: 1,
    categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true, services: [{ id: 'meta' }] }],
  }
  /** An in-memory stand-in for the site's database: links, and who opted out, in order. */
  const memory = () => {
    const links = new Map<string, Set<string>>()
    const out: string[] = []
    const accounts: Accounts = {
      link: async (c, a) => void links.set(c, (links.get(c) ?? new Set()).add(a)),
      linkedTo: async (c) => [...(links.get(c) ?? [])],
      optOut: async (a) => void out.push(a),
    }
    return { accounts, links, out }
  }
  /** A request from California (Cloudflare's headers), with the browser's cookie and GPC header. */
  const request = (cookie: string, gpc = false, country = 'US', region = 'CA') =>
    new Request('https://shop.example/account', { headers: { cookie, 'cf-ipcountry': country, 'cf-region-code': region, ...(gpc ? { 'sec-gpc': '1' } : {}) } })
  const cookieOf = async (optOut: boolean) => {
    const { encodeRecord } = await import('../../src/record/index.js')
    const t = Date.now()
    return `consentry=${encodeRecord({
      id: record.consentId, createdAt: t, updatedAt: t, revision: 1, categories: { necessary: true, marketing: !optOut }, services: { meta: !optOut },
      method: 'banner', mode: 'opt-out', jurisdiction: 'US-CA', gpc: false, optOut: { sale: optOut, sharing: optOut, targetedAds: optOut, sensitive: false },
    })}`
  }

  it('is shown in docs/forwarding.md as it is', () => {
    expect(readFileSync(root + 'docs/forwarding.md', 'utf8')).toContain('```ts\n' + readFileSync(knownConsumer, 'utf8') + '```')
  })

  it('a signed-in request links the browser to the account; an opt-out made there, or sent as GPC, reaches the account', async () => {
    const m = memory()
    // Decided without an opt-out: linked, nothing more.
    await onSignedIn(request(await cookieOf(false)), 'acct-1', m.accounts, SHOP)
    expect([[...m.links.get(record.consentId)!], m.out]).toEqual([['acct-1'], []])
    // The same browser opted out: the account with it.
    await onSignedIn(request(await cookieOf(true)), 'acct-1', m.accounts, SHOP)
    expect(m.out).toEqual(['acct-1'])
    // GPC on a browser with no decision stored (a new device): nothing to link, and still the account's opt-out.
    await onSignedIn(request('', true), 'acct-2', m.accounts, SHOP)
    expect(m.out).toEqual(['acct-1', 'acct-2'])
    // GPC from Germany: an EU visitor, where GPC is no US opt-out (the banner asks for consent there).
    await onSignedIn(request('', true, 'DE', ''), 'acct-3', m.accounts, SHOP)
    expect(m.out).toEqual(['acct-1', 'acct-2'])
  })

  it('a webhook event with an opt-out reaches every account linked to its consent id, and one without lifts nothing', async () => {
    const m = memory()
    await m.accounts.link(record.consentId, 'acct-1')
    await m.accounts.link(record.consentId, 'acct-9')
    const verified = async (b: string) => {
      const r = await verifyWebhook(b, await signWebhook(b, 'new'), 'new')
      if (!r.ok) throw new Error(r.reason)
      return r.event
    }
    await onConsentChanged(await verified(body), m.accounts)
    expect(m.out).toEqual(['acct-1', 'acct-9'])
    const optedIn = body.replace(/"optOut":\{[^}]*\}/, '"optOut":{"sale":false,"sharing":false,"targetedAds":false,"sensitive":false}').replace('"gpc":true', '"gpc":false').replace('"method":"gpc"', '"method":"banner"')
    await onConsentChanged(await verified(optedIn), m.accounts)
    expect(m.out).toEqual(['acct-1', 'acct-9'])
  })
})
