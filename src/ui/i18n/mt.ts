import type { Translation } from './types.js'

/**
 * Maltese ("int", the singular, as Maltese public bodies address a reader). `{service}` follows "servizz" so the name
 * itself never takes the article.
 */
export const mt: Translation = {
  lang: 'mt',
  dir: 'ltr',
  bannerTitle: 'Il-privatezza tiegħek hija importanti għalina',
  bannerText:
    'Nużaw il-cookies u teknoloġiji simili biex inħaddmu dan is-sit, biex inkejlu kif jintuża u, bil-kunsens tiegħek, għal skopijiet ta’ kummerċjalizzazzjoni. Tista’ taċċettahom kollha, tirrifjutahom kollha jew tagħżel int. Tista’ tbiddel fehmtek fi kwalunkwe ħin. {policy}',
  bannerRevised: 'Minn meta għażilt l-aħħar darba, inbidel dak li għalih qed nitolbuk il-kunsens.',
  policyLink: 'Politika tal-privatezza',
  acceptAll: 'Aċċetta kollox',
  rejectAll: 'Irrifjuta kollox',
  manage: 'Immaniġġja l-preferenzi',
  preferencesTitle: 'Preferenzi tal-privatezza',
  preferencesText:
    'Agħżel għal liema skopijiet nistgħu nużaw il-cookies u teknoloġiji simili. Dawk strettament meħtieġa huma dejjem attivi, għax is-sit ma jistax jaħdem mingħajrhom.',
  save: 'Issejvja l-għażliet',
  close: 'Agħlaq',
  alwaysOn: 'Dejjem attivi',
  services: 'Servizzi',
  showCookies: 'Uri l-cookies',
  cookieName: 'Isem',
  cookieProvider: 'Fornitur',
  cookiePurpose: 'Skop',
  cookieLifetime: 'Tul ta’ żmien',
  openPreferences: 'Issettjar tal-privatezza',
  saved: 'L-għażliet tiegħek ġew issejvjati.',
  embedText: 'Dan il-kontenut ġej mis-servizz {service}. Jekk tgħabbih, tinqasam data mas-servizz {service}.',
  embedLoad: 'Għabbi l-kontenut',
  doNotSell: 'Tbigħux u taqsmux id-data personali tiegħi',
  limitSensitive: 'Illimitaw l-użu tad-data personali sensittiva tiegħi',
  privacyChoices: 'L-għażliet tiegħek dwar il-privatezza',
  optOutNotice:
    'Aħna u l-imsieħba tagħna nużaw il-cookies u teknoloġiji simili, fost l-oħrajn biex nurulek reklami personalizzati. Tista’ tagħżel fi kwalunkwe ħin li d-data personali tiegħek ma tinbigħx u ma tinqasamx.',
  gpcHonored: 'Is-sinjal tal-preferenza ta’ opt-out ġie rispettat',
  optOutConfirmed: 'It-talba tiegħek biex id-data tiegħek ma tinbigħx u ma tinqasamx ġiet rispettata.',
  categories: {
    necessary: {
      name: 'Strettament meħtieġa',
      description: 'Meħtieġa biex is-sit jaħdem, pereżempju biex iżommuk illoggjat u biex niftakru dawn l-għażliet.',
    },
    functional: {
      name: 'Funzjonali',
      description: 'Jiftakru s-settings tiegħek, bħall-lingwa jew ir-reġjun, u joffru funzjonijiet imtejba.',
    },
    analytics: {
      name: 'Analitiċi',
      description: 'Jgħinuna nifhmu kif jintuża s-sit, biex inkunu nistgħu ntejbuh.',
    },
    marketing: {
      name: 'Kummerċjalizzazzjoni',
      description: 'Jintużaw minna u mill-imsieħba tagħna biex nurulek reklami rilevanti u nkejlu kemm huma effettivi.',
    },
    personalization: {
      name: 'Personalizzazzjoni',
      description: 'Jadattaw il-kontenut u r-rakkomandazzjonijiet għall-interessi tiegħek.',
    },
  },
}
