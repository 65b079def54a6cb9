/**
 * The Vue component the consentry/vue tests render on the server and hydrate in the page (test code only: no entry
 * imports this file). No DOM at import, so the Node server-render test can use it.
 */
import { defineComponent, h } from 'vue'
import type { Snapshot } from './shared.js'
import { useConsent, useHas } from './vue.js'

/** The decision and analytics, from `initial` (the server's reading) until the live store takes over. */
export const ConsentPage = defineComponent({
  props: { initial: { type: Object as () => Snapshot, required: false } },
  setup(props) {
    const consent = useConsent(props.initial)
    const analytics = useHas('analytics', props.initial)
    return () => h('p', { 'data-decided': String(consent.value.decided) }, `analytics ${analytics.value ? 'on' : 'off'}`)
  },
})
