import type { Translation } from './types.js'

/** Romanian (formal "dumneavoastră"; buttons in the imperative, as Romanian interfaces label actions). */
export const ro: Translation = {
  lang: 'ro',
  dir: 'ltr',
  bannerTitle: 'Respectăm confidențialitatea dumneavoastră',
  bannerText:
    'Folosim cookie-uri și tehnologii similare pentru funcționarea acestui site, pentru a măsura modul în care este utilizat și, cu consimțământul dumneavoastră, în scopuri de marketing. Puteți accepta tot, respinge tot sau alege. Vă puteți răzgândi oricând. {policy}',
  bannerRevised: 'Scopurile pentru care vă cerem consimțământul s-au schimbat de la ultima dumneavoastră alegere.',
  policyLink: 'Politica de confidențialitate',
  acceptAll: 'Acceptă tot',
  rejectAll: 'Respinge tot',
  manage: 'Gestionează preferințele',
  preferencesTitle: 'Preferințe de confidențialitate',
  preferencesText:
    'Alegeți în ce scopuri putem folosi cookie-uri și tehnologii similare. Cele strict necesare sunt mereu active, deoarece site-ul nu poate funcționa fără ele.',
  save: 'Salvează alegerile',
  close: 'Închide',
  alwaysOn: 'Mereu active',
  services: 'Servicii',
  showCookies: 'Afișează cookie-urile',
  cookieName: 'Nume',
  cookieProvider: 'Furnizor',
  cookiePurpose: 'Scop',
  cookieLifetime: 'Durată',
  openPreferences: 'Setări de confidențialitate',
  saved: 'Alegerile dumneavoastră au fost salvate.',
  embedText: 'Acest conținut provine de la {service}. Dacă îl încărcați, se transmit date către {service}.',
  embedLoad: 'Încarcă conținutul',
  doNotSell: 'Nu vindeți și nu partajați datele mele cu caracter personal',
  limitSensitive: 'Limitați utilizarea datelor mele sensibile cu caracter personal',
  privacyChoices: 'Opțiunile dumneavoastră de confidențialitate',
  optOutNotice:
    'Noi și partenerii noștri folosim cookie-uri și tehnologii similare, inclusiv pentru a vă afișa reclame personalizate. Puteți refuza oricând vânzarea sau partajarea datelor dumneavoastră cu caracter personal.',
  gpcHonored: 'Semnalul de refuz a fost respectat',
  optOutConfirmed: 'Solicitarea dumneavoastră de a refuza vânzarea și partajarea a fost îndeplinită.',
  categories: {
    necessary: {
      name: 'Strict necesare',
      description:
        'Necesare pentru funcționarea site-ului, de exemplu pentru a rămâne conectat și pentru a reține aceste alegeri.',
    },
    functional: {
      name: 'Funcționale',
      description: 'Rețin setările dumneavoastră, cum ar fi limba sau regiunea, și oferă funcții îmbunătățite.',
    },
    analytics: {
      name: 'Analitice',
      description: 'Ne ajută să înțelegem cum este utilizat site-ul, pentru a-l putea îmbunătăți.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Folosite de noi și de partenerii noștri pentru a vă afișa reclame relevante și a le măsura eficiența.',
    },
    personalization: {
      name: 'Personalizare',
      description: 'Adaptează conținutul și recomandările la interesele dumneavoastră.',
    },
  },
}
