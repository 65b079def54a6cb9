// Types for scripts/dashboard-assets.mjs, so vitest.config.ts can import it.
import type { Plugin } from 'rollup'
export declare const ID: 'consentry:dashboard-assets'
export declare const buildAssets: (options?: { minify?: boolean }) => Promise<{ script: string; style: string }>
export declare const dashboardAssets: (options?: { minify?: boolean }) => Plugin
