/** Made at build time by scripts/dashboard-assets.mjs (rollup, and vitest for the unit suites). */
declare module 'consentry:dashboard-assets' {
  /** The dashboard's script: its own code and uPlot, one IIFE, under uPlot's MIT notice. */
  export const script: string
  /** uPlot's stylesheet and the dashboard's. */
  export const style: string
}
