export { signWebhook, verifyWebhook, type WebhookRefusal, type WebhookResult } from './sign.js'
export { consentEventProblem, type ConsentEvent, type ConsentEventPrevious } from './event.js'
