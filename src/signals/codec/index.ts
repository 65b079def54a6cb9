/**
 * The GPP string (IAB GPP Consent String Specification v1.1): a header
 * section listing the section ids, then each section, joined with `~`; inside
 * a section, sub-sections joined with `.`. Bits are written most significant
 * first and packed six to a character in the base64url alphabet (§"Base64
 * URL encoding"), right-padded with zeros. Decoding never throws: anything
 * malformed is `null`.
 */
import { SECTIONS, type FieldDef } from './sections.js'

export { SECTIONS, SECTION_IDS } from './sections.js'
export type Fields = Record<string, number | number[] | boolean>

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * Bits to characters. `bytes` pads to a whole byte first, then to 6, as
 * @iabgpp/cmpapi and the reference's worked examples do (`DBABLA`); the core
 * spec pads to 6 only (`DBABL`). Decoders accept both.
 */
const toB64 = (bits: string, bytes = true): string => {
  if (bytes) bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0')
  bits = bits.padEnd(Math.ceil(bits.length / 6) * 6, '0')
  let out = ''
  for (let i = 0; i < bits.length; i += 6) out += B64[parseInt(bits.slice(i, i + 6), 2)]
  return out
}

const fromB64 = (s: string): string | null => {
  let bits = ''
  for (const ch of s) {
    const v = B64.indexOf(ch)
    if (v < 0) return null
    bits += v.toString(2).padStart(6, '0')
  }
  return bits
}

const int = (v: number, n: number): string => {
  if (!Number.isInteger(v) || v < 0 || v >= 2 ** n) throw new RangeError(`${v} does not fit in ${n} bits`)
  return v.toString(2).padStart(n, '0')
}

/** Fibonacci (Zeckendorf) code, least significant first, closed by an extra 1: 1→11, 2→011, 3→0011 (§"Fibonacci"). */
const fib = (v: number): string => {
  const f = [1, 2]
  while (f[f.length - 1]! <= v) f.push(f[f.length - 1]! + f[f.length - 2]!)
  const bits = Array<string>(f.length).fill('0')
  for (let i = f.length - 1, rest = v; i >= 0; i--) if (f[i]! <= rest) (bits[i] = '1'), (rest -= f[i]!)
  return bits.join('').replace(/0+$/, '') + '1'
}

/** A bit reader over a string of 0s and 1s; reading past the end marks it bad. */
const reader = (bits: string) => {
  let at = 0
  let bad = false
  const take = (n: number) => {
    if (at + n > bits.length) bad = true
    const s = bits.slice(at, (at += n))
    return s ? parseInt(s, 2) : 0
  }
  const fibonacci = (): number => {
    const f = [1, 2]
    let v = 0
    for (let i = 0, prev = '0'; ; i++) {
      if (at >= bits.length) return (bad = true), 0
      const b = bits[at++]!
      if (b == '1' && prev == '1') return v
      while (f.length <= i) f.push(f[f.length - 1]! + f[f.length - 2]!)
      if (b == '1') v += f[i]!
      prev = b
    }
  }
  return { take, fibonacci, bad: () => bad, at: () => at }
}

/**
 * Header: Type 3, Version 1, the section ids as a Fibonacci range (§"Header"):
 * a count of entries, then per entry a group flag and the offset from the
 * previous id — a run of consecutive ids is one group entry, its length after.
 */
const header = (ids: number[]): string => {
  const runs: [number, number][] = []
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1]
    if (last && id == last[1] + 1) last[1] = id
    else runs.push([id, id])
  }
  let bits = int(3, 6) + int(1, 6) + int(runs.length, 12)
  let prev = 0
  for (const [start, end] of runs) (bits += start == end ? '0' + fib(start - prev) : '1' + fib(start - prev) + fib(end - start)), (prev = end)
  return bits
}

/** The header alone, e.g. for `applicableSections` [-1] (`DBAA`), or to check the spec's vectors. */
export const encodeHeader = (ids: number[], o: EncodeOptions = {}): string => toB64(header(ids), o.bytePadding)

/** Encodes one sub-section from its field table. */
const encodeFields = (defs: FieldDef[], f: Fields): string =>
  defs
    .map(([name, n, count]) => {
      const v = f[name] ?? (count ? [] : 0)
      if (count) return Array.from({ length: count }, (_, i) => int((v as number[])[i] ?? 0, n)).join('')
      return int(typeof v == 'boolean' ? +v : (v as number), n)
    })
    .join('')

/** 2-bit values are 0 (n/a), 1 or 2; 3 means nothing. MspaCoveredTransaction is 1 or 2 only. */
const valid = (name: string, n: number, v: number) => n != 2 || (v < 3 && (name != 'MspaCoveredTransaction' || v > 0))

const decodeFields = (defs: FieldDef[], bits: string): Fields | null => {
  const r = reader(bits)
  const out: Fields = {}
  for (const [name, n, count] of defs) {
    const v = count ? Array.from({ length: count }, () => r.take(n)) : r.take(n)
    if (![v].flat().every((x) => valid(name, n, x))) return null
    out[name] = v
  }
  // Bits left over beyond the byte padding mean the layout is not this one.
  return r.bad() || /1/.test(bits.slice(r.at())) ? null : out
}

export interface EncodeOptions {
  /** Pad each part to whole bytes before base64 (@iabgpp/cmpapi's style, and the reference's examples). Default true; false gives the core spec's shorter form. */
  bytePadding?: boolean
}

/** One section's string: core fields, then the GPC sub-section where the section has one and `Gpc` is given. */
export const encodeSection = (name: string, f: Fields, o: EncodeOptions = {}): string => {
  const s = SECTIONS[name]!
  const version = (f.Version as number) ?? s.versions[0]
  const core = s.core[version]
  if (!core) throw new RangeError(`${name} has no version ${version}`)
  const parts = [toB64(encodeFields(core, { ...f, Version: version }), o.bytePadding)]
  if (s.gpc && typeof f.Gpc == 'boolean') parts.push(toB64(int(1, 2) + int(+f.Gpc, 1), o.bytePadding))
  return parts.join('.')
}

/** The fields of one section's string, or null if it is not one. */
export const decodeSection = (name: string, str: string): Fields | null => {
  const s = SECTIONS[name]
  if (!s || typeof str != 'string') return null
  const [coreStr, ...subs] = str.split('.')
  const bits = fromB64(coreStr!)
  if (!bits) return null
  const core = s.core[parseInt(bits.slice(0, 6), 2)]
  const out = core && decodeFields(core, bits)
  if (!out) return null
  for (const sub of subs) {
    const b = fromB64(sub)
    // Sub-section type 1 is GPC (one Boolean); any other type is not one we know.
    if (!s.gpc || !b || b.length < 3 || parseInt(b.slice(0, 2), 2) != 1 || /1/.test(b.slice(3))) return null
    out.Gpc = b[2] == '1'
  }
  return out
}

/** The whole GPP string for `sections` (name → fields), in section-id order. */
export const encodeGpp = (sections: Record<string, Fields>, o: EncodeOptions = {}): string => {
  const names = Object.keys(sections).sort((a, b) => SECTIONS[a]!.id - SECTIONS[b]!.id)
  return [toB64(header(names.map((n) => SECTIONS[n]!.id)), o.bytePadding), ...names.map((n) => encodeSection(n, sections[n]!, o))].join('~')
}

/**
 * Section name → fields for a GPP string; null when it is not a valid GPP
 * string of known sections (wrong type or version, bad characters, truncated,
 * a section count that does not match, an unknown section).
 */
export const decodeGpp = (gpp: unknown): Record<string, Fields> | null => {
  if (typeof gpp != 'string' || gpp.length > 10000) return null
  const [head, ...rest] = gpp.split('~')
  const bits = fromB64(head!)
  if (!bits) return null
  const r = reader(bits)
  if (r.take(6) != 3 || r.take(6) != 1) return null
  const ids: number[] = []
  let prev = 0
  for (let n = r.take(12); n > 0; n--) {
    const group = r.take(1)
    const start = prev + r.fibonacci()
    const end = group ? start + r.fibonacci() : start
    for (let id = start; id <= end && ids.length < 64; id++) ids.push(id)
    prev = end
  }
  if (r.bad() || ids.length != rest.length) return null
  const out: Record<string, Fields> = {}
  for (let i = 0; i < ids.length; i++) {
    const name = Object.keys(SECTIONS).find((k) => SECTIONS[k]!.id == ids[i])
    const fields = name ? decodeSection(name, rest[i]!) : null
    if (!name || !fields) return null
    out[name] = fields
  }
  return out
}
