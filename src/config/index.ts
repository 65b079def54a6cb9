export { resolveConfig, ID, JURISDICTION } from './validate.js'
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
} from './types.js'
