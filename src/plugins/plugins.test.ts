import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, init, on, startBlocking, use, ConsentryError, type Plugin } from '../headless.js'
import { CONFIG, freshPage } from '../testing/index.js'
import { resetMarkup } from '../blocking/index.js'

beforeEach(() => freshPage())
afterEach(() => vi.restoreAllMocks())

/** A plugin that writes what happens to it into `log`. */
const recorder = (log: string[], name = 'recorder'): Plugin => ({
  name,
  start({ config, $snapshot }) {
    log.push(`start ${config.revision} ${$snapshot.get().decided}`)
    const off = $snapshot.listen((s) => log.push(`change ${s.categories.analytics}`))
    return () => (off(), log.push('stop'))
  },
})

describe('use(plugin)', () => {
  it('a plugin plugged in before init starts during init, with the config and stores, before ready is announced', async () => {
    const log: string[] = []
    use(recorder(log))
    expect(log).toEqual([])
    on('ready', () => log.push('ready'))
    await init(CONFIG)
    acceptAll()
    expect(log).toEqual(['start 1 false', 'ready', 'change true'])
  })

  it('a plugin plugged in after init starts at once; the function use returned stops and removes it', async () => {
    const log: string[] = []
    await init(CONFIG)
    const off = use(recorder(log))
    expect(log).toEqual(['start 1 false'])
    off()
    acceptAll()
    expect(log).toEqual(['start 1 false', 'stop'])
  })

  it('the same plugin twice is plugged in once', async () => {
    const log: string[] = []
    const p = recorder(log)
    use(p)
    const again = use(p)
    await init(CONFIG)
    again()
    acceptAll()
    expect(log).toEqual(['start 1 false', 'change true'])
  })

  it('a plugin that throws is logged; the others start and init resolves', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const log: string[] = []
    use({ name: 'broken', start: () => { throw new Error('boom') } })
    use(recorder(log))
    await expect(init(CONFIG)).resolves.toMatchObject({ decided: false })
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }))
    expect(log).toEqual(['start 1 false'])
  })

  it("a plugin's config rules join init's one pass: its field and the engine's are reported in one error", async () => {
    use({ name: 'limits', config: { quarantine: (v, path, problems) => (v === 'huge' ? (problems?.push({ path, expected: 'a small limit', got: v }), undefined) : v) } })
    const wrong = init({ ...CONFIG, revision: -1, quarantine: 'huge' as never })
    await expect(wrong).rejects.toThrow(ConsentryError)
    await expect(wrong).rejects.toMatchObject({ problems: [expect.objectContaining({ path: 'config.revision' }), expect.objectContaining({ path: 'config.quarantine', got: 'huge' })] })
  })

  it('hears each element blocking parks, with its URL and service', async () => {
    resetMarkup()
    document.body.replaceChildren()
    const heard: string[] = []
    use({ name: 'parked', parked: (el, url, service) => heard.push(`${el.tagName} ${url} ${service.id}`) })
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'tracker', hosts: ['tracker.example'] }] }] })
    const stop = startBlocking()
    const img = document.createElement('img')
    img.src = 'https://t.tracker.example/p.gif'
    document.body.append(img)
    expect(heard).toEqual(['IMG https://t.tracker.example/p.gif tracker'])
    stop()
  })

  it('init again after a teardown starts nothing that was plugged in before it', async () => {
    const log: string[] = []
    use(recorder(log))
    await init(CONFIG)
    freshPage()
    await init(CONFIG)
    expect(log).toEqual(['start 1 false', 'stop'])
  })
})
