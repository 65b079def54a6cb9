// A webhook receiver for an audience sync: a Fetch handler (Node 20+, Bun, Deno, Workers).
// docs/forwarding.md shows this file; test/dist/forwarding.test.ts type-checks it and runs it.
import { mayUpload, platformFields, verifyWebhook, type ConsentEvent } from 'consentry/server'

/** Delivery ids already handled. Keep them in your database: a delivery may come more than once. */
const handled = new Set<string>()

/** What this sync would send for the visitor: Meta's and Google's fields, and whether they stay in audiences. */
export const planFor = (event: ConsentEvent) => ({
  consentId: event.consentId,
  meta: platformFields(event.record, 'meta'), // null: send Meta nothing for this visitor
  google: platformFields(event.record, 'google-data-manager'),
  inAudiences: mayUpload(event.record, 'meta') && mayUpload(event.record, 'google-data-manager'),
})

export const handleWebhook = async (request: Request, secrets: string[]): Promise<Response> => {
  // The raw body: the signature covers the bytes as sent, not a re-serialised object.
  const body = await request.text()
  const result = await verifyWebhook(body, request.headers.get('consentry-signature'), secrets)
  if (!result.ok) return new Response(result.reason, { status: 400 })
  if (handled.has(result.event.id)) return new Response(null, { status: 204 })
  const plan = planFor(result.event)
  if (!plan.inAudiences) console.log(`remove ${plan.consentId} from every audience`)
  handled.add(result.event.id)
  return new Response(null, { status: 204 })
}
