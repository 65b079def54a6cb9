// happyDomLoadsNothing drops happy-dom's "loading is disabled" reports and nothing else: an unexpected
// error in a file that uses it must still reach the run's output.
import nodeConsole from 'node:console'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { happyDomLoadsNothing } from './index.js'

// What reaches Node's console, recorded in place of printing; set before happyDomLoadsNothing takes its copy.
const printed = vi.fn()
const original = nodeConsole.error
nodeConsole.error = printed
afterAll(() => {
  nodeConsole.error = original
})

/** A page happy-dom is asked to load (a frame and a script), and time for it to say it will not. */
const askHappyDomToLoad = async () => {
  const frame = document.createElement('iframe')
  frame.src = 'about:blank'
  const script = document.createElement('script')
  script.src = 'https://cdn.example/tag.js'
  document.body.append(frame, script)
  await new Promise((r) => setTimeout(r, 50))
  frame.remove()
  script.remove()
}
const reports = () => printed.mock.calls.filter(([e]) => (e as Error | undefined)?.name == 'NotSupportedError')

describe('without happyDomLoadsNothing', () => {
  it('happy-dom reports each frame and script it does not load on Node’s console (what the filter is for)', async () => {
    printed.mockClear()
    await askHappyDomToLoad()
    expect(reports().map(([e]) => (e as Error).message)).toEqual([
      expect.stringMatching(/^Failed to load .*about:blank.* loading is disabled\.$/),
      expect.stringMatching(/^Failed to load .*https:\/\/cdn\.example\/tag\.js.* loading is disabled\.$/),
    ])
  })
})

describe('with happyDomLoadsNothing', () => {
  happyDomLoadsNothing()

  it('drops those reports', async () => {
    printed.mockClear()
    await askHappyDomToLoad()
    expect(reports()).toEqual([])
  })

  it('keeps every other error: a different NotSupportedError, any other error, plain text', () => {
    printed.mockClear()
    const other = Object.assign(new Error('Failed to construct a worker.'), { name: 'NotSupportedError' })
    const boom = new TypeError('Cannot read properties of undefined')
    nodeConsole.error(other)
    nodeConsole.error(boom)
    nodeConsole.error('[consentry] something unexpected')
    expect(printed.mock.calls).toEqual([[other], [boom], ['[consentry] something unexpected']])
  })
})
