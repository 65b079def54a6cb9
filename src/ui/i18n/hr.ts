import type { Translation } from './types.js'

/**
 * Croatian (formal "vi", lowercase as sites addressing the public write it). `{service}` follows "usluga" so the name
 * itself is never declined.
 */
export const hr: Translation = {
  lang: 'hr',
  dir: 'ltr',
  bannerTitle: 'Cijenimo vašu privatnost',
  bannerText:
    'Kolačiće i slične tehnologije upotrebljavamo kako bi ova web-stranica radila, kako bismo mjerili njezino korištenje i, uz vašu privolu, u marketinške svrhe. Možete prihvatiti sve, odbiti sve ili sami odabrati. Svoju odluku možete promijeniti u bilo kojem trenutku. {policy}',
  bannerRevised: 'Od vašeg posljednjeg odabira promijenilo se ono za što tražimo vašu privolu.',
  policyLink: 'Politika privatnosti',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  manage: 'Upravljaj postavkama',
  preferencesTitle: 'Postavke privatnosti',
  preferencesText:
    'Odaberite u koje svrhe smijemo upotrebljavati kolačiće i slične tehnologije. Nužni kolačići uvijek su uključeni jer web-stranica bez njih ne može raditi.',
  save: 'Spremi odabir',
  close: 'Zatvori',
  alwaysOn: 'Uvijek uključeno',
  services: 'Usluge',
  showCookies: 'Prikaži kolačiće',
  cookieName: 'Naziv',
  cookieProvider: 'Pružatelj',
  cookiePurpose: 'Svrha',
  cookieLifetime: 'Trajanje',
  openPreferences: 'Postavke privatnosti',
  saved: 'Vaš je odabir spremljen.',
  embedText: 'Ovaj sadržaj dolazi s usluge {service}. Njegovim učitavanjem podaci se dijele s uslugom {service}.',
  embedLoad: 'Učitaj sadržaj',
  doNotSell: 'Nemojte prodavati ni dijeliti moje osobne podatke',
  limitSensitive: 'Ograničite upotrebu mojih osjetljivih osobnih podataka',
  privacyChoices: 'Vaš izbor u vezi s privatnošću',
  optOutNotice:
    'Mi i naši partneri upotrebljavamo kolačiće i slične tehnologije, među ostalim za prikazivanje personaliziranih oglasa. U bilo kojem trenutku možete se usprotiviti prodaji ili dijeljenju svojih osobnih podataka.',
  gpcHonored: 'Uvažen je signal za izuzeće (opt-out)',
  optOutConfirmed: 'Vaš zahtjev za izuzeće od prodaje i dijeljenja je izvršen.',
  categories: {
    necessary: {
      name: 'Nužni',
      description:
        'Potrebni za rad web-stranice, primjerice kako biste ostali prijavljeni i kako bi se zapamtio ovaj odabir.',
    },
    functional: {
      name: 'Funkcionalni',
      description: 'Pamte vaše postavke, poput jezika ili regije, i omogućuju dodatne funkcije.',
    },
    analytics: {
      name: 'Analitički',
      description: 'Pomažu nam razumjeti kako se web-stranica upotrebljava kako bismo je mogli poboljšati.',
    },
    marketing: {
      name: 'Marketinški',
      description:
        'Upotrebljavamo ih mi i naši partneri za prikazivanje relevantnih oglasa i mjerenje njihove učinkovitosti.',
    },
    personalization: {
      name: 'Personalizacija',
      description: 'Prilagođavaju sadržaj i preporuke vašim interesima.',
    },
  },
}
