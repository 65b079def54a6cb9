import type { Translation } from './types.js'

/** Dutch (formal "u"). */
export const nl: Translation = {
  lang: 'nl',
  dir: 'ltr',
  bannerTitle: 'Wij respecteren uw privacy',
  bannerText:
    'Wij gebruiken cookies en vergelijkbare technieken om deze website te laten werken, om te meten hoe deze wordt gebruikt en, met uw toestemming, voor marketing. U kunt alles accepteren, alles weigeren of zelf kiezen. U kunt uw keuze op elk moment wijzigen. {policy}',
  bannerRevised: 'Waarvoor wij uw toestemming vragen, is veranderd sinds uw laatste keuze.',
  policyLink: 'Privacyverklaring',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  manage: 'Voorkeuren beheren',
  preferencesTitle: 'Privacyvoorkeuren',
  preferencesText:
    'Kies voor welke doeleinden wij cookies en vergelijkbare technieken mogen gebruiken. Strikt noodzakelijke cookies staan altijd aan, omdat de website zonder deze cookies niet kan werken.',
  save: 'Keuzes opslaan',
  close: 'Sluiten',
  alwaysOn: 'Altijd aan',
  services: 'Diensten',
  showCookies: 'Cookies tonen',
  cookieName: 'Naam',
  cookieProvider: 'Aanbieder',
  cookiePurpose: 'Doel',
  cookieLifetime: 'Bewaartermijn',
  openPreferences: 'Privacy-instellingen',
  saved: 'Uw keuzes zijn opgeslagen.',
  embedText: 'Deze inhoud is afkomstig van {service}. Bij het laden worden gegevens gedeeld met {service}.',
  embedLoad: 'Inhoud laden',
  doNotSell: 'Mijn persoonsgegevens niet verkopen of delen',
  limitSensitive: 'Het gebruik van mijn gevoelige persoonsgegevens beperken',
  privacyChoices: 'Uw privacykeuzes',
  optOutNotice:
    'Wij en onze partners gebruiken cookies en vergelijkbare technieken, onder meer om u gepersonaliseerde advertenties te tonen. U kunt op elk moment bezwaar maken tegen de verkoop of het delen van uw persoonsgegevens.',
  gpcHonored: 'Opt-outsignaal gerespecteerd',
  optOutConfirmed: 'Uw verzoek om uw gegevens niet te verkopen of te delen is uitgevoerd.',
  categories: {
    necessary: {
      name: 'Strikt noodzakelijk',
      description:
        'Nodig om de website te laten werken, bijvoorbeeld om u ingelogd te houden en deze keuzes te onthouden.',
    },
    functional: {
      name: 'Functioneel',
      description: 'Onthouden uw instellingen, zoals taal of regio, en bieden extra functies.',
    },
    analytics: {
      name: 'Analytisch',
      description: 'Helpen ons te begrijpen hoe de website wordt gebruikt, zodat we deze kunnen verbeteren.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Worden door ons en onze partners gebruikt om u relevante advertenties te tonen en de effectiviteit daarvan te meten.',
    },
    personalization: {
      name: 'Personalisatie',
      description: 'Stemmen inhoud en aanbevelingen af op uw interesses.',
    },
  },
}
