export { resolveConfig } from './validate.js'
export { ID, JURISDICTION, fail, check, invalid, rule, bool, text, oneOf, list, shape, label, url, isHttpUrl, BLOCKING, QUARANTINE } from './rules.js'
export type { Rule, ConfigParts } from './rules.js'
export type {
  Mode,
  RegionMode,
  Method,
  CookieMatcher,
  ServiceConfig,
  CategoryConfig,
  CookieOptions,
  ConsentryConfig,
  Category,
  Service,
  ResolvedConfig,
  CookieInfo,
  UiConfig,
  Layout,
  Position,
} from './types.js'
