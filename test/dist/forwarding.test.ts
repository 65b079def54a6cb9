// docs/forwarding.md's receiver example, as users get it: it type-checks against the built types, the page
// shows it as it is, and it accepts a delivery signed by the built signWebhook and refuses a tampered one.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { signWebhook, verifyWebhook } from 'consentry/server'
import { handleWebhook, planFor } from '../../docs/examples/receiver.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const file = root + 'docs/examples/receiver.ts'

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

  it('type-checks strictly against the built consentry/server types', () => {
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], skipLibCheck: true, types: [] }
    const errors = ts.getPreEmitDiagnostics(ts.createProgram([file], options)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
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
