/**
 * Video embeds; usually in `functional` or `marketing`, marked up as
 * `<iframe data-consent="…" data-service="youtube" data-src="…">` so that a
 * placeholder asks first. Their cookies live on the video site (third-party):
 * a page cannot delete them.
 */
import type { ServiceConfig } from '../config/types.js'

/**
 * YouTube, including youtube-nocookie.com embeds (which still store data in
 * the browser once played) and the video and image hosts.
 * @example <iframe data-consent="marketing" data-service="youtube" data-src="https://www.youtube-nocookie.com/embed/ID">
 */
export const youtube: ServiceConfig = {
  id: 'youtube',
  label: 'YouTube',
  provider: 'Google Ireland Ltd.',
  description: 'Plays embedded YouTube videos.',
  hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com', 'googlevideo.com'],
}

/**
 * Vimeo's player (player.vimeo.com) and CDN; its `vuid` cookie is set on vimeo.com.
 * @example <iframe data-consent="functional" data-service="vimeo" data-src="https://player.vimeo.com/video/ID">
 */
export const vimeo: ServiceConfig = {
  id: 'vimeo',
  label: 'Vimeo',
  provider: 'Vimeo.com Inc.',
  description: 'Plays embedded Vimeo videos.',
  hosts: ['player.vimeo.com', 'vimeocdn.com'],
}
