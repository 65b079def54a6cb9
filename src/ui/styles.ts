/**
 * The first layer's stylesheet, adopted into the shadow root. Colours come
 * from `--consentry-*` custom properties (set them on `[data-consentry]` or
 * `:root`), with defaults that keep text contrast ≥ 4.5:1 and control edges
 * ≥ 3:1 (WCAG 2.2 SC 1.4.3, 1.4.11) in both themes. `:host { all: initial }`
 * stops the page's inherited styles (font-size, line-height, direction…) at
 * the boundary; sizes are in `em` from a fixed 16px, so a page's huge
 * `html { font-size }` changes nothing, while browser zoom still scales it. The
 * entrance slides rather than fades, so the banner is readable from its first frame.
 * The host's rules are `!important` because a page's rules that match the
 * host itself (`* { font-size: 30px !important }`, `div { letter-spacing }`)
 * otherwise beat `:host` and are inherited inside; for important declarations
 * the shadow tree wins (CSS Cascade 5 §6.1, context).
 *
 * Sizes come from three properties: `--consentry-font-size` (16px), of which
 * the type scale is a fraction — title 1.0625, buttons .9375, text .875 —,
 * `--consentry-space` (1em: the padding, and the gaps in proportion) and
 * `--consentry-radius`; the font is `--consentry-font`. Buttons are 44 px
 * high at the default size (WCAG 2.2 SC 2.5.5). Their arrangement (`fit`,
 * `row`, `pair`, or stacked) is chosen by fit.ts; while it measures the first
 * time, the layer is hidden, though never painted so.
 *
 * Each line ends in `\` (a LineContinuation, which adds nothing to a template literal's value): the sheet
 * stays readable here and ships without line breaks, which every visitor downloads.
 */
export const BASE_CSS = `\
:host{all:initial!important;display:block!important;\
font:var(--consentry-font-size,16px)/1.5 var(--consentry-font,system-ui,sans-serif)!important;\
--_bg:var(--consentry-bg,#fff);--_fg:var(--consentry-fg,#16181d);--_muted:var(--consentry-muted,#474d5a);\
--_accent:var(--consentry-accent,#1f4fd1);--_on:var(--consentry-on-accent,#fff);--_line:var(--consentry-border,#6b7280);\
--_focus:var(--consentry-focus,#1f4fd1);--_radius:var(--consentry-radius,.5em);--_sp:var(--consentry-space,1em);\
--_shadow:var(--consentry-shadow,0 .25em 1.5em #0004);--_backdrop:var(--consentry-backdrop,#0f121999)}\
:host([data-theme=dark]){--_bg:var(--consentry-bg,#1b1e24);--_fg:var(--consentry-fg,#f2f4f7);--_muted:var(--consentry-muted,#c3c8d2);\
--_accent:var(--consentry-accent,#8ab4ff);--_on:var(--consentry-on-accent,#0b1020);--_line:var(--consentry-border,#9aa3b2);--_focus:var(--consentry-focus,#8ab4ff)}\
@media (prefers-color-scheme:dark){:host([data-theme=auto]){--_bg:var(--consentry-bg,#1b1e24);--_fg:var(--consentry-fg,#f2f4f7);\
--_muted:var(--consentry-muted,#c3c8d2);--_accent:var(--consentry-accent,#8ab4ff);--_on:var(--consentry-on-accent,#0b1020);\
--_line:var(--consentry-border,#9aa3b2);--_focus:var(--consentry-focus,#8ab4ff)}}\
*{box-sizing:border-box}\
[hidden]{display:none!important}\
.layer{position:fixed;z-index:2147483000;background:var(--_bg);color:var(--_fg);box-shadow:var(--_shadow);\
padding:var(--_sp);max-height:calc(100% - 1em);overflow:auto;overflow-wrap:break-word;hyphens:auto}\
.layer:focus{outline:none}\
.bar{left:0;right:0;display:flex;flex-wrap:wrap;align-items:center;gap:calc(var(--_sp)*.75) calc(var(--_sp)*2)}\
.body{flex:1e6 1 24em}\
.box,.modal{display:grid;gap:calc(var(--_sp)*.75);border-radius:var(--_radius)}\
.box{margin:min(1em,2vw);width:min(28em,96%)}\
[class*=top]{top:0}[class*=bottom]{bottom:0}[class*=left]{left:0}[class*=right]{right:0}\
.modal{top:50%;left:50%;transform:translate(-50%,-50%);width:min(34em,96%)}\
.backdrop{position:fixed;inset:0;z-index:2147482999;background:var(--_backdrop)}\
h2{font-size:1.0625em;line-height:1.3;margin:0 0 .4em;font-weight:650}\
p{margin:0;color:var(--_muted);font-size:.875em}\
a{color:var(--_accent);text-underline-offset:.15em}\
.buttons{display:grid;grid-auto-columns:1fr;gap:calc(var(--_sp)/2);flex:auto}\
.fit{display:flex;flex-wrap:wrap;flex-basis:100%}.layer:has(.first){visibility:hidden}.fit>*,.row>*,.pair>*{white-space:nowrap}\
.row{grid-auto-flow:column}.pair{grid-template-columns:1fr 1fr}.pair>:last-child{grid-column:1/-1}\
button{font:inherit;font-size:.9375em;font-weight:600;line-height:1.25;cursor:pointer;border-radius:var(--_radius);padding:.5em .75em;\
min-height:2.94em;border:2px solid var(--_accent);background:var(--_accent);color:var(--_on)}\
.secondary{background:none;color:var(--_accent)}\
:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}\
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
@media (prefers-reduced-motion:no-preference){.layer{animation:consentry-in .18s ease-out}}\
@keyframes consentry-in{from{translate:0 .75em}}\
`
