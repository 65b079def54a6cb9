export { checkWebhookOptions, startDeliverer, type Deliverer, type WebhookOptions } from './deliverer.js'
