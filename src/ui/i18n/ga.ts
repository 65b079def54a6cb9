import type { Translation } from './types.js'

/**
 * Irish ("tú", as Irish public bodies address a reader; Irish has no polite form). `{service}` follows "seirbhís" so
 * the name itself is never mutated.
 */
export const ga: Translation = {
  lang: 'ga',
  dir: 'ltr',
  bannerTitle: 'Tá meas againn ar do phríobháideachas',
  bannerText:
    'Úsáidimid fianáin agus teicneolaíochtaí comhchosúla chun an suíomh seo a reáchtáil, chun a thomhas conas a úsáidtear é agus, le do thoiliú, chun críocha margaíochta. Is féidir leat glacadh leo go léir, iad go léir a dhiúltú nó do rogha féin a dhéanamh. Is féidir leat d’intinn a athrú am ar bith. {policy}',
  bannerRevised: 'Tá athrú tagtha ar an méid a n-iarraimid do thoiliú ina leith ó rinne tú rogha an uair dheireanach.',
  policyLink: 'Beartas príobháideachais',
  acceptAll: 'Glac leo go léir',
  rejectAll: 'Diúltaigh dóibh go léir',
  manage: 'Bainistigh roghanna',
  preferencesTitle: 'Roghanna príobháideachais',
  preferencesText:
    'Roghnaigh na críocha ar féidir linn fianáin agus teicneolaíochtaí comhchosúla a úsáid lena n-aghaidh. Bíonn na cinn atá fíor-riachtanach ar siúl i gcónaí, mar ní féidir leis an suíomh oibriú gan iad.',
  save: 'Sábháil roghanna',
  close: 'Dún',
  alwaysOn: 'Ar siúl i gcónaí',
  services: 'Seirbhísí',
  showCookies: 'Taispeáin fianáin',
  cookieName: 'Ainm',
  cookieProvider: 'Soláthraí',
  cookiePurpose: 'Cuspóir',
  cookieLifetime: 'Tréimhse stórála',
  openPreferences: 'Socruithe príobháideachais',
  saved: 'Sábháladh do roghanna.',
  embedText:
    'Is ón tseirbhís {service} an t-ábhar seo. Má lódálann tú é, roinnfear sonraí leis an tseirbhís {service}.',
  embedLoad: 'Lódáil an t-ábhar',
  doNotSell: 'Ná díol ná comhroinn mo chuid sonraí pearsanta',
  limitSensitive: 'Teorannaigh úsáid mo chuid sonraí pearsanta íogaire',
  privacyChoices: 'Do roghanna príobháideachais',
  optOutNotice:
    'Úsáidimid féin agus ár gcomhpháirtithe fianáin agus teicneolaíochtaí comhchosúla, lena n-áirítear chun fógraí pearsantaithe a thaispeáint duit. Is féidir leat a iarraidh am ar bith nach ndíolfar ná nach gcomhroinnfear do chuid sonraí pearsanta.',
  gpcHonored: 'Tugadh aird ar an gcomhartha rogha diúltaithe',
  optOutConfirmed: 'Comhlíonadh d’iarratas nach ndíolfar ná nach gcomhroinnfear do chuid sonraí.',
  categories: {
    necessary: {
      name: 'Fíor-riachtanach',
      description:
        'Riachtanach chun go n-oibreoidh an suíomh, mar shampla chun tú a choinneáil logáilte isteach agus chun na roghanna seo a mheabhrú.',
    },
    functional: {
      name: 'Feidhmiúla',
      description: 'Cuimhníonn siad ar do shocruithe, amhail teanga nó réigiún, agus soláthraíonn siad gnéithe breise.',
    },
    analytics: {
      name: 'Anailísíocht',
      description: 'Cabhraíonn siad linn a thuiscint conas a úsáidtear an suíomh, ionas gur féidir linn é a fheabhsú.',
    },
    marketing: {
      name: 'Margaíocht',
      description:
        'Úsáidimid féin agus ár gcomhpháirtithe iad chun fógraíocht ábhartha a thaispeáint duit agus chun a héifeachtacht a thomhas.',
    },
    personalization: {
      name: 'Pearsantú',
      description: 'Cuireann siad ábhar agus moltaí in oiriúint do do spéiseanna.',
    },
  },
}
