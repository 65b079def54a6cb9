/**
 * The records dashboard's browser files, made at build time and handed to the
 * service as the virtual module `consentry:dashboard-assets` (strings), so the
 * service serves them itself: no CDN, nothing to install next to
 * `npx consentry records serve`, and a copied dist/cli.mjs still has them.
 * uPlot is a devDependency bundled here, so a browser-only install of
 * consentry downloads no charting library.
 *
 * - script: src/records/dashboard/client/index.ts with uPlot, one IIFE, under uPlot's MIT notice;
 * - style: uPlot's stylesheet (under its notice) and src/records/dashboard/client/style.css.
 *
 * Used by rollup.config.mjs (minified) and vitest.config.ts (the unit suites import the service from src/).
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'
import ts from 'typescript'

export const ID = 'consentry:dashboard-assets'
const RESOLVED = '\0' + ID
const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url))
const CLIENT = root('src/records/dashboard/client/')

/** uPlot's MIT licence, as a comment on every file that ships its code. */
const notice = async () => {
  const text = (await readFile(root('node_modules/uplot/LICENSE'), 'utf8')).trim()
  const { version } = JSON.parse(await readFile(root('node_modules/uplot/package.json'), 'utf8'))
  return `/*! uPlot ${version} (https://github.com/leeoniya/uPlot), bundled into the Consentry records dashboard.\n${text.replaceAll('*/', '* /')}\n*/`
}

/** TypeScript → JavaScript, file by file (the type check is tsc's job). */
const transpile = () => ({
  name: 'transpile',
  resolveId: (source, importer) => (importer?.startsWith(CLIENT) && source.startsWith('.') && source.endsWith('.js') ? fileURLToPath(new URL(source.replace(/\.js$/, '.ts'), `file://${importer}`)) : null),
  transform: (code, id) => (id.endsWith('.ts') ? ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true }, fileName: id }).outputText : null),
})

export const buildAssets = async ({ minify = true } = {}) => {
  const bundle = await rollup({ input: CLIENT + 'index.ts', plugins: [transpile(), resolve({ browser: true }), minify && terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: /^!/ } })], onwarn: () => {} })
  const { output } = await bundle.generate({ format: 'iife', banner: await notice() })
  await bundle.close()
  const uplotCss = await readFile(root('node_modules/uplot/dist/uPlot.min.css'), 'utf8')
  const ours = await readFile(CLIENT + 'style.css', 'utf8')
  return { script: output[0].code, style: `${await notice()}\n${uplotCss}\n/* Consentry records dashboard */\n${ours}` }
}

/** The rollup (and vite) plugin: `import('consentry:dashboard-assets')` → `{ script, style }`. */
export const dashboardAssets = ({ minify = true } = {}) => ({
  name: 'consentry-dashboard-assets',
  resolveId: (id) => (id == ID ? RESOLVED : null),
  async load(id) {
    if (id != RESOLVED) return null
    const { script, style } = await buildAssets({ minify })
    // No source map for the strings: the .map files would carry them a second time.
    return { code: `export const script = ${JSON.stringify(script)}\nexport const style = ${JSON.stringify(style)}\n`, map: { mappings: '' } }
  },
})
