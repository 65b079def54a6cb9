import type { Translation } from './types.js'

/**
 * Lithuanian (formal "jūs", lowercase as sites addressing the public write it; buttons in the infinitive, as
 * Lithuanian interfaces label actions). `{service}` follows "paslauga" so the name itself is never declined.
 */
export const lt: Translation = {
  lang: 'lt',
  dir: 'ltr',
  bannerTitle: 'Mums rūpi jūsų privatumas',
  bannerText:
    'Slapukus ir panašias technologijas naudojame, kad ši svetainė veiktų, kad įvertintume, kaip ji naudojama, ir, jums sutikus, rinkodaros tikslais. Galite sutikti su visais, atsisakyti visų arba pasirinkti patys. Savo sprendimą galite bet kada pakeisti. {policy}',
  bannerRevised: 'Nuo jūsų paskutinio pasirinkimo pasikeitė tai, kam prašome jūsų sutikimo.',
  policyLink: 'Privatumo politika',
  acceptAll: 'Priimti visus',
  rejectAll: 'Atmesti visus',
  manage: 'Tvarkyti nuostatas',
  preferencesTitle: 'Privatumo nuostatos',
  preferencesText:
    'Pasirinkite, kokiais tikslais galime naudoti slapukus ir panašias technologijas. Būtinieji slapukai visada įjungti, nes be jų svetainė negali veikti.',
  save: 'Išsaugoti pasirinkimą',
  close: 'Uždaryti',
  alwaysOn: 'Visada įjungti',
  services: 'Paslaugos',
  showCookies: 'Rodyti slapukus',
  cookieName: 'Pavadinimas',
  cookieProvider: 'Teikėjas',
  cookiePurpose: 'Paskirtis',
  cookieLifetime: 'Galiojimo laikas',
  openPreferences: 'Privatumo nustatymai',
  saved: 'Jūsų pasirinkimas išsaugotas.',
  embedText: 'Šį turinį teikia paslauga {service}. Jį įkėlus, duomenimis dalijamasi su paslauga {service}.',
  embedLoad: 'Įkelti turinį',
  doNotSell: 'Neparduoti ir nebendrinti mano asmens duomenų',
  limitSensitive: 'Apriboti mano jautrių asmens duomenų naudojimą',
  privacyChoices: 'Jūsų privatumo pasirinkimai',
  optOutNotice:
    'Mes ir mūsų partneriai naudojame slapukus ir panašias technologijas, be kita ko, kad rodytume jums suasmenintas reklamas. Bet kada galite atsisakyti, kad jūsų asmens duomenys būtų parduodami ar bendrinami.',
  gpcHonored: 'Atsižvelgta į atsisakymo signalą',
  optOutConfirmed: 'Jūsų prašymas neparduoti ir nebendrinti duomenų įvykdytas.',
  categories: {
    necessary: {
      name: 'Būtinieji',
      description:
        'Reikalingi, kad svetainė veiktų, pavyzdžiui, kad liktumėte prisijungę ir būtų įsimintas šis pasirinkimas.',
    },
    functional: {
      name: 'Funkciniai',
      description: 'Įsimena jūsų nustatymus, pavyzdžiui, kalbą ar regioną, ir suteikia papildomų funkcijų.',
    },
    analytics: {
      name: 'Analitiniai',
      description: 'Padeda mums suprasti, kaip naudojamasi svetaine, kad galėtume ją tobulinti.',
    },
    marketing: {
      name: 'Rinkodaros',
      description:
        'Mes ir mūsų partneriai juos naudojame, kad rodytume jums tinkamas reklamas ir įvertintume jų veiksmingumą.',
    },
    personalization: {
      name: 'Personalizavimo',
      description: 'Pritaiko turinį ir rekomendacijas pagal jūsų pomėgius.',
    },
  },
}
