/**
 * Video embeds; usually in `functional` or `marketing`, marked up as
 * `<iframe data-consent="…" data-service="youtube" data-src="…">` so that a
 * placeholder asks first. Their cookies live on the video site (third-party):
 * a page cannot delete them, so these presets list none to delete, only a
 * cookie table to show; `reloadOnWithdraw` stops a player already running.
 */
import type { ServiceConfig } from '../config/types.js'

/**
 * YouTube, including privacy-enhanced youtube-nocookie.com embeds (which store
 * no viewing data until the video is played: support.google.com/youtube/answer/171780)
 * and the image and video hosts. `YSC` and `VISITOR_INFO1_LIVE` are set on
 * youtube.com ("How Google uses cookies", policies.google.com/technologies/cookies).
 * @example <iframe data-consent="marketing" data-service="youtube" data-src="https://www.youtube-nocookie.com/embed/ID">
 */
export const youtube: ServiceConfig = {
  id: 'youtube',
  label: 'YouTube',
  provider: 'Google Ireland Ltd.',
  description: 'Plays embedded YouTube videos.',
  hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com', 'googlevideo.com'],
  cookieTable: [
    { name: 'YSC', purpose: 'Protects YouTube requests against forgery (set on youtube.com).', lifetime: 'session' },
    { name: 'VISITOR_INFO1_LIVE', purpose: 'Keeps player preferences and diagnostics (set on youtube.com).', lifetime: '6 months' },
  ],
}

/**
 * Vimeo's player (player.vimeo.com) and CDN. The player sets `vuid` and
 * `player` on vimeo.com ("Cookies set by the Vimeo player",
 * help.vimeo.com/hc/en-us/articles/26080940921361); `?dnt=1` on the embed URL
 * stops new ones.
 * @example <iframe data-consent="functional" data-service="vimeo" data-src="https://player.vimeo.com/video/ID">
 */
export const vimeo: ServiceConfig = {
  id: 'vimeo',
  label: 'Vimeo',
  provider: 'Vimeo.com Inc.',
  description: 'Plays embedded Vimeo videos.',
  hosts: ['player.vimeo.com', 'vimeocdn.com'],
  cookieTable: [
    { name: 'vuid', purpose: 'Counts views for the video owner (set on vimeo.com).', lifetime: '2 years' },
    { name: 'player', purpose: 'Keeps volume, quality and caption choices (set on vimeo.com).', lifetime: '1 year' },
  ],
}
