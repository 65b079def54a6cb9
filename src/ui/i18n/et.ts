import type { Translation } from './types.js'

/**
 * Estonian (formal "teie"; buttons in the imperative, as Estonian interfaces label actions). `{service}` follows
 * "teenus" so the name itself never needs a case ending.
 */
export const et: Translation = {
  lang: 'et',
  dir: 'ltr',
  bannerTitle: 'Hoolime teie privaatsusest',
  bannerText:
    'Kasutame küpsiseid ja sarnaseid tehnoloogiaid, et see veebisait töötaks, et mõõta selle kasutamist ning teie nõusolekul turunduseks. Võite nõustuda kõigiga, keelduda kõigist või ise valida. Oma otsust saate igal ajal muuta. {policy}',
  bannerRevised: 'See, milleks me teie nõusolekut palume, on pärast teie viimast valikut muutunud.',
  policyLink: 'Privaatsuspoliitika',
  acceptAll: 'Nõustu kõigiga',
  rejectAll: 'Keeldu kõigist',
  manage: 'Halda eelistusi',
  preferencesTitle: 'Privaatsuseelistused',
  preferencesText:
    'Valige, milleks võime küpsiseid ja sarnaseid tehnoloogiaid kasutada. Hädavajalikud küpsised on alati sees, sest ilma nendeta veebisait ei tööta.',
  save: 'Salvesta valik',
  close: 'Sulge',
  alwaysOn: 'Alati sees',
  services: 'Teenused',
  showCookies: 'Näita küpsiseid',
  cookieName: 'Nimi',
  cookieProvider: 'Pakkuja',
  cookiePurpose: 'Eesmärk',
  cookieLifetime: 'Säilitamisaeg',
  openPreferences: 'Privaatsusseaded',
  saved: 'Teie valik on salvestatud.',
  embedText: 'See sisu pärineb teenusest {service}. Selle laadimisel jagatakse andmeid teenusega {service}.',
  embedLoad: 'Laadi sisu',
  doNotSell: 'Ära müü ega jaga minu isikuandmeid',
  limitSensitive: 'Piira minu tundlike isikuandmete kasutamist',
  privacyChoices: 'Teie privaatsusvalikud',
  optOutNotice:
    'Meie ja meie partnerid kasutame küpsiseid ja sarnaseid tehnoloogiaid, muu hulgas selleks, et näidata teile isikupärastatud reklaami. Võite igal ajal keelduda oma isikuandmete müümisest või jagamisest.',
  gpcHonored: 'Loobumissoovi signaali on arvestatud',
  optOutConfirmed: 'Teie taotlus müümisest ja jagamisest loobuda on täidetud.',
  categories: {
    necessary: {
      name: 'Hädavajalikud',
      description:
        'Vajalikud veebisaidi toimimiseks, näiteks selleks, et te jääksite sisselogituks ja need valikud jääksid meelde.',
    },
    functional: {
      name: 'Funktsionaalsed',
      description: 'Jätavad meelde teie seaded, näiteks keele või piirkonna, ja pakuvad täiendavaid funktsioone.',
    },
    analytics: {
      name: 'Analüütilised',
      description: 'Aitavad meil mõista, kuidas veebisaiti kasutatakse, et saaksime seda paremaks muuta.',
    },
    marketing: {
      name: 'Turundus',
      description: 'Kasutame neid koos partneritega, et näidata teile asjakohast reklaami ja mõõta selle tõhusust.',
    },
    personalization: {
      name: 'Isikupärastamine',
      description: 'Kohandavad sisu ja soovitusi teie huvide järgi.',
    },
  },
}
