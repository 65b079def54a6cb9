import { bool, fail, label, oneOf, rule, shape, text, url, type Layout, type Position, type UiConfig } from '../config/index.js'
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

const UI = shape(
  {
    layout: oneOf(['bar', 'box', 'modal'], 'bar'),
    position: label,
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

/** Checks `config.ui`; throws a `ConsentryError` naming the field, like the rest of the config. */
export const resolveUi = (input: UiConfig | undefined): ResolvedUi => {
  const ui = UI(input, 'config.ui') as ResolvedUi
  const allowed = POSITIONS[ui.layout]
  ui.position ??= allowed[0]!
  if (!allowed.includes(ui.position)) fail('config.ui.position', process.env.NODE_ENV !== 'production' && `${allowed.join(' or ')} for layout ${ui.layout}`, ui.position)
  return ui
}
