// Types for test/dist/bench-docs.test.ts, which imports the renderers (report.mjs is plain ESM).
type Json = any // bench/results.json and bench/compare.json, as run.mjs writes them
export declare const OWN_METRICS: [string, string, number, string][]
export declare const COMPARE_METRICS: [string, string, number, string][]
export declare const renderOwn: (results: Json) => string
export declare const renderCompare: (compare: Json) => string
export declare const docsBlocks: (own: Json | null, compare: Json | null) => { own?: string; compare?: string }
export declare const MARKERS: { own: [string, string]; compare: [string, string] }
export declare const between: (md: string, markers: [string, string]) => string | null
export declare const replaceBlocks: (md: string, blocks: Record<string, string>) => string
