/**
 * `dist/consentry.strict.min.js`: the script-tag build with strict mode's
 * network guard. Modules run in import order, so the guard is plugged in
 * before the script-tag build reads the config and calls `init`.
 */
import './blocking/strict-register.js'
import './browser.js'
