import type { Translation } from './types.js'

/**
 * Norwegian Bokmål ("du", as Norwegian sites use); cookies are "informasjonskapsler", the word Norwegian law
 * (ekomloven) and Datatilsynet use.
 */
export const nb: Translation = {
  lang: 'nb',
  dir: 'ltr',
  bannerTitle: 'Vi tar personvernet ditt på alvor',
  bannerText:
    'Vi bruker informasjonskapsler og lignende teknologi for å drive dette nettstedet, for å måle hvordan det brukes og, med ditt samtykke, til markedsføring. Du kan godta alle, avvise alle eller velge selv. Du kan når som helst ombestemme deg. {policy}',
  bannerRevised: 'Det vi ber om samtykke til, er endret siden du sist valgte.',
  policyLink: 'Personvernerklæring',
  acceptAll: 'Godta alle',
  rejectAll: 'Avvis alle',
  manage: 'Administrer valg',
  preferencesTitle: 'Personverninnstillinger',
  preferencesText:
    'Velg hvilke formål vi kan bruke informasjonskapsler og lignende teknologi til. Strengt nødvendige informasjonskapsler er alltid på, fordi nettstedet ikke kan fungere uten dem.',
  save: 'Lagre valg',
  close: 'Lukk',
  alwaysOn: 'Alltid på',
  services: 'Tjenester',
  showCookies: 'Vis informasjonskapsler',
  cookieName: 'Navn',
  cookieProvider: 'Leverandør',
  cookiePurpose: 'Formål',
  cookieLifetime: 'Lagringstid',
  openPreferences: 'Personverninnstillinger',
  saved: 'Valgene dine er lagret.',
  embedText: 'Dette innholdet kommer fra {service}. Hvis du laster det inn, deles data med {service}.',
  embedLoad: 'Last inn innhold',
  doNotSell: 'Ikke selg eller del personopplysningene mine',
  limitSensitive: 'Begrens bruken av mine sensitive personopplysninger',
  privacyChoices: 'Dine personvernvalg',
  optOutNotice:
    'Vi og partnerne våre bruker informasjonskapsler og lignende teknologi, blant annet for å vise deg tilpassede annonser. Du kan når som helst reservere deg mot salg eller deling av personopplysningene dine.',
  gpcHonored: 'Signalet om reservasjon er tatt til følge',
  optOutConfirmed: 'Reservasjonen din mot salg og deling er tatt til følge.',
  categories: {
    necessary: {
      name: 'Strengt nødvendige',
      description:
        'Trengs for at nettstedet skal fungere, for eksempel for å holde deg innlogget og huske disse valgene.',
    },
    functional: {
      name: 'Funksjonelle',
      description: 'Husker innstillingene dine, for eksempel språk eller region, og gir utvidede funksjoner.',
    },
    analytics: {
      name: 'Statistikk',
      description: 'Hjelper oss å forstå hvordan nettstedet brukes, slik at vi kan forbedre det.',
    },
    marketing: {
      name: 'Markedsføring',
      description: 'Brukes av oss og partnerne våre til å vise deg relevante annonser og måle hvor effektive de er.',
    },
    personalization: {
      name: 'Tilpasning',
      description: 'Tilpasser innhold og anbefalinger til interessene dine.',
    },
  },
}
