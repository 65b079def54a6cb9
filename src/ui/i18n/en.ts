import { enBanner } from './en-banner.js'
import type { Translation } from './types.js'

/**
 * English: the built-in language and the fallback for every missing text. The
 * first layer's texts live in en-banner.ts, so the script-tag build can carry
 * those alone; the preferences centre brings the rest.
 */
export const en: Translation = {
  ...enBanner,
  openPreferences: 'Privacy settings',
  preferencesTitle: 'Privacy preferences',
  preferencesText:
    'Choose which purposes we may use cookies and similar technologies for. Strictly necessary ones are always on, because the site cannot work without them.',
  save: 'Save choices',
  close: 'Close',
  alwaysOn: 'Always on',
  services: 'Services',
  showCookies: 'Show cookies',
  cookieName: 'Name',
  cookieProvider: 'Provider',
  cookiePurpose: 'Purpose',
  cookieLifetime: 'Lifetime',
  embedText: 'This content is from {service}. Loading it shares data with {service}.',
  embedLoad: 'Load content',
  doNotSell: 'Do Not Sell or Share My Personal Information',
  limitSensitive: 'Limit the Use of My Sensitive Personal Information',
  privacyChoices: 'Your Privacy Choices',
  optOutNotice:
    'We and our partners use cookies and similar technologies, including to show you personalized ads. You can opt out of the sale or sharing of your personal information at any time.',
  gpcHonored: 'Opt-out preference signal honored',
  optOutConfirmed: 'Your request to opt out of sale and sharing has been honored.',
  categories: {
    necessary: {
      name: 'Strictly necessary',
      description: 'Needed for the site to work, for example to keep you signed in and to remember these choices.',
    },
    functional: {
      name: 'Functional',
      description: 'Remember your settings, such as language or region, and provide enhanced features.',
    },
    analytics: {
      name: 'Analytics',
      description: 'Help us understand how the site is used, so that we can improve it.',
    },
    marketing: {
      name: 'Marketing',
      description: 'Used by us and our partners to show you relevant advertising and measure its effectiveness.',
    },
    personalization: {
      name: 'Personalization',
      description: 'Tailor content and recommendations to your interests.',
    },
  },
}
