/** The benchmark's Markdown for a results object (bench/records-results.json), as printed and as docs/benchmark.md quotes it. */
export declare const render: (results: unknown) => string
export declare const DOCS_START: string
export declare const DOCS_END: string
/** The delivery table's lines for its rows. */
export declare const renderDelivery: (rows: unknown[]) => string[]
