/** The template's own `___TESTS___` scenarios, run with GTM's test API (mock, assertApi, assertThat, runCode). */
import { isDeepStrictEqual } from 'node:util'
import { apis, assertSandboxed, copy, execute, newRun, runTemplate, type RunOptions } from './run.js'
import type { Template } from './template.js'

const TEST_API = ['mock', 'mockObject', 'assertApi', 'assertThat', 'runCode', 'fail', 'require']

export interface ScenarioResult {
  name: string
  passed: boolean
  error?: string
}

/** Runs every `___TESTS___` scenario (after `setup`) with GTM's test API. */
export const runScenarios = (template: Template): ScenarioResult[] =>
  template.tests.scenarios.map(({ name, code }) => {
    const source = (template.tests.setup ?? '') + '\n' + code
    try {
      assertSandboxed(source, TEST_API)
      const mocks: Record<string, unknown> = {}
      const run = newRun()
      const options: RunOptions = { mocks }
      const fail = (message: string) => {
        throw new Error(message)
      }
      const calls = (api: string) => run.calls.filter((c) => c.api == api)
      const same = (a: unknown, b: unknown) => isDeepStrictEqual(copy(a), copy(b))
      const api = {
        mock: (name: string, value: unknown) => void (mocks[name] = value),
        mockObject: (name: string, value: unknown) => void (mocks[name] = value),
        runCode: (data: Record<string, unknown>) => void runTemplate(template, data, options, run),
        fail,
        require: apis(run, template.permissions, options, false),
        assertApi: (name: string) => ({
          wasCalled: () => calls(name).length || fail(`${name} was not called`),
          wasNotCalled: () => !calls(name).length || fail(`${name} was called: ${JSON.stringify(calls(name)[0]!.args)}`),
          wasCalledWith: (...args: unknown[]) =>
            calls(name).some((c) => same(c.args, args)) || fail(`${name} was not called with ${JSON.stringify(args)}; calls: ${JSON.stringify(calls(name).map((c) => c.args))}`),
          wasNotCalledWith: (...args: unknown[]) => !calls(name).some((c) => same(c.args, args)) || fail(`${name} was called with ${JSON.stringify(args)}`),
        }),
        assertThat: (actual: unknown, message?: string) => {
          const is = (ok: boolean, what: string) => ok || fail(message ?? `expected ${JSON.stringify(actual)} ${what}`)
          return {
            isEqualTo: (x: unknown) => is(same(actual, x), `to equal ${JSON.stringify(x)}`),
            isNotEqualTo: (x: unknown) => is(!same(actual, x), `not to equal ${JSON.stringify(x)}`),
            isStrictlyEqualTo: (x: unknown) => is(actual === x, `to be ${JSON.stringify(x)}`),
            isTrue: () => is(actual === true, 'to be true'),
            isFalse: () => is(actual === false, 'to be false'),
            isUndefined: () => is(actual === undefined, 'to be undefined'),
            isDefined: () => is(actual !== undefined, 'to be defined'),
            isNull: () => is(actual === null, 'to be null'),
            isNotNull: () => is(actual !== null, 'not to be null'),
            contains: (...xs: unknown[]) => is(xs.every((x) => (actual as unknown[]).some((a) => same(a, x))), `to contain ${JSON.stringify(xs)}`),
            doesNotContain: (...xs: unknown[]) => is(!xs.some((x) => (actual as unknown[]).some((a) => same(a, x))), `not to contain ${JSON.stringify(xs)}`),
          }
        },
      }
      execute(source, api)
      return { name, passed: true }
    } catch (e) {
      return { name, passed: false, error: (e as Error).message }
    }
  })
