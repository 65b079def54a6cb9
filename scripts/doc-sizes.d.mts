// Types for scripts/doc-sizes.mjs, so the TypeScript tests can import it.
export interface SizeLimitEntry {
  name: string
  size?: number
  sizeLimit?: number
  passed?: boolean
}
export interface MarkedFigure {
  kind: 'size' | 'limit'
  key: string
  value: string
  unit: 'kB' | 'KB' | 'B'
  decimals: number
  index: number
  line: number
  text: string
}
export function findFigures(text: string): { marked: MarkedFigure[]; unmarked: { text: string; line: number }[] }
export function entryFor(key: string, entries: SizeLimitEntry[]): { entry?: SizeLimitEntry; problem?: string }
export function formatBytes(bytes: number, unit: string, decimals: number): string
export function checkText(text: string, entries: SizeLimitEntry[], file?: string): string[]
export function rewriteText(text: string, entries: SizeLimitEntry[]): string
export function docFiles(root: string): string[]
export function sizeLimitEntries(root: string): SizeLimitEntry[]
