export { resolveConfig, ID, JURISDICTION, fail, rule, bool, text, oneOf, list, shape, label, url, isHttpUrl } from './validate.js'
export type { Rule } from './validate.js'
export type {
  Mode,
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
