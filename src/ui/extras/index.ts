/**
 * The UI's parts that are never needed for the first paint of the banner,
 * loaded on demand (`consentry-extras.mjs` beside the script tag, a lazy
 * chunk for bundlers): the floating button, the modal banner's focus trap, the
 * US opt-out notice and "Your Privacy Choices" links, the placeholders of
 * blocked embeds, and the cookie cleaner.
 */
export { extras, startExtras, type ExtrasContext } from './start.js'
export { placeholders, type PlaceholderContext } from './embeds.js'
export { floatingButton, FAB_CSS } from './fab.js'
export { notice, confirmation, choicesIcon, decorateChoiceLinks, NOTICE_CSS, type NoticeContext } from './us.js'
export { clean } from '../../blocking/cookies.js'
