import type { Translation } from './types.js'

/** Chinese (Simplified). */
export const zh: Translation = {
  lang: 'zh',
  dir: 'ltr',
  bannerTitle: '我们重视您的隐私',
  bannerText:
    '我们使用Cookie及类似技术来运营本网站、衡量网站的使用情况，并在征得您同意后用于营销。您可以全部接受、全部拒绝或自行选择，也可以随时更改您的选择。{policy}',
  bannerRevised: '自您上次选择以来，我们请求您同意的内容已有变更。',
  policyLink: '隐私政策',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  manage: '管理偏好设置',
  preferencesTitle: '隐私偏好设置',
  preferencesText:
    '请选择我们可以将Cookie及类似技术用于哪些目的。绝对必要的Cookie始终启用，因为没有它们，网站将无法正常运行。',
  save: '保存选择',
  close: '关闭',
  alwaysOn: '始终启用',
  services: '服务',
  showCookies: '显示Cookie',
  cookieName: '名称',
  cookieProvider: '提供方',
  cookiePurpose: '用途',
  cookieLifetime: '有效期',
  openPreferences: '隐私设置',
  saved: '您的选择已保存。',
  embedText: '此内容来自{service}。加载此内容将与{service}共享数据。',
  embedLoad: '加载内容',
  doNotSell: '请勿出售或共享我的个人信息',
  limitSensitive: '限制使用我的敏感个人信息',
  privacyChoices: '您的隐私选择',
  optOutNotice:
    '我们和我们的合作伙伴使用Cookie及类似技术，包括用于向您展示个性化广告。您可以随时选择退出对您个人信息的出售或共享。',
  gpcHonored: '已遵从选择退出偏好信号',
  optOutConfirmed: '您关于选择退出出售和共享的请求已得到执行。',
  categories: {
    necessary: {
      name: '绝对必要',
      description: '网站运行所必需，例如保持您的登录状态并记住这些选择。',
    },
    functional: {
      name: '功能',
      description: '记住您的设置（例如语言或地区），并提供增强功能。',
    },
    analytics: {
      name: '分析',
      description: '帮助我们了解网站的使用情况，以便加以改进。',
    },
    marketing: {
      name: '营销',
      description: '供我们和我们的合作伙伴向您展示相关广告并衡量其效果。',
    },
    personalization: {
      name: '个性化',
      description: '根据您的兴趣定制内容和推荐。',
    },
  },
}
