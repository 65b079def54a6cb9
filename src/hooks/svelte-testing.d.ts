// A test component's server build: vitest.config.ts compiles `.svelte?server` to Svelte's server code (`.svelte`
// alone is declared by Svelte's own types).
declare module '*.svelte?server' {
  import type { Component } from 'svelte'
  const component: Component<Record<string, unknown>>
  export default component
}
