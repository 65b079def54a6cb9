export declare const ROOT: string
export declare const TOKEN: string
/** A store as the CLI takes it: a PGlite directory or a PostgreSQL URL. */
export type BenchStore = { dataDir: string; url?: undefined } | { url: string; dataDir?: undefined }
export interface RunningService {
  pid: number
  /** `http://127.0.0.1:<port>` */
  base: string
  exited: Promise<number | string | null>
  stderr(): string
  kill9(): Promise<number | string | null>
  stop(): Promise<number | string | null>
}
export declare const startService: (store: BenchStore, options?: { cli?: string; cwd?: string; env?: Record<string, string> }) => Promise<RunningService>
export declare const memory: (pid: number) => { rss: number; peak: number } | null
export declare const resetPeak: (pid: number) => boolean
export declare const sampleRss: (pid: number, ms?: number) => () => number
