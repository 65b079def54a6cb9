import type { Translation } from './types.js'

/** Hebrew, right to left. Impersonal and noun forms, so the written text suits any reader. */
export const he: Translation = {
  lang: 'he',
  dir: 'rtl',
  bannerTitle: 'הפרטיות שלך חשובה לנו',
  bannerText:
    'אנו משתמשים בקובצי Cookie ובטכנולוגיות דומות כדי להפעיל את האתר, כדי למדוד את אופן השימוש בו, ובהסכמתך גם לצורכי שיווק. אפשר לקבל הכול, לדחות הכול או לבחור. אפשר לשנות את הבחירה בכל עת. {policy}',
  bannerRevised: 'מה שאנו מבקשים את הסכמתך אליו השתנה מאז הבחירה האחרונה שלך.',
  policyLink: 'מדיניות הפרטיות',
  acceptAll: 'קבלת הכול',
  rejectAll: 'דחיית הכול',
  manage: 'ניהול העדפות',
  preferencesTitle: 'העדפות פרטיות',
  preferencesText:
    'אפשר לבחור לאילו מטרות מותר לנו להשתמש בקובצי Cookie ובטכנולוגיות דומות. קובצי Cookie הכרחיים פעילים תמיד, כי האתר לא יכול לפעול בלעדיהם.',
  save: 'שמירת הבחירות',
  close: 'סגירה',
  alwaysOn: 'פעיל תמיד',
  services: 'שירותים',
  showCookies: 'הצגת קובצי Cookie',
  cookieName: 'שם',
  cookieProvider: 'ספק',
  cookiePurpose: 'מטרה',
  cookieLifetime: 'תוקף',
  openPreferences: 'הגדרות פרטיות',
  saved: 'הבחירות נשמרו.',
  embedText: 'התוכן הזה מגיע מהשירות {service}. טעינת התוכן משתפת נתונים עם {service}.',
  embedLoad: 'טעינת התוכן',
  doNotSell: 'אין למכור או לשתף את המידע האישי שלי',
  limitSensitive: 'הגבלת השימוש במידע האישי הרגיש שלי',
  privacyChoices: 'אפשרויות הפרטיות שלך',
  optOutNotice:
    'אנו והשותפים שלנו משתמשים בקובצי Cookie ובטכנולוגיות דומות, בין היתר כדי להציג לך מודעות מותאמות אישית. אפשר לבקש בכל עת שלא נמכור ולא נשתף את המידע האישי שלך.',
  gpcHonored: 'אות ההעדפה לסירוב כובד',
  optOutConfirmed: 'הבקשה לסירוב למכירה ולשיתוף של המידע התקבלה ויושמה.',
  categories: {
    necessary: {
      name: 'הכרחיים',
      description: 'נחוצים לפעולת האתר, למשל כדי לשמור על החיבור לחשבון ולזכור את הבחירות האלה.',
    },
    functional: {
      name: 'פונקציונליים',
      description: 'שומרים את ההגדרות שלך, כמו שפה או אזור, ומספקים תכונות מתקדמות.',
    },
    analytics: {
      name: 'ניתוח נתונים',
      description: 'עוזרים לנו להבין איך משתמשים באתר, כדי שנוכל לשפר אותו.',
    },
    marketing: {
      name: 'שיווק',
      description: 'משמשים אותנו ואת השותפים שלנו כדי להציג לך פרסומות רלוונטיות ולמדוד את האפקטיביות שלהן.',
    },
    personalization: {
      name: 'התאמה אישית',
      description: 'מתאימים תוכן והמלצות לתחומי העניין שלך.',
    },
  },
}
