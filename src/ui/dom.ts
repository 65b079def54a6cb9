/**
 * A tiny element builder for the first layer. Every string becomes a Text
 * node or an attribute value, never markup: config and translation strings
 * cannot inject HTML (no innerHTML anywhere), and no inline `style` attribute is
 * ever set, which keeps a strict CSP (`style-src 'self'`) quiet.
 */
export type Child = Node | string | false | null | undefined

/**
 * The page's own ways back to the choices: any element with `data-consentry-open`
 * (contract: DOM) or `data-consentry-choices` ("Your Privacy Choices") opens the
 * preferences on click, and where one exists the floating button is not needed.
 */
export const OPENERS = '[data-consentry-open],[data-consentry-choices]'

export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | false | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  for (const name in attrs) {
    const v = attrs[name]
    if (typeof v == 'string') node.setAttribute(name, v)
  }
  for (const c of children) if (c) node.append(c)
  return node
}

const SVG = 'http://www.w3.org/2000/svg'

/** An SVG icon from path data (no markup parsing). */
export const icon = (paths: string[], viewBox = '0 0 24 24'): SVGSVGElement => {
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', viewBox)
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  for (const d of paths) {
    const p = document.createElementNS(SVG, 'path')
    p.setAttribute('d', d)
    svg.append(p)
  }
  return svg
}
