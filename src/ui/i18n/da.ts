import type { Translation } from './types.js'

/** Danish ("du", as Danish sites use). */
export const da: Translation = {
  lang: 'da',
  dir: 'ltr',
  bannerTitle: 'Vi værner om dit privatliv',
  bannerText:
    'Vi bruger cookies og lignende teknologier til at drive dette website, til at måle, hvordan det bruges, og, med dit samtykke, til markedsføring. Du kan acceptere alle, afvise alle eller selv vælge. Du kan til enhver tid ændre dit valg. {policy}',
  bannerRevised: 'Det, vi beder om dit samtykke til, er ændret siden dit sidste valg.',
  policyLink: 'Privatlivspolitik',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  manage: 'Administrer indstillinger',
  preferencesTitle: 'Privatlivsindstillinger',
  preferencesText:
    'Vælg, til hvilke formål vi må bruge cookies og lignende teknologier. Strengt nødvendige cookies er altid slået til, fordi websitet ikke kan fungere uden dem.',
  save: 'Gem valg',
  close: 'Luk',
  alwaysOn: 'Altid slået til',
  services: 'Tjenester',
  showCookies: 'Vis cookies',
  cookieName: 'Navn',
  cookieProvider: 'Udbyder',
  cookiePurpose: 'Formål',
  cookieLifetime: 'Varighed',
  openPreferences: 'Privatlivsindstillinger',
  saved: 'Dine valg er gemt.',
  embedText: 'Dette indhold kommer fra {service}. Hvis du indlæser det, deles data med {service}.',
  embedLoad: 'Indlæs indhold',
  doNotSell: 'Sælg eller del ikke mine personoplysninger',
  limitSensitive: 'Begræns brugen af mine følsomme personoplysninger',
  privacyChoices: 'Dine privatlivsvalg',
  optOutNotice:
    'Vi og vores partnere bruger cookies og lignende teknologier, blandt andet til at vise dig personaliserede annoncer. Du kan til enhver tid fravælge salg eller deling af dine personoplysninger.',
  gpcHonored: 'Signal om fravalg er respekteret',
  optOutConfirmed: 'Din anmodning om fravalg af salg og deling er imødekommet.',
  categories: {
    necessary: {
      name: 'Strengt nødvendige',
      description:
        'Nødvendige for, at websitet fungerer, for eksempel for at holde dig logget ind og huske disse valg.',
    },
    functional: {
      name: 'Funktionelle',
      description: 'Husker dine indstillinger, såsom sprog eller region, og giver udvidede funktioner.',
    },
    analytics: {
      name: 'Statistik',
      description: 'Hjælper os med at forstå, hvordan websitet bruges, så vi kan forbedre det.',
    },
    marketing: {
      name: 'Marketing',
      description: 'Bruges af os og vores partnere til at vise dig relevante annoncer og måle deres effekt.',
    },
    personalization: {
      name: 'Personalisering',
      description: 'Tilpasser indhold og anbefalinger til dine interesser.',
    },
  },
}
