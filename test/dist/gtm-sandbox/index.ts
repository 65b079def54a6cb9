/**
 * A local stand-in for Google Tag Manager's template sandbox, for tests only.
 * It reads a Community Template (`.tpl`) export, refuses code outside the
 * documented sandboxed-JavaScript subset, runs the code in `node:vm` with fakes
 * of the GTM APIs that record every call, enforces the template's declared
 * `___WEB_PERMISSIONS___` the way GTM's permission checks do (an undeclared use
 * throws), and runs the template's own `___TESTS___` scenarios.
 *
 * What it knows of GTM comes from Google's docs: "Sandboxed JavaScript"
 * (ES5.1 plus arrow functions and const/let; no `new`, no `this`, no window
 * globals), "Standard library" (the methods each built-in type keeps), the
 * custom template APIs and their permissions, and "Tests" (mock, assertApi,
 * assertThat, runCode). It is stricter than GTM where the docs are silent.
 */
export { parseTemplate, type Permission, type Template } from './template.js'
export { checkSyntax } from './syntax.js'
export { PermissionError, type Usage } from './permissions.js'
export { declaredPermissions, runTemplate, type Call, type Run, type RunOptions } from './run.js'
export { runScenarios, type ScenarioResult } from './scenarios.js'
