import type { Translation } from './types.js'

/** Finnish. `{service}` follows "palvelu" so the name itself never needs a case ending. */
export const fi: Translation = {
  lang: 'fi',
  dir: 'ltr',
  bannerTitle: 'Yksityisyytesi on meille tärkeää',
  bannerText:
    'Käytämme evästeitä ja vastaavia tekniikoita sivuston toiminnan varmistamiseen, sen käytön mittaamiseen sekä suostumuksellasi markkinointiin. Voit hyväksyä kaikki, hylätä kaikki tai valita itse. Voit muuttaa valintaasi milloin tahansa. {policy}',
  bannerRevised: 'Se, mihin pyydämme suostumustasi, on muuttunut edellisen valintasi jälkeen.',
  policyLink: 'Tietosuojaseloste',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  manage: 'Muokkaa asetuksia',
  preferencesTitle: 'Tietosuoja-asetukset',
  preferencesText:
    'Valitse, mihin tarkoituksiin saamme käyttää evästeitä ja vastaavia tekniikoita. Välttämättömät evästeet ovat aina käytössä, koska sivusto ei toimi ilman niitä.',
  save: 'Tallenna valinnat',
  close: 'Sulje',
  alwaysOn: 'Aina käytössä',
  services: 'Palvelut',
  showCookies: 'Näytä evästeet',
  cookieName: 'Nimi',
  cookieProvider: 'Tarjoaja',
  cookiePurpose: 'Käyttötarkoitus',
  cookieLifetime: 'Voimassaoloaika',
  openPreferences: 'Tietosuoja-asetukset',
  saved: 'Valintasi on tallennettu.',
  embedText: 'Tämä sisältö tulee palvelusta {service}. Kun lataat sen, tietoja jaetaan palvelulle {service}.',
  embedLoad: 'Lataa sisältö',
  doNotSell: 'Älä myy tai jaa henkilötietojani',
  limitSensitive: 'Rajoita arkaluonteisten henkilötietojeni käyttöä',
  privacyChoices: 'Tietosuojavalintasi',
  optOutNotice:
    'Me ja kumppanimme käytämme evästeitä ja vastaavia tekniikoita muun muassa personoitujen mainosten näyttämiseen. Voit milloin tahansa kieltää henkilötietojesi myynnin tai jakamisen.',
  gpcHonored: 'Kieltäytymissignaalia on noudatettu',
  optOutConfirmed: 'Pyyntösi kieltää tietojesi myynti ja jakaminen on toteutettu.',
  categories: {
    necessary: {
      name: 'Välttämättömät',
      description:
        'Tarvitaan sivuston toimintaan, esimerkiksi kirjautumisesi säilyttämiseen ja näiden valintojen muistamiseen.',
    },
    functional: {
      name: 'Toiminnalliset',
      description: 'Muistavat asetuksesi, kuten kielen tai alueen, ja tarjoavat lisäominaisuuksia.',
    },
    analytics: {
      name: 'Analytiikka',
      description: 'Auttavat meitä ymmärtämään, miten sivustoa käytetään, jotta voimme parantaa sitä.',
    },
    marketing: {
      name: 'Markkinointi',
      description:
        'Käytämme niitä yhdessä kumppaniemme kanssa osuvan mainonnan näyttämiseen ja sen tehon mittaamiseen.',
    },
    personalization: {
      name: 'Personointi',
      description: 'Mukauttavat sisältöä ja suosituksia kiinnostuksen kohteidesi mukaan.',
    },
  },
}
