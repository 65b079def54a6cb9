import type { Translation } from './types.js'

/** The English texts of the first layer: all the script-tag build carries before the banner shows. */
export type BannerText = Pick<Translation, 'lang' | 'dir' | 'bannerTitle' | 'bannerText' | 'bannerRevised' | 'policyLink' | 'acceptAll' | 'rejectAll' | 'manage' | 'saved'>

export const enBanner: BannerText = {
  lang: 'en',
  dir: 'ltr',
  bannerTitle: 'We value your privacy',
  bannerText:
    'We use cookies and similar technologies to run this site, to measure how it is used and, with your permission, for marketing. You can change your mind at any time. {policy}',
  bannerRevised: 'What we ask your consent for has changed since you last chose.',
  policyLink: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  saved: 'Your choices have been saved.',
}
