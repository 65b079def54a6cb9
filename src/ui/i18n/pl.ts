import type { Translation } from './types.js'

/** Polish (the usual web form of address, with the pronoun capitalised: "Twoja"). */
export const pl: Translation = {
  lang: 'pl',
  dir: 'ltr',
  bannerTitle: 'Szanujemy Twoją prywatność',
  bannerText:
    'Używamy plików cookie i podobnych technologii, aby zapewnić działanie tej witryny, mierzyć sposób korzystania z niej oraz, za Twoją zgodą, w celach marketingowych. Możesz zaakceptować wszystkie, odrzucić wszystkie lub dokonać wyboru. Decyzję możesz zmienić w dowolnym momencie. {policy}',
  bannerRevised: 'Od Twojego ostatniego wyboru zmieniło się to, na co prosimy o zgodę.',
  policyLink: 'Polityka prywatności',
  acceptAll: 'Zaakceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  manage: 'Zarządzaj ustawieniami',
  preferencesTitle: 'Ustawienia prywatności',
  preferencesText:
    'Wybierz, w jakich celach możemy używać plików cookie i podobnych technologii. Niezbędne pliki cookie są zawsze włączone, ponieważ bez nich witryna nie może działać.',
  save: 'Zapisz wybór',
  close: 'Zamknij',
  alwaysOn: 'Zawsze włączone',
  services: 'Usługi',
  showCookies: 'Pokaż pliki cookie',
  cookieName: 'Nazwa',
  cookieProvider: 'Dostawca',
  cookiePurpose: 'Cel',
  cookieLifetime: 'Okres przechowywania',
  openPreferences: 'Ustawienia prywatności',
  saved: 'Twój wybór został zapisany.',
  embedText:
    'Ta treść pochodzi z serwisu {service}. Jej wczytanie powoduje przekazanie danych do serwisu {service}.',
  embedLoad: 'Wczytaj treść',
  doNotSell: 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
  limitSensitive: 'Ogranicz wykorzystywanie moich wrażliwych danych osobowych',
  privacyChoices: 'Twoje opcje prywatności',
  optOutNotice:
    'My i nasi partnerzy używamy plików cookie i podobnych technologii, między innymi do wyświetlania Ci spersonalizowanych reklam. W każdej chwili możesz sprzeciwić się sprzedaży lub udostępnianiu Twoich danych osobowych.',
  gpcHonored: 'Uwzględniono sygnał preferencji rezygnacji (opt-out)',
  optOutConfirmed: 'Twoje żądanie rezygnacji ze sprzedaży i udostępniania danych zostało uwzględnione.',
  categories: {
    necessary: {
      name: 'Niezbędne',
      description:
        'Potrzebne do działania witryny, na przykład do utrzymania sesji logowania i zapamiętania tych wyborów.',
    },
    functional: {
      name: 'Funkcjonalne',
      description: 'Zapamiętują Twoje ustawienia, takie jak język lub region, i zapewniają dodatkowe funkcje.',
    },
    analytics: {
      name: 'Analityczne',
      description: 'Pomagają nam zrozumieć, w jaki sposób witryna jest używana, abyśmy mogli ją ulepszać.',
    },
    marketing: {
      name: 'Marketingowe',
      description:
        'Używane przez nas i naszych partnerów do wyświetlania Ci trafnych reklam i mierzenia ich skuteczności.',
    },
    personalization: {
      name: 'Personalizacja',
      description: 'Dopasowują treści i rekomendacje do Twoich zainteresowań.',
    },
  },
}
