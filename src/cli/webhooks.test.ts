// @vitest-environment node
// `consentry records webhook …` on a PGlite directory, run in this process as the command runs them.
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../records/store/index.js'
import { records } from './records.js'

const data = mkdtempSync(join(tmpdir(), 'consentry-webhook-cli-'))
afterAll(() => rmSync(data, { recursive: true, force: true }))

const runWith = (env: Record<string, string>) => async (...argv: string[]) => {
  let out = ''
  let err = ''
  const code = await records(argv, { out: (s) => void (out += s), err: (s) => void (err += s), env })
  return { code, out, err }
}
const run = runWith({})

describe('consentry records webhook', { timeout: 120_000 }, () => {
  it('add prints the id and the secret once; list, rotate, remove', async () => {
    const add = await run('webhook', 'add', '--url', 'https://crm.example/hooks', '--data', data)
    expect(add.code).toBe(0)
    const id = /^id +(wh_[\da-f]{32})$/m.exec(add.out)![1]!
    expect(add.out).toMatch(/^secret +whsec_[\da-f]{64}$/m)
    const own = await run('webhook', 'add', '--url=http://127.0.0.1:9/x', '--secret', 'own-secret-0123456789', '--events', 'consent.changed', '--data', data)
    expect(own.out).toMatch(/^secret +own-secret-0123456789$/m)
    // A loopback URL: told at once that records serve sends there only when allowed; a public one is not.
    expect(own.err).toContain('consentry: 127.0.0.1 is a loopback address: records serve delivers there only with --webhook-allow-local 127.0.0.1')
    expect(add.err).not.toContain('--webhook-allow-local')
    const named = await run('webhook', 'add', '--url', 'http://localhost:8080/hooks', '--data', data)
    expect(named.err).toContain('consentry: localhost is a loopback address: records serve delivers there only with --webhook-allow-local localhost')
    expect((await run('webhook', 'remove', /^id +(wh_[\da-f]{32})$/m.exec(named.out)![1]!, '--data', data)).code).toBe(0)
    const list = await run('webhook', 'list', '--data', data)
    expect(list.out).toContain(`${id}  https://crm.example/hooks  consent.changed  pending 0  dead 0`)
    expect(list.out).not.toContain('secret')
    const rotated = await run('webhook', 'rotate', id, '--data', data)
    expect([rotated.code, rotated.out]).toEqual([0, expect.stringMatching(/^secret +whsec_[\da-f]{64}\n$/)])
    expect((await run('webhook', 'remove', id, '--data', data)).code).toBe(0)
    expect(await run('webhook', 'remove', id, '--data', data)).toMatchObject({ code: 1, err: expect.stringContaining(`no webhook ${id}`) })
    expect((await run('webhook', 'list', '--data', data)).out).not.toContain(id)
  })

  it('dead lists the dead deliveries; replay queues one, or every one of a subscription, again', async () => {
    const store = await openStore({ dataDir: data })
    const { id: sub } = await store.webhooks.add({ url: 'https://dead.example/' })
    const base = { v: 1 as const, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', method: 'banner' as const, mode: 'opt-in' as const, jurisdiction: 'DE', revision: 1, services: {}, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false }, gpc: false, url: 'https://shop.example/' }
    for (let i = 0; i < 2; i++) await store.insert({ ...base, id: randomUUID(), consentId: randomUUID(), categories: { necessary: true } })
    for (const d of await store.webhooks.claim(10, 1000, Date.now() + 1000)) if (d.subscriptionId == sub) await store.webhooks.settle(d.id, { delivered: false, error: 'HTTP 404', next: null })
    const [one] = await store.webhooks.deliveries({ state: 'dead', subscription: sub })
    await store.close()
    const dead = await run('webhook', 'dead', '--data', data, '--limit', '10')
    expect(dead.out.trim().split('\n')).toHaveLength(2)
    expect(dead.out).toContain(`${one!.id}  ${sub}  ${one!.consentId}  attempts 1`)
    expect(dead.out).toContain('HTTP 404')
    expect((await run('webhook', 'replay', one!.id, '--data', data)).code).toBe(0)
    expect((await run('webhook', 'replay', '--subscription', sub, '--data', data)).err).toContain('1 dead delivery queued again')
    expect((await run('webhook', 'dead', '--data', data)).err).toContain('no dead deliveries')
    expect((await run('webhook', 'replay', 'dlv_nope', '--data', data)).code).toBe(1)
  })

  it.each([
    [['webhook'], /missing action/],
    [['webhook', 'ping'], /unknown action "webhook ping"/],
    [['webhook', 'add'], /webhook add needs --url/],
    [['webhook', 'remove'], /needs a subscription id/],
    [['webhook', 'list', '--url', 'https://x.example/'], /--url is not an option of webhook list/],
    [['webhook', 'dead', '--limit', 'all'], /--limit must be an integer/],
    [['serve', '--url', 'https://x.example/'], /--url is for records webhook only/],
    [['webhook', 'list', '--port', '1'], /--port is for serve only/],
    [['serve', '--webhook-retry-hours', '0'], /--webhook-retry-hours must be a number above 0/],
    [['serve', '--webhook-timeout-ms', '1.5'], /--webhook-timeout-ms must be an integer/],
    [['serve', '--webhook-allow-local', 'http://localhost/'], /--webhook-allow-local must be \* or hosts separated by commas \(localhost,127.0.0.1\), not "http:\/\/localhost\/"/],
    [['prune', '--webhook-allow-local', '*'], /--webhook-allow-local is for serve only/],
  ])('%j is a usage error (exit 2) that says why', async (argv, why) => {
    const r = await run(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(why)
  })

  it('a bad URL or secret from add is exit 2 naming the field', async () => {
    const r = await run('webhook', 'add', '--url', 'ftp://x.example/', '--data', data)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/webhook add failed: url: expected an http\(s\) URL/)
  })

  it('with CONSENTRY_SECRET_KEY the secrets are sealed in the database; without it, or with a bad key, a command stops and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consentry-webhook-sealed-'))
    try {
      const key = randomBytes(32).toString('base64')
      const keyed = runWith({ CONSENTRY_SECRET_KEY: key })
      const add = await keyed('webhook', 'add', '--url', 'https://crm.example/hooks', '--secret', 'sealed-secret-0123456789', '--data', dir)
      expect(add.code).toBe(0)
      const raw = await new (await import('@electric-sql/pglite')).PGlite(dir)
      const [row] = (await raw.query<{ secrets: unknown }>('SELECT secrets FROM consentry_webhooks')).rows
      await raw.close()
      expect(JSON.stringify(row!.secrets)).not.toContain('sealed-secret-0123456789')
      const keyless = await run('webhook', 'list', '--data', dir)
      expect(keyless).toMatchObject({ code: 1, err: expect.stringMatching(/secretKey: the webhook secrets in this database are sealed: give the key that sealed them \(CONSENTRY_SECRET_KEY\)\n$/) })
      // The variable is named once.
      expect(keyless.err.split('CONSENTRY_SECRET_KEY')).toHaveLength(2)
      expect(await runWith({ CONSENTRY_SECRET_KEY: 'abc' })('webhook', 'list', '--data', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/secretKey: expected 32 random bytes.* \(CONSENTRY_SECRET_KEY\)\n$/) })
      // Replacing the key: new,old opens what the old one sealed.
      const next = randomBytes(32).toString('hex')
      expect((await runWith({ CONSENTRY_SECRET_KEY: `${next}, ${key}` })('webhook', 'list', '--data', dir)).out).toContain('https://crm.example/hooks')
      expect((await runWith({ CONSENTRY_SECRET_KEY: next })('webhook', 'list', '--data', dir)).code).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
