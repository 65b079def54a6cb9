import type { Translation } from './types.js'

/** Italian (formal "lei"). */
export const it: Translation = {
  lang: 'it',
  dir: 'ltr',
  bannerTitle: 'Teniamo alla sua privacy',
  bannerText:
    'Utilizziamo cookie e tecnologie simili per far funzionare questo sito, per misurarne l’utilizzo e, con il suo consenso, per finalità di marketing. Può accettare tutto, rifiutare tutto o scegliere. Può cambiare idea in qualsiasi momento. {policy}',
  bannerRevised: 'Ciò per cui chiediamo il suo consenso è cambiato dalla sua ultima scelta.',
  policyLink: 'Informativa sulla privacy',
  acceptAll: 'Accetta tutto',
  rejectAll: 'Rifiuta tutto',
  manage: 'Gestisci preferenze',
  preferencesTitle: 'Preferenze sulla privacy',
  preferencesText:
    'Scelga per quali finalità possiamo utilizzare cookie e tecnologie simili. Quelli strettamente necessari sono sempre attivi, perché senza di essi il sito non può funzionare.',
  save: 'Salva le scelte',
  close: 'Chiudi',
  alwaysOn: 'Sempre attivo',
  services: 'Servizi',
  showCookies: 'Mostra cookie',
  cookieName: 'Nome',
  cookieProvider: 'Fornitore',
  cookiePurpose: 'Finalità',
  cookieLifetime: 'Durata',
  openPreferences: 'Impostazioni privacy',
  saved: 'Le sue scelte sono state salvate.',
  embedText: 'Questo contenuto proviene da {service}. Caricandolo, alcuni dati vengono condivisi con {service}.',
  embedLoad: 'Carica contenuto',
  doNotSell: 'Non vendere né condividere le mie informazioni personali',
  limitSensitive: 'Limita l’uso delle mie informazioni personali sensibili',
  privacyChoices: 'Le sue scelte sulla privacy',
  optOutNotice:
    'Noi e i nostri partner utilizziamo cookie e tecnologie simili, anche per mostrarle annunci personalizzati. Può opporsi in qualsiasi momento alla vendita o alla condivisione delle sue informazioni personali.',
  gpcHonored: 'Segnale di preferenza di opt-out rispettato',
  optOutConfirmed: 'La sua richiesta di opt-out dalla vendita e dalla condivisione è stata accolta.',
  categories: {
    necessary: {
      name: 'Strettamente necessari',
      description:
        'Indispensabili per il funzionamento del sito, ad esempio per mantenere l’accesso e ricordare queste scelte.',
    },
    functional: {
      name: 'Funzionali',
      description:
        'Memorizzano le sue impostazioni, come la lingua o l’area geografica, e offrono funzionalità avanzate.',
    },
    analytics: {
      name: 'Analitici',
      description: 'Ci aiutano a capire come viene utilizzato il sito, per poterlo migliorare.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Utilizzati da noi e dai nostri partner per mostrarle pubblicità pertinente e misurarne l’efficacia.',
    },
    personalization: {
      name: 'Personalizzazione',
      description: 'Adattano contenuti e suggerimenti ai suoi interessi.',
    },
  },
}
