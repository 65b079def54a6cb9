// Types for test/dist/bench-docs.test.ts, which imports the renderers (report.mjs is plain ESM).
type Json = any // bench/results.json, as run.mjs writes it
export declare const SCENARIOS: [string, string, number, string][]
export declare const METRICS: Record<string, string[]>
export declare const METRIC_KEYS: string[]
export declare const renderScenario: (results: Json, scenario: [string, string, number, string]) => string
export declare const render: (results: Json) => string
export declare const MARKERS: [string, string]
export declare const between: (md: string, markers?: [string, string]) => string | null
export declare const replaceBlock: (md: string, text: string) => string
