/**
 * Webhook signing secrets sealed at rest. The service must sign with each
 * secret, so it keeps them, not a hash; with a key (`secretKey`, the CLI's
 * `CONSENTRY_SECRET_KEY`) they are stored encrypted, and a copy of the database
 * (a backup, a dump, a read replica, an SQL injection elsewhere) does not give
 * anyone the secrets that let them forge Consentry's webhooks.
 *
 * AES-256-GCM (NIST SP 800-38D): a fresh 96-bit IV for every seal (never reused
 * with one key, §8.2), a 128-bit tag, and the subscription's id as additional
 * authenticated data, so a sealed secret copied into another subscription's row
 * does not open. Several keys can be given while a key is replaced: the first
 * seals, any of them opens (each sealed value names its key by an id derived from
 * it), and opening the store seals again what an older key sealed.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { ConsentryError } from '../../errors/index.js'

export interface Sealer {
  /** The id of the key that seals: the first given. */
  readonly kid: string
  seal(subscription: string, secret: string): string
  /** The secret; throws a ConsentryError naming `secretKey` for a key not given or a value that does not open. */
  open(subscription: string, sealed: string): string
}

const HOW = 'expected 32 random bytes as 64 hex digits or as base64 (openssl rand -base64 32), or a list of such keys, the sealing one first'
const badKey = (detail: string) => new ConsentryError('invalid-config', `secretKey: ${detail}`)

const keyBytes = (k: unknown): Buffer => {
  if (typeof k == 'string') {
    const s = k.trim()
    if (/^[0-9a-f]{64}$/i.test(s)) return Buffer.from(s, 'hex')
    // base64 or base64url, with or without padding: 43 characters and an optional '=' hold 32 bytes.
    if (/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  }
  throw badKey(HOW)
}

/** A key's id: 8 hex digits of a hash of it, enough to tell a handful of keys apart; it says nothing of the key. */
const idOf = (key: Buffer) => createHash('sha256').update('consentry webhook secret key\0').update(key).digest('hex').slice(0, 8)

const b64 = (b: Buffer) => b.toString('base64url')

/** `CONSENTRY_SECRET_KEY` as `secretKey`: keys separated by commas, the sealing one first; unset or empty, none. */
export const keysFromEnv = (value: string | undefined): string[] | undefined => (value ? value.split(',').map((k) => k.trim()) : undefined)

/** The sealer for `secretKey` (a key or a list of keys), or null without one. Throws naming `secretKey` when it is malformed. */
export const sealerFor = (secretKey: unknown): Sealer | null => {
  if (secretKey === undefined || secretKey === null) return null
  const given = Array.isArray(secretKey) ? secretKey : [secretKey]
  if (!given.length) throw badKey(HOW)
  const keys = new Map<string, Buffer>()
  for (const k of given) {
    const bytes = keyBytes(k)
    keys.set(idOf(bytes), bytes)
  }
  const [kid] = keys.keys() as Iterable<string> as [string]
  return {
    kid,
    seal(subscription, secret) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', keys.get(kid)!, iv, { authTagLength: 16 })
      c.setAAD(Buffer.from(subscription))
      const body = Buffer.concat([c.update(secret, 'utf8'), c.final()])
      return `v1.${kid}.${b64(iv)}.${b64(body)}.${b64(c.getAuthTag())}`
    },
    open(subscription, sealed) {
      const [v, id, iv, body, tag] = sealed.split('.')
      const key = id && keys.get(id)
      if (v != 'v1' || !iv || body === undefined || !tag) throw badKey(`a webhook secret of ${subscription} is not a sealed value this version reads`)
      if (!key) throw badKey(`a webhook secret of ${subscription} is sealed with a key that was not given (key id ${id}): give that key too, after the sealing one`)
      try {
        // The tag's length fixed at 128 bits: Node otherwise takes a shortened tag, which is easier to forge.
        const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 })
        d.setAAD(Buffer.from(subscription))
        d.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8')
      } catch {
        throw badKey(`a webhook secret of ${subscription} does not open with key ${id}: it was changed, or belongs to another subscription`)
      }
    },
  }
}
