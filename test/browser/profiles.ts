/**
 * Where the browser files keep their throwaway profiles: one folder per test run, made before any worker starts and
 * removed after the last one has gone (vitest's globalSetup, in the main process). A worker closes its shared
 * browsers when it exits (driver.ts), but vitest may end a worker that is slow to exit without running its exit
 * handlers, and a dying browser can still be writing to its profile while it is removed: each left 6 MB behind, about
 * 16 profiles a run. Removing the run's folder at the end does not depend on either. Two runs at once (a worktree
 * beside main) each have their own folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for browser profiles (see test/browser/profiles.ts). */
    profiles: string
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-profiles-'))
  project.provide('profiles', dir)
  // maxRetries: a browser killed with its worker may take a moment to let go of its files.
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}
