import type { Translation } from './types.js'

/** Czech (formal "vy"). `{service}` follows "služba" so the name itself is never declined. */
export const cs: Translation = {
  lang: 'cs',
  dir: 'ltr',
  bannerTitle: 'Vážíme si vašeho soukromí',
  bannerText:
    'Soubory cookie a podobné technologie používáme k provozu tohoto webu, k měření jeho používání a s vaším souhlasem také pro marketing. Můžete vše přijmout, vše odmítnout, nebo si vybrat. Svou volbu můžete kdykoli změnit. {policy}',
  bannerRevised: 'Od vaší poslední volby se změnilo, k čemu vás žádáme o souhlas.',
  policyLink: 'Zásady ochrany osobních údajů',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  manage: 'Spravovat předvolby',
  preferencesTitle: 'Nastavení soukromí',
  preferencesText:
    'Vyberte, k jakým účelům smíme používat soubory cookie a podobné technologie. Nezbytně nutné soubory jsou vždy zapnuté, protože bez nich web nemůže fungovat.',
  save: 'Uložit volby',
  close: 'Zavřít',
  alwaysOn: 'Vždy zapnuto',
  services: 'Služby',
  showCookies: 'Zobrazit soubory cookie',
  cookieName: 'Název',
  cookieProvider: 'Poskytovatel',
  cookiePurpose: 'Účel',
  cookieLifetime: 'Doba platnosti',
  openPreferences: 'Nastavení soukromí',
  saved: 'Vaše volby byly uloženy.',
  embedText: 'Tento obsah pochází ze služby {service}. Jeho načtením sdílíte údaje se službou {service}.',
  embedLoad: 'Načíst obsah',
  doNotSell: 'Neprodávat ani nesdílet mé osobní údaje',
  limitSensitive: 'Omezit používání mých citlivých osobních údajů',
  privacyChoices: 'Vaše volby ochrany soukromí',
  optOutNotice:
    'My a naši partneři používáme soubory cookie a podobné technologie, mimo jiné k zobrazování personalizovaných reklam. Prodej nebo sdílení svých osobních údajů můžete kdykoli odmítnout.',
  gpcHonored: 'Signál odmítnutí byl respektován',
  optOutConfirmed: 'Vaší žádosti o odmítnutí prodeje a sdílení údajů bylo vyhověno.',
  categories: {
    necessary: {
      name: 'Nezbytně nutné',
      description:
        'Potřebné pro fungování webu, například k udržení přihlášení a k zapamatování těchto voleb.',
    },
    functional: {
      name: 'Funkční',
      description: 'Pamatují si vaše nastavení, například jazyk nebo oblast, a poskytují rozšířené funkce.',
    },
    analytics: {
      name: 'Analytické',
      description: 'Pomáhají nám pochopit, jak je web používán, abychom ho mohli zlepšovat.',
    },
    marketing: {
      name: 'Marketingové',
      description: 'Používáme je my a naši partneři k zobrazování relevantní reklamy a měření její účinnosti.',
    },
    personalization: {
      name: 'Personalizace',
      description: 'Přizpůsobují obsah a doporučení vašim zájmům.',
    },
  },
}
