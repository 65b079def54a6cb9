import type { Translation } from './types.js'

/**
 * Slovak (formal "vy", lowercase as sites addressing the public write it). `{service}` follows "služba" so the name
 * itself is never declined.
 */
export const sk: Translation = {
  lang: 'sk',
  dir: 'ltr',
  bannerTitle: 'Vážime si vaše súkromie',
  bannerText:
    'Súbory cookie a podobné technológie používame na prevádzku tejto webovej stránky, na meranie jej používania a s vaším súhlasom aj na marketing. Môžete všetko prijať, všetko odmietnuť alebo si vybrať. Svoje rozhodnutie môžete kedykoľvek zmeniť. {policy}',
  bannerRevised: 'Od vašej poslednej voľby sa zmenilo, na čo vás žiadame o súhlas.',
  policyLink: 'Zásady ochrany osobných údajov',
  acceptAll: 'Prijať všetko',
  rejectAll: 'Odmietnuť všetko',
  manage: 'Spravovať nastavenia',
  preferencesTitle: 'Nastavenia súkromia',
  preferencesText:
    'Vyberte, na aké účely smieme používať súbory cookie a podobné technológie. Nevyhnutné súbory cookie sú vždy zapnuté, pretože bez nich webová stránka nemôže fungovať.',
  save: 'Uložiť voľby',
  close: 'Zavrieť',
  alwaysOn: 'Vždy zapnuté',
  services: 'Služby',
  showCookies: 'Zobraziť súbory cookie',
  cookieName: 'Názov',
  cookieProvider: 'Poskytovateľ',
  cookiePurpose: 'Účel',
  cookieLifetime: 'Doba uchovávania',
  openPreferences: 'Nastavenia súkromia',
  saved: 'Vaše voľby boli uložené.',
  embedText: 'Tento obsah pochádza zo služby {service}. Ak ho načítate, údaje sa budú zdieľať so službou {service}.',
  embedLoad: 'Načítať obsah',
  doNotSell: 'Nepredávať ani nezdieľať moje osobné údaje',
  limitSensitive: 'Obmedziť používanie mojich citlivých osobných údajov',
  privacyChoices: 'Vaše možnosti ochrany súkromia',
  optOutNotice:
    'My a naši partneri používame súbory cookie a podobné technológie, okrem iného na zobrazovanie personalizovaných reklám. Predaj alebo zdieľanie svojich osobných údajov môžete kedykoľvek odmietnuť.',
  gpcHonored: 'Signál odmietnutia bol rešpektovaný',
  optOutConfirmed: 'Vašej žiadosti o odmietnutie predaja a zdieľania sme vyhoveli.',
  categories: {
    necessary: {
      name: 'Nevyhnutné',
      description:
        'Potrebné na fungovanie webovej stránky, napríklad na udržanie prihlásenia a zapamätanie týchto volieb.',
    },
    functional: {
      name: 'Funkčné',
      description: 'Pamätajú si vaše nastavenia, napríklad jazyk alebo región, a poskytujú rozšírené funkcie.',
    },
    analytics: {
      name: 'Analytické',
      description: 'Pomáhajú nám pochopiť, ako sa webová stránka používa, aby sme ju mohli zlepšovať.',
    },
    marketing: {
      name: 'Marketingové',
      description: 'Používame ich my a naši partneri na zobrazovanie relevantnej reklamy a meranie jej účinnosti.',
    },
    personalization: {
      name: 'Personalizácia',
      description: 'Prispôsobujú obsah a odporúčania vašim záujmom.',
    },
  },
}
