import type { Translation } from './types.js'

/** Swedish ("du", as Swedish sites use). */
export const sv: Translation = {
  lang: 'sv',
  dir: 'ltr',
  bannerTitle: 'Vi värnar om din integritet',
  bannerText:
    'Vi använder cookies och liknande tekniker för att driva webbplatsen, för att mäta hur den används och, med ditt samtycke, för marknadsföring. Du kan godkänna alla, avvisa alla eller välja själv. Du kan när som helst ändra dig. {policy}',
  bannerRevised: 'Det vi ber om ditt samtycke till har ändrats sedan ditt senaste val.',
  policyLink: 'Integritetspolicy',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Avvisa alla',
  manage: 'Hantera inställningar',
  preferencesTitle: 'Integritetsinställningar',
  preferencesText:
    'Välj för vilka ändamål vi får använda cookies och liknande tekniker. Strikt nödvändiga cookies är alltid aktiva, eftersom webbplatsen inte fungerar utan dem.',
  save: 'Spara val',
  close: 'Stäng',
  alwaysOn: 'Alltid på',
  services: 'Tjänster',
  showCookies: 'Visa cookies',
  cookieName: 'Namn',
  cookieProvider: 'Leverantör',
  cookiePurpose: 'Ändamål',
  cookieLifetime: 'Lagringstid',
  openPreferences: 'Integritetsinställningar',
  saved: 'Dina val har sparats.',
  embedText: 'Det här innehållet kommer från {service}. Om du laddar det delas data med {service}.',
  embedLoad: 'Ladda innehåll',
  doNotSell: 'Sälj eller dela inte mina personuppgifter',
  limitSensitive: 'Begränsa användningen av mina känsliga personuppgifter',
  privacyChoices: 'Dina integritetsval',
  optOutNotice:
    'Vi och våra partner använder cookies och liknande tekniker, bland annat för att visa dig anpassade annonser. Du kan när som helst välja bort försäljning eller delning av dina personuppgifter.',
  gpcHonored: 'Signalen om bortval har respekterats',
  optOutConfirmed: 'Din begäran om att välja bort försäljning och delning har tillgodosetts.',
  categories: {
    necessary: {
      name: 'Strikt nödvändiga',
      description:
        'Krävs för att webbplatsen ska fungera, till exempel för att hålla dig inloggad och komma ihåg dessa val.',
    },
    functional: {
      name: 'Funktionella',
      description: 'Kommer ihåg dina inställningar, till exempel språk eller region, och ger utökade funktioner.',
    },
    analytics: {
      name: 'Statistik',
      description: 'Hjälper oss att förstå hur webbplatsen används, så att vi kan förbättra den.',
    },
    marketing: {
      name: 'Marknadsföring',
      description:
        'Används av oss och våra partner för att visa dig relevanta annonser och mäta hur effektiva de är.',
    },
    personalization: {
      name: 'Personalisering',
      description: 'Anpassar innehåll och rekommendationer efter dina intressen.',
    },
  },
}
