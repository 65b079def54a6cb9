import type { Translation } from './types.js'

/** Japanese (polite です・ます form). */
export const ja: Translation = {
  lang: 'ja',
  dir: 'ltr',
  bannerTitle: 'お客様のプライバシーを尊重します',
  bannerText:
    '当サイトでは、サイトの運営、利用状況の測定、そしてお客様の同意がある場合にはマーケティングのために、Cookieおよび類似の技術を使用しています。すべて許可する、すべて拒否する、または個別に選択することができます。選択はいつでも変更できます。{policy}',
  bannerRevised: '前回の選択以降、同意をお願いする内容が変更されました。',
  policyLink: 'プライバシーポリシー',
  acceptAll: 'すべて許可',
  rejectAll: 'すべて拒否',
  manage: '設定を管理',
  preferencesTitle: 'プライバシー設定',
  preferencesText:
    'Cookieおよび類似の技術を使用してよい目的を選択してください。必須のCookieはサイトの動作に欠かせないため、常に有効です。',
  save: '選択を保存',
  close: '閉じる',
  alwaysOn: '常に有効',
  services: 'サービス',
  showCookies: 'Cookieを表示',
  cookieName: '名前',
  cookieProvider: '提供元',
  cookiePurpose: '目的',
  cookieLifetime: '有効期間',
  openPreferences: 'プライバシー設定',
  saved: '選択内容を保存しました。',
  embedText: 'このコンテンツは{service}によって提供されています。読み込むと、{service}とデータが共有されます。',
  embedLoad: 'コンテンツを読み込む',
  doNotSell: '私の個人情報を販売または共有しないでください',
  limitSensitive: '私のセンシティブな個人情報の利用を制限する',
  privacyChoices: 'プライバシーに関する選択',
  optOutNotice:
    '当社およびパートナーは、パーソナライズされた広告の表示などのために、Cookieおよび類似の技術を使用しています。お客様はいつでも、個人情報の販売または共有をオプトアウトできます。',
  gpcHonored: 'オプトアウトの意思を示すシグナルを尊重しました',
  optOutConfirmed: '個人情報の販売および共有のオプトアウトのご要望に対応しました。',
  categories: {
    necessary: {
      name: '必須',
      description: 'ログイン状態の維持やこれらの選択の記憶など、サイトの動作に必要です。',
    },
    functional: {
      name: '機能',
      description: '言語や地域などの設定を記憶し、拡張機能を提供します。',
    },
    analytics: {
      name: '分析',
      description: 'サイトの利用状況を把握し、サイトの改善に役立てます。',
    },
    marketing: {
      name: 'マーケティング',
      description: '当社およびパートナーが、関連性の高い広告を表示し、その効果を測定するために使用します。',
    },
    personalization: {
      name: 'パーソナライズ',
      description: 'お客様の興味・関心に合わせて、コンテンツやおすすめを表示します。',
    },
  },
}
