import type { Translation } from './types.js'

/** Spanish (formal "usted"); the US texts follow the California regulations' Spanish wording. */
export const es: Translation = {
  lang: 'es',
  dir: 'ltr',
  bannerTitle: 'Valoramos su privacidad',
  bannerText:
    'Utilizamos cookies y tecnologías similares para el funcionamiento de este sitio, para medir cómo se utiliza y, con su permiso, con fines de marketing. Puede aceptarlas todas, rechazarlas todas o elegir. Puede cambiar de opinión en cualquier momento. {policy}',
  bannerRevised: 'Lo que le pedimos que consienta ha cambiado desde su última elección.',
  policyLink: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  manage: 'Gestionar preferencias',
  preferencesTitle: 'Preferencias de privacidad',
  preferencesText:
    'Elija para qué finalidades podemos utilizar cookies y tecnologías similares. Las estrictamente necesarias están siempre activas, porque el sitio no puede funcionar sin ellas.',
  save: 'Guardar selección',
  close: 'Cerrar',
  alwaysOn: 'Siempre activo',
  services: 'Servicios',
  showCookies: 'Mostrar cookies',
  cookieName: 'Nombre',
  cookieProvider: 'Proveedor',
  cookiePurpose: 'Finalidad',
  cookieLifetime: 'Duración',
  openPreferences: 'Configuración de privacidad',
  saved: 'Sus preferencias se han guardado.',
  embedText: 'Este contenido procede de {service}. Al cargarlo, se comparten datos con {service}.',
  embedLoad: 'Cargar contenido',
  doNotSell: 'No vender ni compartir mi información personal',
  limitSensitive: 'Limitar el uso de mi información personal sensible',
  privacyChoices: 'Sus opciones de privacidad',
  optOutNotice:
    'Nosotros y nuestros socios utilizamos cookies y tecnologías similares, entre otras cosas para mostrarle anuncios personalizados. Puede pedir en cualquier momento que no se venda ni se comparta su información personal.',
  gpcHonored: 'Señal de preferencia de exclusión respetada',
  optOutConfirmed: 'Se ha atendido su solicitud de exclusión de la venta y el intercambio de su información.',
  categories: {
    necessary: {
      name: 'Estrictamente necesarias',
      description:
        'Imprescindibles para que el sitio funcione, por ejemplo para mantener su sesión iniciada y recordar estas preferencias.',
    },
    functional: {
      name: 'Funcionales',
      description: 'Recuerdan su configuración, como el idioma o la región, y ofrecen funciones mejoradas.',
    },
    analytics: {
      name: 'Analíticas',
      description: 'Nos ayudan a entender cómo se utiliza el sitio para poder mejorarlo.',
    },
    marketing: {
      name: 'Marketing',
      description:
        'Las utilizamos nosotros y nuestros socios para mostrarle publicidad relevante y medir su eficacia.',
    },
    personalization: {
      name: 'Personalización',
      description: 'Adaptan el contenido y las recomendaciones a sus intereses.',
    },
  },
}
