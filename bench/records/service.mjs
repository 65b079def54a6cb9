// The records service as users run it: `node dist/cli.mjs records serve` in its own process (so it can be
// killed with SIGKILL and its memory read from /proc), on PGlite in a directory or on a PostgreSQL URL.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const TOKEN = 'bench-admin-token-0123456789abcdef0123'

/** The CLI's storage flags for a store: `{ dataDir }` (PGlite) or `{ url }` (PostgreSQL). */
const storeArgs = (store) => (store.url ? ['--database', store.url] : ['--data', store.dataDir])

/** Starts the service on a free loopback port; resolves once it prints where it listens. Its webhooks may go to the benchmark's receiver on 127.0.0.1. */
export const startService = (store, { cli = 'dist/cli.mjs', cwd = ROOT, env = {} } = {}) =>
  new Promise((ok, fail) => {
    const child = spawn(process.execPath, [cli, 'records', 'serve', '--port', '0', '--webhook-allow-local', '127.0.0.1', ...storeArgs(store)], {
      cwd,
      env: { ...process.env, DATABASE_URL: '', CONSENTRY_ALLOWED_ORIGINS: '', CONSENTRY_ADMIN_TOKEN: TOKEN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    const exited = new Promise((done) => child.once('exit', (code, signal) => done(signal ?? code)))
    child.stderr.on('data', (d) => (err += d))
    child.stdout.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m)
        ok({
          pid: child.pid,
          base: m[1],
          exited,
          stderr: () => err,
          /** SIGKILL: no shutdown, no flush, no closing the database. */
          kill9: () => (child.kill('SIGKILL'), exited),
          /** SIGTERM: the graceful stop. */
          stop: () => (child.kill('SIGTERM'), exited),
        })
    })
    void exited.then((code) => fail(new Error(`the service exited (${code}) before listening: ${err}`)))
  })

/** The process's resident memory now and its peak (VmHWM), in MiB; null where /proc is not there. */
export const memory = (pid) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
  } catch {
    return null
  }
}

/** Resets the process's peak RSS (Linux: "5" to /proc/<pid>/clear_refs); false when the kernel refuses. */
export const resetPeak = (pid) => {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** Samples a process's RSS every `ms` until `stop()`; returns the highest sample (MiB). */
export const sampleRss = (pid, ms = 50) => {
  let max = 0
  const timer = setInterval(() => (max = Math.max(max, memory(pid)?.rss ?? 0)), ms)
  return () => (clearInterval(timer), max)
}
