import type { Translation } from './types.js'

/** French (formal "vous"). */
export const fr: Translation = {
  lang: 'fr',
  dir: 'ltr',
  bannerTitle: 'Nous respectons votre vie privée',
  bannerText:
    'Nous utilisons des cookies et des technologies similaires pour faire fonctionner ce site, mesurer son utilisation et, avec votre accord, à des fins de marketing. Vous pouvez tout accepter, tout refuser ou faire votre choix. Vous pouvez changer d’avis à tout moment. {policy}',
  bannerRevised: 'Ce pour quoi nous demandons votre accord a changé depuis votre dernier choix.',
  policyLink: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  manage: 'Gérer les préférences',
  preferencesTitle: 'Préférences de confidentialité',
  preferencesText:
    'Choisissez les finalités pour lesquelles nous pouvons utiliser des cookies et des technologies similaires. Les cookies strictement nécessaires sont toujours actifs, car le site ne peut pas fonctionner sans eux.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  alwaysOn: 'Toujours actif',
  services: 'Services',
  showCookies: 'Afficher les cookies',
  cookieName: 'Nom',
  cookieProvider: 'Fournisseur',
  cookiePurpose: 'Finalité',
  cookieLifetime: 'Durée de conservation',
  openPreferences: 'Paramètres de confidentialité',
  saved: 'Vos choix ont été enregistrés.',
  embedText: 'Ce contenu provient de {service}. Le charger entraîne le partage de données avec {service}.',
  embedLoad: 'Charger le contenu',
  doNotSell: 'Ne pas vendre ni partager mes informations personnelles',
  limitSensitive: 'Limiter l’utilisation de mes informations personnelles sensibles',
  privacyChoices: 'Vos choix en matière de confidentialité',
  optOutNotice:
    'Nos partenaires et nous-mêmes utilisons des cookies et des technologies similaires, notamment pour vous présenter des publicités personnalisées. Vous pouvez à tout moment vous opposer à la vente ou au partage de vos informations personnelles.',
  gpcHonored: 'Signal de préférence d’opposition pris en compte',
  optOutConfirmed: 'Votre demande d’opposition à la vente et au partage a été prise en compte.',
  categories: {
    necessary: {
      name: 'Strictement nécessaires',
      description:
        'Indispensables au fonctionnement du site, par exemple pour maintenir votre connexion et mémoriser ces choix.',
    },
    functional: {
      name: 'Fonctionnels',
      description:
        'Mémorisent vos paramètres, comme la langue ou la région, et offrent des fonctionnalités améliorées.',
    },
    analytics: {
      name: 'Mesure d’audience',
      description: 'Nous aident à comprendre comment le site est utilisé, afin de l’améliorer.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Utilisés par nous et nos partenaires pour vous présenter des publicités pertinentes et en mesurer l’efficacité.',
    },
    personalization: {
      name: 'Personnalisation',
      description: 'Adaptent les contenus et les recommandations à vos centres d’intérêt.',
    },
  },
}
