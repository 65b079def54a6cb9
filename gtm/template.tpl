___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Consentry",
  "categories": [
    "UTILITY"
  ],
  "brand": {
    "id": "brand_dummy",
    "displayName": "Consentry"
  },
  "description": "Installs the Consentry consent banner and sets Google Consent Mode v2 through Tag Manager's consent APIs: defaults (per region, with wait_for_update), the returning visitor's stored decision at once, and every change the visitor makes. Fire on Consent Initialization - All Pages.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "scriptUrl",
    "displayName": "Consentry script URL",
    "simpleValueType": true,
    "defaultValue": "https://cdn.jsdelivr.net/npm/consentry@0/dist/consentry.min.js",
    "help": "The script-tag build, consentry.min.js. To self-host it, also add your URL to this template's \"Injects scripts\" permission.",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^https://.+"
        ]
      }
    ],
    "alwaysInSummary": true
  },
  {
    "type": "TEXT",
    "name": "config",
    "displayName": "Consentry configuration (JSON)",
    "simpleValueType": true,
    "lineCount": 10,
    "defaultValue": "{\n  \"categories\": [\n    { \"id\": \"necessary\", \"necessary\": true },\n    { \"id\": \"analytics\" },\n    { \"id\": \"marketing\", \"optOut\": true }\n  ],\n  \"revision\": 1\n}",
    "help": "What Consentry reads as window.consentryConfig: the same object as init(config) takes, written as JSON. A window.consentryConfig the page sets itself wins. \"revision\" and \"lifetime\" are also used to judge the stored decision.",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "cookieName",
    "displayName": "Consent cookie name",
    "simpleValueType": true,
    "defaultValue": "consentry",
    "help": "Must equal config.cookie.name (default \"consentry\"). Another name also needs adding to the \"Reads cookie value(s)\" permission.",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "SIMPLE_TABLE",
    "name": "mapping",
    "displayName": "Consent types granted by Consentry categories",
    "help": "A consent type is granted when any of its categories (comma-separated ids) is granted. A type without a row is left at its default. A US opt-out (GPC, \"Do Not Sell or Share\") always denies ad_user_data and ad_personalization.",
    "simpleTableColumns": [
      {
        "defaultValue": "",
        "displayName": "Consent type",
        "name": "consentType",
        "type": "SELECT",
        "isUnique": true,
        "selectItems": [
          {
            "value": "ad_storage",
            "displayValue": "ad_storage"
          },
          {
            "value": "ad_user_data",
            "displayValue": "ad_user_data"
          },
          {
            "value": "ad_personalization",
            "displayValue": "ad_personalization"
          },
          {
            "value": "analytics_storage",
            "displayValue": "analytics_storage"
          },
          {
            "value": "functionality_storage",
            "displayValue": "functionality_storage"
          },
          {
            "value": "personalization_storage",
            "displayValue": "personalization_storage"
          },
          {
            "value": "security_storage",
            "displayValue": "security_storage"
          }
        ]
      },
      {
        "defaultValue": "",
        "displayName": "Consentry categories",
        "name": "categories",
        "type": "TEXT"
      }
    ],
    "newRowButtonText": "Add consent type",
    "defaultValue": [
      {
        "consentType": "ad_storage",
        "categories": "marketing, advertising, ads"
      },
      {
        "consentType": "ad_user_data",
        "categories": "marketing, advertising, ads"
      },
      {
        "consentType": "ad_personalization",
        "categories": "marketing, advertising, ads, personalization"
      },
      {
        "consentType": "analytics_storage",
        "categories": "analytics, statistics, measurement, performance"
      },
      {
        "consentType": "functionality_storage",
        "categories": "functional, functionality, preferences"
      },
      {
        "consentType": "personalization_storage",
        "categories": "personalization, functional, preferences"
      },
      {
        "consentType": "security_storage",
        "categories": "necessary"
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "defaultsGroup",
    "displayName": "Consent Mode defaults",
    "groupStyle": "ZIPPY_OPEN",
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "defaults",
        "displayName": "Default consent state",
        "help": "One default per row, set before any tag fires. Region: comma-separated ISO 3166-2 codes (e.g. \"AT, BE, DE, GB, CH\"), or empty for every region. The most specific region wins. Types left \"(not set)\" count as granted in Tag Manager.",
        "simpleTableColumns": [
          {
            "defaultValue": "",
            "displayName": "Region (empty: all)",
            "name": "region",
            "type": "TEXT"
          },
          {
            "defaultValue": "denied",
            "displayName": "ad_storage",
            "name": "ad_storage",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "denied",
                "displayValue": "denied"
              },
              {
                "value": "granted",
                "displayValue": "granted"
              },
              {
                "value": "",
                "displayValue": "(not set)"
              }
            ]
          },
          {
            "defaultValue": "denied",
            "displayName": "ad_user_data",
            "name": "ad_user_data",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "denied",
                "displayValue": "denied"
              },
              {
                "value": "granted",
                "displayValue": "granted"
              },
              {
                "value": "",
                "displayValue": "(not set)"
              }
            ]
          },
          {
            "defaultValue": "denied",
            "displayName": "ad_personalization",
            "name": "ad_personalization",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "denied",
                "displayValue": "denied"
              },
              {
                "value": "granted",
                "displayValue": "granted"
              },
              {
                "value": "",
                "displayValue": "(not set)"
              }
            ]
          },
          {
            "defaultValue": "denied",
            "displayName": "analytics_storage",
            "name": "analytics_storage",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "denied",
                "displayValue": "denied"
              },
              {
                "value": "granted",
                "displayValue": "granted"
              },
              {
                "value": "",
                "displayValue": "(not set)"
              }
            ]
          },
          {
            "defaultValue": "denied",
            "displayName": "functionality_storage",
            "name": "functionality_storage",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "denied",
                "displayValue": "denied"
              },
              {
                "value": "granted",
                "displayValue": "granted"
              },
              {
                "value": "",
                "displayValue": "(not set)"
              }
            ]
          },
          {
            "defaultValue": "denied",
            "displayName": "personalization_storage",
            "name": "personalization_storage",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "denied",
                "displayValue": "denied"
              },
              {
                "value": "granted",
                "displayValue": "granted"
              },
              {
                "value": "",
                "displayValue": "(not set)"
              }
            ]
          },
          {
            "defaultValue": "granted",
            "displayName": "security_storage",
            "name": "security_storage",
            "type": "SELECT",
            "selectItems": [
              {
                "value": "denied",
                "displayValue": "denied"
              },
              {
                "value": "granted",
                "displayValue": "granted"
              },
              {
                "value": "",
                "displayValue": "(not set)"
              }
            ]
          }
        ],
        "newRowButtonText": "Add region",
        "valueValidators": [
          {
            "type": "TABLE_ROW_COUNT",
            "args": [
              1
            ]
          }
        ],
        "defaultValue": [
          {
            "region": "",
            "ad_storage": "denied",
            "ad_user_data": "denied",
            "ad_personalization": "denied",
            "analytics_storage": "denied",
            "functionality_storage": "denied",
            "personalization_storage": "denied",
            "security_storage": "granted"
          }
        ]
      },
      {
        "type": "TEXT",
        "name": "waitForUpdate",
        "displayName": "wait_for_update",
        "simpleValueType": true,
        "defaultValue": 500,
        "valueUnit": "ms",
        "help": "How long tags wait for an update before firing with the defaults. 0 leaves it out.",
        "valueValidators": [
          {
            "type": "NON_NEGATIVE_NUMBER"
          }
        ]
      },
      {
        "type": "CHECKBOX",
        "name": "adsDataRedaction",
        "checkboxText": "ads_data_redaction: redact ad click identifiers while ad_storage is denied",
        "simpleValueType": true,
        "defaultValue": false
      },
      {
        "type": "CHECKBOX",
        "name": "urlPassthrough",
        "checkboxText": "url_passthrough: pass ad click information in URLs while storage is denied",
        "simpleValueType": true,
        "defaultValue": false
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

// Consentry for Google Tag Manager. Fire on "Consent Initialization - All Pages".
// Order matters (privacy-signals §4.1): defaults before anything that could send
// data, then the stored decision at once, then Consentry itself for later changes.
const setDefaultConsentState = require('setDefaultConsentState');
const updateConsentState = require('updateConsentState');
const gtagSet = require('gtagSet');
const getCookieValues = require('getCookieValues');
const queryPermission = require('queryPermission');
const setInWindow = require('setInWindow');
const callInWindow = require('callInWindow');
const injectScript = require('injectScript');
const getTimestampMillis = require('getTimestampMillis');
const makeInteger = require('makeInteger');
const getType = require('getType');
const logToConsole = require('logToConsole');
const JSON = require('JSON');
const Math = require('Math');

const TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage',
  'functionality_storage', 'personalization_storage', 'security_storage'];
const log = (message) => logToConsole('[consentry] ' + message);

const split = (text) => (getType(text) === 'string' ? text.split(',') : [])
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

// 1. Defaults: one setDefaultConsentState per row, in any order (the most
// specific region wins); a type left "(not set)" is omitted from its row.
const waitForUpdate = makeInteger(data.waitForUpdate);
(data.defaults || []).forEach((row) => {
  const state = {};
  TYPES.forEach((type) => {
    if (row[type] === 'granted' || row[type] === 'denied') state[type] = row[type];
  });
  const region = split(row.region);
  if (region.length > 0) state.region = region;
  if (waitForUpdate > 0) state.wait_for_update = waitForUpdate;
  setDefaultConsentState(state);
});
gtagSet('ads_data_redaction', data.adsDataRedaction === true);
gtagSet('url_passthrough', data.urlPassthrough === true);

// Which categories grant each consent type. A type with no row is never updated.
const mapping = {};
(data.mapping || []).forEach((row) => {
  if (TYPES.indexOf(row.consentType) >= 0) mapping[row.consentType] = split(row.categories);
});

// A US opt-out (GPC, "Do Not Sell or Share") denies ad_user_data and
// ad_personalization whatever the categories say, as Consentry's own destination does.
const statesFor = (categories, optedOut) => {
  const state = {};
  TYPES.forEach((type) => {
    if (!mapping[type]) return;
    const granted = !(optedOut && (type === 'ad_user_data' || type === 'ad_personalization')) &&
      mapping[type].some((id) => categories[id] === true);
    state[type] = granted ? 'granted' : 'denied';
  });
  return state;
};

const config = getType(data.config) === 'string' ? JSON.parse(data.config) : undefined;
const valid = getType(config) === 'object' && getType(config.categories) === 'array' && config.categories.length > 0;
if (!valid) log('the Consentry configuration is not a JSON object with categories; Consentry not installed');

// 2. A returning visitor: read the cookie now, synchronously, so tags on later
// triggers of this page already see the decision. Same rules as Consentry's
// decodeRecord (src/record/codec.ts): anything malformed, altered or future-dated
// is no decision, and grants nothing; so is one from an older revision or past its
// lifetime, except for the US opt-out it carries.
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const PRINTABLE = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const MONTH = 2629800000;
const SKEW = 86400000;

const every = (text, allowed) => {
  for (let i = 0; i < text.length; i++) if (allowed.indexOf(text.charAt(i)) < 0) return false;
  return true;
};
const isBase36 = (text) => text.length > 0 && text.length <= 11 && every(text, DIGITS);
const base36 = (text) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) n = n * 36 + DIGITS.indexOf(text.charAt(i));
  return n;
};
const toBase36 = (n) => {
  let out = '';
  do {
    out = DIGITS.charAt(n % 36) + out;
    n = Math.floor(n / 36);
  } while (n > 0);
  return out;
};
// FNV-1a 32 bit without bitwise operators or charCodeAt (neither is in the
// sandbox's documented library): xor of the low 7 bits, and the multiply by
// 0x01000193 = 2^24 + 403 taken mod 2^32 in exact double arithmetic.
const xor7 = (h, code) => {
  let low = h % 128;
  let c = code;
  let out = 0;
  let bit = 1;
  for (let i = 0; i < 7; i++) {
    if (low % 2 !== c % 2) out += bit;
    low = Math.floor(low / 2);
    c = Math.floor(c / 2);
    bit *= 2;
  }
  return h - (h % 128) + out;
};
const checksum = (text) => {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    const k = PRINTABLE.indexOf(text.charAt(i));
    if (k < 0) return '';
    const x = xor7(h, k + 32);
    h = (x * 403 + (x % 256) * 16777216) % 4294967296;
  }
  return toBase36(h);
};
const isUuid = (text) => {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (dash !== (text.charAt(i) === '-') || (!dash && HEX.indexOf(text.charAt(i)) < 0)) return false;
  }
  return true;
};
const isId = (text) => text.length > 0 && text.length <= 40 && LETTERS.indexOf(text.charAt(0)) >= 0 &&
  every(text, LETTERS + '0123456789_-');
const choices = (text) => {
  const out = {};
  if (text === '') return out;
  const entries = text.split('|');
  for (let i = 0; i < entries.length; i++) {
    const granted = entries[i].charAt(0) !== '!';
    const id = granted ? entries[i] : entries[i].slice(1);
    if (!isId(id) || out[id] !== undefined) return undefined;
    out[id] = granted;
  }
  return out;
};
const decode = (raw, now) => {
  if (getType(raw) !== 'string' || raw.length > 3800) return undefined;
  const cut = raw.lastIndexOf('.');
  const body = raw.slice(0, cut);
  const p = body.split('.');
  if (cut < 0 || p.length !== 9 || (p[0] !== '1' && p[0] !== '2') || raw.slice(cut + 1) !== checksum(body)) return undefined;
  if (!isUuid(p[1]) || !(isBase36(p[2]) || (p[0] === '2' && p[2] === '')) || !isBase36(p[3]) || !isBase36(p[4])) return undefined;
  if (p[6].length > 16 || !every(p[6], LETTERS + '0123456789-')) return undefined;
  const f = p[5];
  const flags = f.length === 3 && every(f.charAt(2), DIGITS) ? base36(f.charAt(2)) : 32;
  if ('bpage'.indexOf(f.charAt(0)) < 0 || 'io'.indexOf(f.charAt(1)) < 0 || flags >= 32) return undefined;
  const categories = choices(p[7]);
  const services = choices(p[8]);
  if (!categories || !services) return undefined;
  const updatedAt = base36(p[3]);
  const createdAt = p[2] === '' ? updatedAt : base36(p[2]);
  if (createdAt > updatedAt || updatedAt > now + SKEW) return undefined;
  // Bits 2, 4 and 8 of the flags digit: opted out of sale, sharing, targeted advertising.
  return {
    updatedAt: updatedAt, revision: base36(p[4]), categories: categories, services: services, optIn: f.charAt(1) === 'i',
    optedOut: flags % 16 >= 2, saleOrSharing: flags % 8 >= 2,
  };
};

const storedDecision = (now) => {
  const name = data.cookieName;
  if (!queryPermission('get_cookies', name)) {
    log('no permission to read the cookie "' + name + '": add it to the template\'s cookie permission');
    return undefined;
  }
  const revision = makeInteger(config.revision) || 0;
  const lifetime = (makeInteger(config.lifetime) || 12) * MONTH;
  // The latest valid copy wins (one per path or domain), as in Consentry's newestRecord.
  let best;
  // Undecoded, as Consentry reads it: a %-escape is never turned into a separator.
  getCookieValues(name, false).forEach((value) => {
    const r = decode(value, now);
    if (r && (!best || r.updatedAt > best.updatedAt)) best = r;
  });
  if (!best) return undefined;
  // A decision given in opt-in mode covers what it asked about (GDPR Art. 4(11), 7(1)): a
  // category added to the configuration since, or a service added to a category the visitor
  // allowed (whole or in part), puts it out of force, as Consentry's fitRecord reads it.
  const unasked = best.optIn && config.categories.some((c) => {
    if (getType(c) !== 'object' || c.necessary === true) return false;
    const services = getType(c.services) === 'array' ? c.services.filter((s) => getType(s) === 'object') : [];
    const allowed = best.categories[c.id] === true || services.some((s) => best.services[s.id] === true);
    return best.categories[c.id] === undefined || (allowed && services.some((s) => best.services[s.id] === undefined));
  });
  // Past its lifetime, from an older revision or not asked about what is there now, a decision
  // grants nothing, but a US opt-out in it never lapses (privacy-signals §9 item 32), as in
  // Consentry's snapshot.
  if (best.revision < revision || unasked || now - best.updatedAt > lifetime) {
    return best.optedOut ? { optOutOnly: true, saleOrSharing: best.saleOrSharing } : undefined;
  }
  // Read through the configuration as Consentry's fitRecord does: only the
  // categories it has now, necessary ones on.
  const categories = {};
  config.categories.forEach((c) => {
    if (getType(c) === 'object' && (c.necessary === true || best.categories[c.id] === true)) categories[c.id] = true;
  });
  return { categories: categories, optedOut: best.optedOut };
};

// What an opt-out alone decides, whatever the region's mode: ad_user_data and
// ad_personalization denied and, for sale or sharing, every type that only
// categories marked optOut grant (the opt-out refuses them). The other types
// keep their defaults until Consentry reports.
const onlyOptOutGrants = (type) => {
  const granting = config.categories.filter((c) => getType(c) === 'object' && mapping[type].indexOf(c.id) >= 0);
  return granting.length > 0 && granting.every((c) => c.optOut === true && c.necessary !== true);
};
const optOutStates = (saleOrSharing) => {
  const state = {};
  TYPES.forEach((type) => {
    if (!mapping[type]) return;
    if (type === 'ad_user_data' || type === 'ad_personalization' || (saleOrSharing && onlyOptOutGrants(type))) state[type] = 'denied';
  });
  return state;
};

if (valid) {
  const stored = storedDecision(getTimestampMillis());
  if (stored) updateConsentState(stored.optOutOnly ? optOutStates(stored.saleOrSharing) : statesFor(stored.categories, stored.optedOut));
}

// 3. Consentry itself: it reads window.consentryConfig when its script runs. A
// config the page set itself is left in place. Then every snapshot Consentry
// announces ('ready' once, with what it restored; 'change' on each decision)
// becomes an update through GTM's own consent API.
const onSnapshot = (snapshot) => {
  if (getType(snapshot) !== 'object' || getType(snapshot.categories) !== 'object') return;
  const optOut = getType(snapshot.optOut) === 'object' ? snapshot.optOut : {};
  updateConsentState(statesFor(snapshot.categories, optOut.sale === true || optOut.sharing === true || optOut.targetedAds === true));
};

if (valid) {
  setInWindow('consentryConfig', config, false);
  injectScript(data.scriptUrl, () => {
    callInWindow('Consentry.on', 'ready', onSnapshot);
    callInWindow('Consentry.on', 'change', onSnapshot);
    data.gtmOnSuccess();
  }, () => {
    log('could not load ' + data.scriptUrl + '; consent stays at its defaults');
    data.gtmOnFailure();
  }, data.scriptUrl);
} else {
  data.gtmOnFailure();
}


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_user_data"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_personalization"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "functionality_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "personalization_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "security_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "wait_for_update"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "write_data_layer",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keyPatterns",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "ads_data_redaction"
              },
              {
                "type": 1,
                "string": "url_passthrough"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "get_cookies",
        "versionId": "1"
      },
      "param": [
        {
          "key": "cookieAccess",
          "value": {
            "type": 1,
            "string": "specific"
          }
        },
        {
          "key": "cookieNames",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "consentry"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "consentryConfig"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "Consentry.on"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/consentry@*"
              },
              {
                "type": 1,
                "string": "https://unpkg.com/consentry@*"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: Defaults go out first, per region, with wait_for_update
  code: |-
    runCode(mockData);

    assertApi('setDefaultConsentState').wasCalledWith({
      ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
      analytics_storage: 'denied', functionality_storage: 'denied',
      personalization_storage: 'denied', security_storage: 'granted',
      wait_for_update: 500,
    });
    assertApi('setDefaultConsentState').wasCalledWith({
      ad_storage: 'denied', analytics_storage: 'granted', region: ['US-CA', 'US-CO'], wait_for_update: 500,
    });
    assertApi('updateConsentState').wasNotCalled();
    assertApi('gtmOnSuccess').wasCalled();
- name: ads_data_redaction and url_passthrough are set
  code: |-
    mockData.adsDataRedaction = true;
    runCode(mockData);

    assertApi('gtagSet').wasCalledWith('ads_data_redaction', true);
    assertApi('gtagSet').wasCalledWith('url_passthrough', false);
- name: A returning visitor who accepted everything is granted at once
  code: |-
    mock('getCookieValues', [ACCEPTED]);
    runCode(mockData);

    assertApi('updateConsentState').wasCalledWith({
      ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted',
      analytics_storage: 'granted', functionality_storage: 'denied',
      personalization_storage: 'denied', security_storage: 'granted',
    });
- name: A returning visitor who rejected everything stays denied
  code: |-
    mock('getCookieValues', [REJECTED]);
    runCode(mockData);

    assertApi('updateConsentState').wasCalledWith({
      ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
      analytics_storage: 'denied', functionality_storage: 'denied',
      personalization_storage: 'denied', security_storage: 'granted',
    });
- name: A US opt-out denies ad_user_data and ad_personalization
  code: |-
    mock('getCookieValues', [OPTED_OUT]);
    runCode(mockData);

    assertApi('updateConsentState').wasCalledWith({
      ad_storage: 'granted', ad_user_data: 'denied', ad_personalization: 'denied',
      analytics_storage: 'granted', functionality_storage: 'denied',
      personalization_storage: 'denied', security_storage: 'granted',
    });
- name: An altered, foreign or old-revision cookie grants nothing
  code: |-
    mock('getCookieValues', [
      REJECTED.replace('|!analytics|!marketing', '|analytics|marketing'),
      ACCEPTED.replace('.bi0.', '.ai0.'),
      'necessary|analytics|marketing',
      OLD_REVISION,
    ]);
    runCode(mockData);

    assertApi('updateConsentState').wasNotCalled();
    assertApi('gtmOnSuccess').wasCalled();
- name: A decision past its lifetime grants nothing
  code: |-
    mock('getTimestampMillis', NOW + 13 * 2629800000);
    mock('getCookieValues', [ACCEPTED]);
    runCode(mockData);

    assertApi('updateConsentState').wasNotCalled();
- name: A US opt-out past its lifetime still denies what the opt-out denies
  code: |-
    mock('getTimestampMillis', NOW + 14 * 2629800000);
    mock('getCookieValues', [OPTED_OUT]);
    runCode(mockData);

    assertApi('updateConsentState').wasCalledWith({
      ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
    });
- name: Consentry is installed with its configuration and its changes update consent
  code: |-
    let listeners = {};
    mock('injectScript', (url, onSuccess, onFailure, cacheToken) => {
      assertThat(url).isEqualTo(mockData.scriptUrl);
      onSuccess();
    });
    mock('callInWindow', (path, event, listener) => {
      assertThat(path).isEqualTo('Consentry.on');
      listeners[event] = listener;
    });
    runCode(mockData);

    assertApi('setInWindow').wasCalledWith('consentryConfig', require('JSON').parse(mockData.config), false);
    assertThat(listeners.ready).isDefined();
    listeners.change({
      decided: true,
      categories: { necessary: true, analytics: true, marketing: false },
      optOut: { sale: false, sharing: false, targetedAds: false },
    });
    assertApi('updateConsentState').wasCalledWith({
      ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
      analytics_storage: 'granted', functionality_storage: 'denied',
      personalization_storage: 'denied', security_storage: 'granted',
    });
    assertApi('gtmOnSuccess').wasCalled();
- name: A script that fails to load leaves the defaults and fails the tag
  code: |-
    mock('injectScript', (url, onSuccess, onFailure) => {
      onFailure();
    });
    runCode(mockData);

    assertApi('setDefaultConsentState').wasCalled();
    assertApi('gtmOnFailure').wasCalled();
    assertApi('gtmOnSuccess').wasNotCalled();
- name: A configuration that is not JSON still sets the defaults, installs nothing
  code: |-
    mockData.config = '{ categories: ';
    runCode(mockData);

    assertApi('setDefaultConsentState').wasCalled();
    assertApi('injectScript').wasNotCalled();
    assertApi('updateConsentState').wasNotCalled();
    assertApi('gtmOnFailure').wasCalled();
setup: |-
  // Cookies written by Consentry's own encoder (src/record/codec.ts), decided at NOW.
  const NOW = 1764028800000;
  const ACCEPTED = '2.3f2a6c1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f..midt79c0.1.bi0.EU.necessary|analytics|marketing..1c8p0gt';
  const REJECTED = '2.3f2a6c1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f..midt79c0.1.bi0.EU.necessary|!analytics|!marketing..45l7cf';
  const OLD_REVISION = '2.3f2a6c1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f..midt79c0.0.bi0.EU.necessary|analytics|marketing..19r99u6';
  const OPTED_OUT = '2.3f2a6c1e-8b4d-4c2a-9e1f-0a1b2c3d4e5f..midt79c0.1.boe.US-CA.necessary|analytics|marketing..1sh18p9';
  const TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage',
    'functionality_storage', 'personalization_storage', 'security_storage'];
  const row = (region, granted) => {
    const r = { region: region };
    TYPES.forEach((t) => { r[t] = granted.indexOf(t) >= 0 ? 'granted' : 'denied'; });
    return r;
  };
  const usRow = { region: 'US-CA, US-CO', ad_storage: 'denied', analytics_storage: 'granted' };
  const mockData = {
    scriptUrl: 'https://cdn.jsdelivr.net/npm/consentry@0/dist/consentry.min.js',
    config: '{"categories":[{"id":"necessary","necessary":true},{"id":"analytics"},{"id":"marketing","optOut":true}],"revision":1}',
    cookieName: 'consentry',
    mapping: [
      { consentType: 'ad_storage', categories: 'marketing, advertising, ads' },
      { consentType: 'ad_user_data', categories: 'marketing, advertising, ads' },
      { consentType: 'ad_personalization', categories: 'marketing, advertising, ads, personalization' },
      { consentType: 'analytics_storage', categories: 'analytics, statistics, measurement, performance' },
      { consentType: 'functionality_storage', categories: 'functional, functionality, preferences' },
      { consentType: 'personalization_storage', categories: 'personalization, functional, preferences' },
      { consentType: 'security_storage', categories: 'necessary' },
    ],
    defaults: [row('', ['security_storage']), usRow],
    waitForUpdate: '500',
    adsDataRedaction: false,
    urlPassthrough: false,
  };
  mock('getTimestampMillis', NOW);
  mock('getCookieValues', []);
  mock('injectScript', (url, onSuccess) => {
    onSuccess();
  });
  mock('callInWindow', () => {});


___NOTES___

Consentry for Google Tag Manager, version 1. Source of truth for the cookie format:
src/record/codec.ts in the Consentry repository. Local runner: test/dist/gtm-sandbox/.

