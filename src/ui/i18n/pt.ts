import type { Translation } from './types.js'

/** Portuguese (European Portuguese, formal address). */
export const pt: Translation = {
  lang: 'pt',
  dir: 'ltr',
  bannerTitle: 'Valorizamos a sua privacidade',
  bannerText:
    'Utilizamos cookies e tecnologias semelhantes para o funcionamento deste site, para medir a forma como é utilizado e, com a sua autorização, para fins de marketing. Pode aceitar tudo, rejeitar tudo ou escolher. Pode alterar a sua escolha a qualquer momento. {policy}',
  bannerRevised: 'Aquilo para que pedimos a sua autorização mudou desde a sua última escolha.',
  policyLink: 'Política de privacidade',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  manage: 'Gerir preferências',
  preferencesTitle: 'Preferências de privacidade',
  preferencesText:
    'Escolha para que finalidades podemos utilizar cookies e tecnologias semelhantes. Os estritamente necessários estão sempre ativos, porque o site não funciona sem eles.',
  save: 'Guardar escolhas',
  close: 'Fechar',
  alwaysOn: 'Sempre ativo',
  services: 'Serviços',
  showCookies: 'Mostrar cookies',
  cookieName: 'Nome',
  cookieProvider: 'Fornecedor',
  cookiePurpose: 'Finalidade',
  cookieLifetime: 'Duração',
  openPreferences: 'Definições de privacidade',
  saved: 'As suas escolhas foram guardadas.',
  embedText: 'Este conteúdo é fornecido por {service}. Ao carregá-lo, são partilhados dados com {service}.',
  embedLoad: 'Carregar conteúdo',
  doNotSell: 'Não vender nem partilhar as minhas informações pessoais',
  limitSensitive: 'Limitar a utilização das minhas informações pessoais sensíveis',
  privacyChoices: 'As suas opções de privacidade',
  optOutNotice:
    'Nós e os nossos parceiros utilizamos cookies e tecnologias semelhantes, nomeadamente para lhe mostrar anúncios personalizados. Pode opor-se à venda ou partilha das suas informações pessoais a qualquer momento.',
  gpcHonored: 'Sinal de preferência de exclusão respeitado',
  optOutConfirmed: 'O seu pedido de exclusão da venda e partilha das suas informações foi atendido.',
  categories: {
    necessary: {
      name: 'Estritamente necessários',
      description:
        'Necessários para o funcionamento do site, por exemplo para manter a sua sessão iniciada e memorizar estas escolhas.',
    },
    functional: {
      name: 'Funcionais',
      description:
        'Memorizam as suas definições, como o idioma ou a região, e disponibilizam funcionalidades melhoradas.',
    },
    analytics: {
      name: 'Analíticos',
      description: 'Ajudam-nos a perceber como o site é utilizado, para o podermos melhorar.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Utilizados por nós e pelos nossos parceiros para lhe mostrar publicidade relevante e medir a sua eficácia.',
    },
    personalization: {
      name: 'Personalização',
      description: 'Adaptam conteúdos e recomendações aos seus interesses.',
    },
  },
}
