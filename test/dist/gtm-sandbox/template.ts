/** The sandbox's reading of a Community Template (`.tpl`) export: its sections, and the permissions' typed values. */
import { createRequire } from 'node:module'

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }

export interface Permission {
  publicId: string
  /** The decoded `param` list: key → string, boolean, list or map. */
  params: Record<string, unknown>
}

export interface Template {
  sections: Record<string, string>
  info: Record<string, unknown>
  parameters: Record<string, unknown>[]
  code: string
  permissions: Permission[]
  tests: { setup?: string; scenarios: { name: string; code: string }[] }
}

/** Splits a `.tpl` into its `___NAME___` sections and parses the JSON and YAML ones. */
export const parseTemplate = (text: string): Template => {
  const sections: Record<string, string> = {}
  const parts = text.split(/^___([A-Z_]+)___$/m)
  for (let i = 1; i < parts.length; i += 2) sections[parts[i]!] = parts[i + 1]!.trim()
  for (const name of ['TERMS_OF_SERVICE', 'INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE', 'WEB_PERMISSIONS', 'TESTS']) {
    if (!(name in sections)) throw new Error(`template: no ___${name}___ section`)
  }
  const tests = (yaml.load(sections.TESTS!) ?? { scenarios: [] }) as Template['tests']
  return {
    sections,
    info: JSON.parse(sections.INFO!),
    parameters: JSON.parse(sections.TEMPLATE_PARAMETERS!),
    code: sections.SANDBOXED_JS_FOR_WEB_TEMPLATE!,
    permissions: (JSON.parse(sections.WEB_PERMISSIONS!) as { instance: { key: { publicId: string }; param?: { key: string; value: unknown }[] } }[]).map(
      (p) => ({ publicId: p.instance.key.publicId, params: Object.fromEntries((p.instance.param ?? []).map((q) => [q.key, decodeValue(q.value)])) }),
    ),
    tests: { setup: tests.setup, scenarios: tests.scenarios ?? [] },
  }
}

/** GTM's typed values in permissions: 1 string, 2 list, 3 map, 8 boolean. */
const decodeValue = (v: unknown): unknown => {
  const x = v as { type: number; string?: string; boolean?: boolean; listItem?: unknown[]; mapKey?: unknown[]; mapValue?: unknown[] }
  switch (x.type) {
    case 1: return x.string
    case 8: return x.boolean
    case 2: return (x.listItem ?? []).map(decodeValue)
    case 3: return Object.fromEntries((x.mapKey ?? []).map((k, i) => [decodeValue(k), decodeValue(x.mapValue![i])]))
    default: throw new Error(`permission value of unknown type ${x.type}`)
  }
}
