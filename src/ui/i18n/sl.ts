import type { Translation } from './types.js'

/**
 * Slovenian (formal "vi", lowercase as sites addressing the public write it). `{service}` follows "storitev" so the
 * name itself is never declined.
 */
export const sl: Translation = {
  lang: 'sl',
  dir: 'ltr',
  bannerTitle: 'Spoštujemo vašo zasebnost',
  bannerText:
    'Piškotke in podobne tehnologije uporabljamo za delovanje tega spletnega mesta, za merjenje njegove uporabe in, z vašo privolitvijo, za trženje. Sprejmete lahko vse, zavrnete vse ali izberete sami. Svojo odločitev lahko kadar koli spremenite. {policy}',
  bannerRevised: 'Od vaše zadnje izbire se je spremenilo, za kaj vas prosimo za privolitev.',
  policyLink: 'Pravilnik o zasebnosti',
  acceptAll: 'Sprejmi vse',
  rejectAll: 'Zavrni vse',
  manage: 'Upravljaj nastavitve',
  preferencesTitle: 'Nastavitve zasebnosti',
  preferencesText:
    'Izberite, za katere namene smemo uporabljati piškotke in podobne tehnologije. Nujno potrebni piškotki so vedno vklopljeni, ker spletno mesto brez njih ne more delovati.',
  save: 'Shrani izbiro',
  close: 'Zapri',
  alwaysOn: 'Vedno vklopljeno',
  services: 'Storitve',
  showCookies: 'Prikaži piškotke',
  cookieName: 'Ime',
  cookieProvider: 'Ponudnik',
  cookiePurpose: 'Namen',
  cookieLifetime: 'Trajanje',
  openPreferences: 'Nastavitve zasebnosti',
  saved: 'Vaša izbira je shranjena.',
  embedText: 'Ta vsebina prihaja iz storitve {service}. Če jo naložite, se podatki delijo s storitvijo {service}.',
  embedLoad: 'Naloži vsebino',
  doNotSell: 'Ne prodajajte in ne delite mojih osebnih podatkov',
  limitSensitive: 'Omejite uporabo mojih občutljivih osebnih podatkov',
  privacyChoices: 'Vaše izbire glede zasebnosti',
  optOutNotice:
    'Mi in naši partnerji uporabljamo piškotke in podobne tehnologije, med drugim za prikazovanje prilagojenih oglasov. Prodajo ali deljenje svojih osebnih podatkov lahko kadar koli zavrnete.',
  gpcHonored: 'Signal za zavrnitev je bil upoštevan',
  optOutConfirmed: 'Vaša zahteva za zavrnitev prodaje in deljenja je bila izpolnjena.',
  categories: {
    necessary: {
      name: 'Nujno potrebni',
      description: 'Potrebni za delovanje spletnega mesta, na primer za ohranjanje prijave in shranjevanje te izbire.',
    },
    functional: {
      name: 'Funkcionalni',
      description: 'Shranijo vaše nastavitve, na primer jezik ali regijo, in omogočajo dodatne funkcije.',
    },
    analytics: {
      name: 'Analitični',
      description: 'Pomagajo nam razumeti, kako se spletno mesto uporablja, da ga lahko izboljšamo.',
    },
    marketing: {
      name: 'Trženjski',
      description:
        'Uporabljamo jih mi in naši partnerji za prikazovanje ustreznih oglasov in merjenje njihove učinkovitosti.',
    },
    personalization: {
      name: 'Prilagajanje',
      description: 'Prilagajajo vsebino in priporočila vašim interesom.',
    },
  },
}
