import type { Translation } from './types.js'

/**
 * Hungarian (formal "Ön"; buttons as verbal nouns, as Hungarian interfaces label actions). "a(z)" before `{service}`:
 * the article depends on how the name begins.
 */
export const hu: Translation = {
  lang: 'hu',
  dir: 'ltr',
  bannerTitle: 'Tiszteletben tartjuk a magánszféráját',
  bannerText:
    'Sütiket és hasonló technológiákat használunk a webhely működtetéséhez, használatának méréséhez, valamint az Ön hozzájárulásával marketingcélokra. Elfogadhatja az összeset, elutasíthatja az összeset, vagy választhat. Döntését bármikor megváltoztathatja. {policy}',
  bannerRevised: 'Legutóbbi választása óta megváltozott, amihez a hozzájárulását kérjük.',
  policyLink: 'Adatvédelmi tájékoztató',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  manage: 'Beállítások kezelése',
  preferencesTitle: 'Adatvédelmi beállítások',
  preferencesText:
    'Válassza ki, milyen célokra használhatunk sütiket és hasonló technológiákat. A feltétlenül szükséges sütik mindig be vannak kapcsolva, mert nélkülük a webhely nem működik.',
  save: 'Választás mentése',
  close: 'Bezárás',
  alwaysOn: 'Mindig aktív',
  services: 'Szolgáltatások',
  showCookies: 'Sütik megjelenítése',
  cookieName: 'Név',
  cookieProvider: 'Szolgáltató',
  cookiePurpose: 'Cél',
  cookieLifetime: 'Időtartam',
  openPreferences: 'Adatvédelmi beállítások',
  saved: 'Választását mentettük.',
  embedText:
    'Ezt a tartalmat a(z) {service} szolgáltatja. Ha betölti, adatokat oszt meg a(z) {service} szolgáltatással.',
  embedLoad: 'Tartalom betöltése',
  doNotSell: 'Ne adják el és ne osszák meg a személyes adataimat',
  limitSensitive: 'Korlátozzák érzékeny személyes adataim felhasználását',
  privacyChoices: 'Az Ön adatvédelmi döntései',
  optOutNotice:
    'Mi és partnereink sütiket és hasonló technológiákat használunk, többek között arra, hogy személyre szabott hirdetéseket jelenítsünk meg Önnek. Bármikor kérheti, hogy személyes adatait ne adjuk el és ne osszuk meg.',
  gpcHonored: 'Az opt-out preferenciajelzést figyelembe vettük',
  optOutConfirmed: 'Kérését teljesítettük: személyes adatait nem adjuk el és nem osztjuk meg.',
  categories: {
    necessary: {
      name: 'Feltétlenül szükséges',
      description:
        'A webhely működéséhez szükségesek, például ahhoz, hogy bejelentkezve maradjon, és hogy megjegyezzük ezeket a választásokat.',
    },
    functional: {
      name: 'Funkcionális',
      description: 'Megjegyzik a beállításait, például a nyelvet vagy a régiót, és bővített funkciókat nyújtanak.',
    },
    analytics: {
      name: 'Statisztikai',
      description: 'Segítenek megérteni, hogyan használják a webhelyet, hogy fejleszthessük.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Mi és partnereink használjuk őket, hogy releváns hirdetéseket jelenítsünk meg Önnek, és mérjük azok hatékonyságát.',
    },
    personalization: {
      name: 'Személyre szabás',
      description: 'A tartalmakat és az ajánlásokat az Ön érdeklődéséhez igazítják.',
    },
  },
}
