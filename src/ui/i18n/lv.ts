import type { Translation } from './types.js'

/**
 * Latvian (formal "jūs", lowercase as sites addressing the public write it; buttons in the infinitive, as Latvian
 * interfaces label actions). `{service}` follows "pakalpojums" so the name itself is never declined.
 */
export const lv: Translation = {
  lang: 'lv',
  dir: 'ltr',
  bannerTitle: 'Mēs rūpējamies par jūsu privātumu',
  bannerText:
    'Mēs izmantojam sīkdatnes un līdzīgas tehnoloģijas, lai nodrošinātu šīs vietnes darbību, lai mērītu, kā tā tiek izmantota, un ar jūsu piekrišanu – mārketinga nolūkos. Varat pieņemt visas, noraidīt visas vai izvēlēties paši. Savu izvēli varat mainīt jebkurā laikā. {policy}',
  bannerRevised: 'Kopš jūsu pēdējās izvēles ir mainījies tas, kam lūdzam jūsu piekrišanu.',
  policyLink: 'Privātuma politika',
  acceptAll: 'Pieņemt visas',
  rejectAll: 'Noraidīt visas',
  manage: 'Pārvaldīt iestatījumus',
  preferencesTitle: 'Privātuma iestatījumi',
  preferencesText:
    'Izvēlieties, kādiem nolūkiem mēs drīkstam izmantot sīkdatnes un līdzīgas tehnoloģijas. Obligāti nepieciešamās sīkdatnes vienmēr ir ieslēgtas, jo bez tām vietne nevar darboties.',
  save: 'Saglabāt izvēli',
  close: 'Aizvērt',
  alwaysOn: 'Vienmēr aktīvas',
  services: 'Pakalpojumi',
  showCookies: 'Rādīt sīkdatnes',
  cookieName: 'Nosaukums',
  cookieProvider: 'Nodrošinātājs',
  cookiePurpose: 'Nolūks',
  cookieLifetime: 'Glabāšanas ilgums',
  openPreferences: 'Privātuma iestatījumi',
  saved: 'Jūsu izvēle ir saglabāta.',
  embedText: 'Šo saturu nodrošina pakalpojums {service}. Ja to ielādējat, dati tiek kopīgoti ar pakalpojumu {service}.',
  embedLoad: 'Ielādēt saturu',
  doNotSell: 'Nepārdot un nekopīgot manus personas datus',
  limitSensitive: 'Ierobežot manu sensitīvo personas datu izmantošanu',
  privacyChoices: 'Jūsu privātuma izvēles',
  optOutNotice:
    'Mēs un mūsu partneri izmantojam sīkdatnes un līdzīgas tehnoloģijas, tostarp lai rādītu jums personalizētas reklāmas. Jebkurā laikā varat atteikties no savu personas datu pārdošanas vai kopīgošanas.',
  gpcHonored: 'Atteikšanās signāls ir ievērots',
  optOutConfirmed: 'Jūsu pieprasījums atteikties no pārdošanas un kopīgošanas ir izpildīts.',
  categories: {
    necessary: {
      name: 'Nepieciešamās',
      description: 'Vajadzīgas vietnes darbībai, piemēram, lai saglabātu jūsu pieteikšanos un atcerētos šo izvēli.',
    },
    functional: {
      name: 'Funkcionālās',
      description: 'Atceras jūsu iestatījumus, piemēram, valodu vai reģionu, un nodrošina papildu funkcijas.',
    },
    analytics: {
      name: 'Analītiskās',
      description: 'Palīdz mums saprast, kā vietne tiek izmantota, lai mēs to varētu uzlabot.',
    },
    marketing: {
      name: 'Mārketinga',
      description:
        'Mēs un mūsu partneri tās izmantojam, lai rādītu jums atbilstošas reklāmas un mērītu to efektivitāti.',
    },
    personalization: {
      name: 'Personalizācijas',
      description: 'Pielāgo saturu un ieteikumus jūsu interesēm.',
    },
  },
}
