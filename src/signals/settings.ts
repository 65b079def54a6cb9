/**
 * `config.signals`: what the site does and its IAB settings. Its own small
 * module, so that the UI's `init` can read it with the rest of the config in
 * one pass without loading the signals themselves.
 */
import { bool, fail, int, rule, shape, type Rule } from '../config/rules.js'

const mode = (x: unknown) => x === 0 || x === 1 || x === 2

/** Every setting with its default, in the order of docs/config.md. */
export const SIGNALS = shape(
  {
    gpp: bool(true),
    usp: bool(true),
    sections: rule((x) => Array.isArray(x) && x.every((s) => ['usca', 'usva', 'usco', 'usct'].includes(s)), process.env.NODE_ENV !== 'production' && 'a list of usca, usva, usco, usct', []),
    usnatVersion: rule((x) => x === 1 || x === 2, process.env.NODE_ENV !== 'production' && '1 or 2', 2),
    sells: bool(true),
    shares: bool(true),
    targetedAds: bool(true),
    sensitive: bool(),
    knownChildren: bool(),
    secondaryUse: bool(),
    mspaCovered: bool(),
    mspaOptOutMode: rule(mode, process.env.NODE_ENV !== 'production' && '0, 1 or 2', 0),
    mspaServiceProviderMode: rule(mode, process.env.NODE_ENV !== 'production' && '0, 1 or 2', 0),
    lspa: bool(),
    uspCookie: bool(true),
    cmpId: int(0, 4095, 1),
    cmpVersion: int(0, 4095, 1),
  },
  true,
)

/** `config.signals` as init reads it: `true`, `false` or an object whose every setting is checked; kept as given. */
export const signalsPart: Rule = (v, path, problems) =>
  v === undefined || v === !!v ? v
  : typeof v == 'object' && v && !Array.isArray(v) ? (SIGNALS(v, path, problems), v)
  : fail(path, process.env.NODE_ENV !== 'production' && 'true, false or an object', v, problems)
