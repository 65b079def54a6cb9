import type { Translation } from './types.js'

/** German (formal "Sie"). */
export const de: Translation = {
  lang: 'de',
  dir: 'ltr',
  bannerTitle: 'Ihre Privatsphäre ist uns wichtig',
  bannerText:
    'Wir verwenden Cookies und ähnliche Technologien, um diese Website zu betreiben, ihre Nutzung zu messen und, mit Ihrer Einwilligung, für Marketing. Sie können alle akzeptieren, alle ablehnen oder selbst auswählen. Sie können Ihre Entscheidung jederzeit ändern. {policy}',
  bannerRevised: 'Wofür wir um Ihre Einwilligung bitten, hat sich seit Ihrer letzten Auswahl geändert.',
  policyLink: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  manage: 'Einstellungen verwalten',
  preferencesTitle: 'Datenschutzeinstellungen',
  preferencesText:
    'Wählen Sie, für welche Zwecke wir Cookies und ähnliche Technologien verwenden dürfen. Unbedingt erforderliche Cookies sind immer aktiv, da die Website ohne sie nicht funktioniert.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  alwaysOn: 'Immer aktiv',
  services: 'Dienste',
  showCookies: 'Cookies anzeigen',
  cookieName: 'Name',
  cookieProvider: 'Anbieter',
  cookiePurpose: 'Zweck',
  cookieLifetime: 'Speicherdauer',
  openPreferences: 'Datenschutzeinstellungen',
  saved: 'Ihre Auswahl wurde gespeichert.',
  embedText: 'Dieser Inhalt stammt von {service}. Beim Laden werden Daten an {service} übermittelt.',
  embedLoad: 'Inhalt laden',
  doNotSell: 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
  limitSensitive: 'Verwendung meiner sensiblen personenbezogenen Daten einschränken',
  privacyChoices: 'Ihre Datenschutzoptionen',
  optOutNotice:
    'Wir und unsere Partner verwenden Cookies und ähnliche Technologien, unter anderem, um Ihnen personalisierte Werbung anzuzeigen. Sie können dem Verkauf oder der Weitergabe Ihrer personenbezogenen Daten jederzeit widersprechen.',
  gpcHonored: 'Opt-out-Präferenzsignal berücksichtigt',
  optOutConfirmed: 'Ihr Widerspruch gegen den Verkauf und die Weitergabe Ihrer Daten wurde umgesetzt.',
  categories: {
    necessary: {
      name: 'Unbedingt erforderlich',
      description:
        'Erforderlich, damit die Website funktioniert, zum Beispiel, um Sie angemeldet zu halten und diese Auswahl zu speichern.',
    },
    functional: {
      name: 'Funktional',
      description: 'Speichern Ihre Einstellungen, etwa Sprache oder Region, und ermöglichen erweiterte Funktionen.',
    },
    analytics: {
      name: 'Statistik',
      description: 'Helfen uns zu verstehen, wie die Website genutzt wird, damit wir sie verbessern können.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Werden von uns und unseren Partnern verwendet, um Ihnen relevante Werbung anzuzeigen und deren Wirksamkeit zu messen.',
    },
    personalization: {
      name: 'Personalisierung',
      description: 'Passen Inhalte und Empfehlungen an Ihre Interessen an.',
    },
  },
}
