// @vitest-environment node
// Webhook signing secrets sealed at rest: the sealer itself, then a store on both engines with a key, without one,
// and while a key is replaced.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConsentryError } from '../../errors/index.js'
import { send } from '../webhooks/send.js'
import { storeOn } from './index.js'
import { sealerFor } from './seal.js'
import { ENGINES, record, type Engine } from './testing.js'

const K1 = randomBytes(32).toString('base64')
const K2 = randomBytes(32).toString('hex')
const K3 = randomBytes(32).toString('base64url').replace(/=+$/, '')

const configError = (f: () => unknown, text: RegExp) => {
  let thrown: unknown
  try {
    f()
  } catch (e) {
    thrown = e
  }
  expect(thrown).toBeInstanceOf(ConsentryError)
  expect((thrown as ConsentryError).code).toBe('invalid-config')
  expect((thrown as Error).message).toMatch(text)
}

describe('the sealer', () => {
  it('seals a secret so that it opens again only with the key and for the same subscription', () => {
    const s = sealerFor(K1)!
    const sealed = s.seal('wh_a', 'whsec_0123456789abcdef')
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./)
    expect(sealed).not.toContain('0123456789abcdef')
    // A fresh IV each time: the same secret never seals to the same text.
    expect(s.seal('wh_a', 'whsec_0123456789abcdef')).not.toBe(sealed)
    expect(s.open('wh_a', sealed)).toBe('whsec_0123456789abcdef')
    configError(() => s.open('wh_b', sealed), /^\[consentry\] secretKey: .*does not open/)
    configError(() => sealerFor(K2)!.open('wh_a', sealed), /secretKey: .*a key that was not given \(key id [0-9a-f]{8}\)/)
  })

  it('refuses a sealed value that was changed, or whose tag was shortened', () => {
    const s = sealerFor(K1)!
    const sealed = s.seal('wh_a', 'whsec_0123456789abcdef')
    const [v, kid, iv, body, tag] = sealed.split('.') as [string, string, string, string, string]
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64url')
      b[0]! ^= 1
      return b.toString('base64url')
    }
    configError(() => s.open('wh_a', [v, kid, iv, flip(body), tag].join('.')), /does not open/)
    configError(() => s.open('wh_a', [v, kid, flip(iv), body, tag].join('.')), /does not open/)
    configError(() => s.open('wh_a', [v, kid, iv, body, Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url')].join('.')), /does not open/)
    configError(() => s.open('wh_a', 'whsec_0123456789abcdef'), /not a sealed value/)
  })

  it('takes hex, base64 and base64url keys and a list of them, the first sealing; refuses anything else naming secretKey', () => {
    for (const k of [K1, K2, K3, ` ${K1} `]) expect(sealerFor(k)!.open('wh', sealerFor(k)!.seal('wh', 'x'.repeat(20)))).toBe('x'.repeat(20))
    const both = sealerFor([K2, K1])!
    expect(both.kid).toBe(sealerFor(K2)!.kid)
    expect(both.open('wh', sealerFor(K1)!.seal('wh', 'old-key-secret-1234'))).toBe('old-key-secret-1234')
    expect(sealerFor(undefined)).toBeNull()
    for (const bad of ['', 'short', randomBytes(16).toString('hex'), randomBytes(31).toString('base64'), K2 + 'ab', 42, [], [K1, 'nope'], {}])
      configError(() => sealerFor(bad), /^\[consentry\] secretKey: expected 32 random bytes/)
  })
})

describe.each(['pglite', 'postgres'] as const)('webhook secrets at rest on %s', (name) => {
  let engine: Engine
  beforeAll(async () => {
    engine = await ENGINES[name]()
  }, 300_000)
  afterAll(() => engine?.stop(), 60_000)

  /**
   * An empty database, and a way to open a store on it: on PGlite the suite's one connection (closing it is a no-op),
   * on PostgreSQL a new connection each time, since a store that fails to open closes its own.
   */
  const database = async () => {
    if (name == 'pglite') {
      const { db } = await engine.fresh()
      return { db, open: (o: Parameters<typeof storeOn>[1] = {}) => storeOn(db, o) }
    }
    const options = await engine.reopenable()
    return { db: await engine.raw(options), open: async (o: Parameters<typeof storeOn>[1] = {}) => storeOn(await engine.raw(options), o) }
  }

  const rawSecrets = async (db: { query<T>(t: string): Promise<T[]> }) =>
    (await db.query<{ id: string; secrets: unknown }>('SELECT id, secrets FROM consentry_webhooks ORDER BY id')).map((r) => JSON.stringify(r.secrets))

  it('with a key the table holds no secret in plain text, and deliveries are signed with the secrets as given', async () => {
    const { db, open } = await database()
    const store = await open({ secretKey: K1 })
    const added = await store.webhooks.add({ url: 'https://crm.example/hook', secret: 'whsec_first_secret_0001' })
    const rotated = await store.webhooks.rotate(added.id, 'whsec_second_secret_002')
    expect(rotated).toBe('whsec_second_secret_002')
    const [raw] = await rawSecrets(db)
    expect(raw).not.toMatch(/whsec_/)
    expect(raw).toContain(`"v1.${sealerFor(K1)!.kid}.`)
    await store.insert(record())
    const [claimed] = await store.webhooks.claim(10, 60_000)
    // The new secret signs first, the old one through the overlap.
    expect(claimed!.secrets).toEqual(['whsec_second_secret_002', 'whsec_first_secret_0001'])
    expect(claimed!.unsigned).toBeUndefined()
  })

  it('a database without a key is sealed when a store opens it with one; without the key it refuses to open, naming secretKey', async () => {
    const { db, open } = await database()
    const plain = await open()
    const { id } = await plain.webhooks.add({ url: 'https://crm.example/hook', secret: 'whsec_plain_secret_0001' })
    expect((await rawSecrets(db))[0]).toContain('whsec_plain_secret_0001')
    await open({ secretKey: K1 })
    expect((await rawSecrets(db))[0]).not.toContain('whsec_plain_secret_0001')
    await expect(open()).rejects.toThrow(/secretKey: the webhook secrets in this database are sealed/)
    await expect(open({ secretKey: K2 })).rejects.toThrow(/secretKey: .*a key that was not given/)
    await expect(open({ secretKey: 'not a key' })).rejects.toThrow(/secretKey: expected 32 random bytes/)
    // A store opened before the key, still running, cannot sign: its attempt fails and says why.
    await plain.insert(record())
    const [claimed] = await plain.webhooks.claim(10, 60_000)
    expect(claimed!.subscriptionId).toBe(id)
    expect(await send(claimed!, { timeoutMs: 1000, allowLocal: [], stop: new AbortController().signal, now: Date.now() })).toEqual({ ok: false, error: expect.stringMatching(/^secretKey: the webhook secrets in this database are sealed/) })
  })

  it('replacing the key: opened with new,old the secrets are sealed again under the new key, then the old one can go', async () => {
    const { db, open } = await database()
    const old = await open({ secretKey: K1 })
    await old.webhooks.add({ url: 'https://crm.example/hook', secret: 'whsec_kept_secret_00001' })
    await open({ secretKey: [K2, K1] })
    expect((await rawSecrets(db))[0]).toContain(`"v1.${sealerFor(K2)!.kid}.`)
    const next = await open({ secretKey: K2 })
    await next.insert(record())
    expect((await next.webhooks.claim(10, 60_000))[0]!.secrets).toEqual(['whsec_kept_secret_00001'])
  })
})
