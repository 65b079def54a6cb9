/**
 * A real PostgreSQL for the tests, from the system's packages (Debian's
 * `postgresql`: /usr/lib/postgresql/<version>/bin): initdb in a throwaway
 * directory, the server on 127.0.0.1 at a free port, stopped and removed by
 * `stop()` (or when the test process exits). PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` user, which owns the directory.
 * Without PostgreSQL this throws: the storage suite fails rather than skips.
 */
import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

/** The newest PostgreSQL's bin directory (CONSENTRY_PG_BIN overrides it). */
const binDir = () => {
  if (process.env.CONSENTRY_PG_BIN) return process.env.CONSENTRY_PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (!newest)
    throw new Error(
      'PostgreSQL is not installed: the storage suite runs against a real PostgreSQL server and found no /usr/lib/postgresql/<version>/bin/pg_ctl. ' +
        'Install it (Debian/Ubuntu: apt-get install postgresql; .ci/run does this when it is missing) or set CONSENTRY_PG_BIN to a directory holding initdb and pg_ctl.',
    )
  return join(root, newest, 'bin')
}

/** @returns {Promise<number>} */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {{ port: number }} */ (server.address())
      server.close(() => resolve(port))
    })
  })

/**
 * @param {{ durable?: boolean }} [options] durable: PostgreSQL's default durability (fsync, synchronous commit),
 *   for the benchmark; by default a test database with durability off.
 * @returns {Promise<import('./postgres.d.mts').TestPostgres>}
 */
export const startPostgres = async ({ durable = false } = {}) => {
  const bin = binDir()
  const asRoot = process.getuid?.() === 0
  // As root: run each command as postgres (runuser, from util-linux); otherwise as ourselves.
  /** @type {(tool: string, args: string[]) => [string, string[]]} */
  const cmd = (tool, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args])
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'))
  if (asRoot) {
    const id = (/** @type {string} */ flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, id('-u'), id('-g'))
  }
  const data = join(dir, 'data')
  const port = await freePort()
  const stopNow = () => {
    try {
      execFileSync(...cmd('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' })
    } catch {
      // Not running (any more).
    }
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', stopNow)
  try {
    await run(...cmd('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']))
    // Loopback only, the socket in the throwaway directory; durability off for a test database, PostgreSQL's defaults for the benchmark.
    const fast = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
    const options = `-h 127.0.0.1 -p ${port} -k ${dir}${fast} -c max_connections=200`
    await run(...cmd('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '120', 'start']))
  } catch (e) {
    stopNow()
    throw new Error(`PostgreSQL did not start (${bin}): ${/** @type {Error} */ (e).message}`)
  }
  const url = (/** @type {string} */ database) => `postgres://postgres@127.0.0.1:${port}/${database}`
  let n = 0
  return {
    async createDatabase() {
      const name = `consentry_test_${++n}`
      const client = new pg.Client({ connectionString: url('postgres') })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return url(name)
    },
    async stop() {
      process.removeListener('exit', stopNow)
      stopNow()
    },
  }
}
