import { bool, check, fail, label, oneOf, rule, shape, text, url, type Layout, type Position, type Rule, type UiConfig } from '../config/index.js'
import type { Translation } from './i18n/types.js'

// Development builds say what a field expects; production builds only name it (see config/validate).

/** The UI config with every default applied. */
export interface ResolvedUi {
  layout: Layout
  position: Position
  backdrop: boolean
  theme: 'light' | 'dark' | 'auto'
  floatingButton: boolean | 'auto'
  policyUrl?: string
  language?: string
  translations: Translation[]
  text: Record<string, Partial<Translation>>
  nonce?: string
  assetsUrl?: string
}

const POSITIONS: Record<Layout, Position[]> = {
  bar: ['bottom', 'top'],
  box: ['bottom-right', 'bottom-left', 'top-right', 'top-left'],
  modal: ['center'],
}

const isObject = (x: unknown) => typeof x == 'object' && !!x && !Array.isArray(x)
const isTranslation = (x: unknown) => isObject(x) && typeof (x as Translation).lang == 'string'

/**
 * `config.ui`, read in init's one pass (see config/validate's `ConfigParts`).
 * A position must fit the layout; with a wrong layout only the layout is reported.
 */
export const UI: Rule = shape(
  {
    layout: oneOf(['bar', 'box', 'modal'], 'bar'),
    position: (v, path, problems, ui) => {
      const layout: Layout = ui.layout ?? 'bar'
      const allowed = Object.hasOwn(POSITIONS, layout) ? POSITIONS[layout] : undefined
      return !allowed ? label(v, path, problems) : v === undefined ? allowed[0] : allowed.includes(v as Position) ? v
        : fail(path, process.env.NODE_ENV !== 'production' && `${allowed.join(' or ')} for layout ${layout}`, v, problems)
    },
    backdrop: bool(true),
    theme: oneOf(['light', 'dark', 'auto'], 'light'),
    // 'auto': shown only where the page has no way back of its own (see extras/fab.ts).
    floatingButton: oneOf([true, false, 'auto'], 'auto'),
    // Only http(s) and relative URLs, as a browser parses them (see config/validate's `url`).
    policyUrl: url(),
    language: text(/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i, (process.env.NODE_ENV !== 'production' && 'a language tag such as de or pt-BR')),
    translations: rule((x) => Array.isArray(x) && x.every(isTranslation), (process.env.NODE_ENV !== 'production' && 'an array of translations'), []),
    text: rule((x) => isObject(x) && Object.values(x).every(isObject), (process.env.NODE_ENV !== 'production' && 'an object of texts by language'), {}),
    nonce: text(/^[\w+/=-]+$/, (process.env.NODE_ENV !== 'production' && 'a CSP nonce')),
    assetsUrl: url(),
  },
  true,
)

/** Checks `config.ui` alone; throws one `ConsentryError` listing every wrong field, like the rest of the config. */
export const resolveUi = (input: UiConfig | undefined): ResolvedUi => check(UI, input, 'config.ui')
