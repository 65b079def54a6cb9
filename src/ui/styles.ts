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
 * the shadow tree wins (CSS Cascade 5 §6.1, context). The font is themable
 * with `--consentry-font`.
 */
export const BASE_CSS = `
:host{all:initial!important;display:block!important;
font:400 16px/1.5 var(--consentry-font,system-ui,sans-serif)!important;
--_bg:var(--consentry-bg,#fff);--_fg:var(--consentry-fg,#16181d);--_muted:var(--consentry-muted,#474d5a);
--_accent:var(--consentry-accent,#1f4fd1);--_on:var(--consentry-on-accent,#fff);--_line:var(--consentry-border,#6b7280);
--_focus:var(--consentry-focus,#1f4fd1);--_radius:var(--consentry-radius,.5em);--_shadow:var(--consentry-shadow,0 .25em 1.5em rgba(0,0,0,.25));
--_backdrop:var(--consentry-backdrop,rgba(15,18,25,.6))}
:host([data-theme=dark]){--_bg:var(--consentry-bg,#1b1e24);--_fg:var(--consentry-fg,#f2f4f7);--_muted:var(--consentry-muted,#c3c8d2);
--_accent:var(--consentry-accent,#8ab4ff);--_on:var(--consentry-on-accent,#0b1020);--_line:var(--consentry-border,#9aa3b2);--_focus:var(--consentry-focus,#8ab4ff)}
@media (prefers-color-scheme:dark){:host([data-theme=auto]){--_bg:var(--consentry-bg,#1b1e24);--_fg:var(--consentry-fg,#f2f4f7);
--_muted:var(--consentry-muted,#c3c8d2);--_accent:var(--consentry-accent,#8ab4ff);--_on:var(--consentry-on-accent,#0b1020);
--_line:var(--consentry-border,#9aa3b2);--_focus:var(--consentry-focus,#8ab4ff)}}
*,::before,::after{box-sizing:border-box}
[hidden]{display:none!important}
.layer{position:fixed;z-index:2147483000;background:var(--_bg);color:var(--_fg);box-shadow:var(--_shadow);
padding:1em 1.25em;max-height:calc(100% - 1em);overflow:auto;text-align:start;overflow-wrap:break-word;hyphens:auto}
.layer:focus{outline:none}
.bar{left:0;right:0;display:flex;flex-wrap:wrap;align-items:center;gap:.75em 2em}
.bar.top{top:0}.bar.bottom{bottom:0}.bar .body{flex:1 1 26em}.bar .buttons{flex:1 1 40em}
.box,.modal{width:min(28em,calc(100% - 2em));border-radius:var(--_radius)}
.box{margin:1em}.top-left,.top-right{top:0}.bottom-left,.bottom-right{bottom:0}.top-left,.bottom-left{left:0}.top-right,.bottom-right{right:0}
.modal{top:50%;left:50%;transform:translate(-50%,-50%);width:min(34em,calc(100% - 2em))}
.backdrop{position:fixed;inset:0;z-index:2147482999;background:var(--_backdrop)}
h2{font-size:1.125em;line-height:1.3;margin:0 0 .35em;font-weight:650}
p{margin:0 0 .75em;color:var(--_muted)}
a{color:var(--_accent);text-decoration:underline;text-underline-offset:.15em}
.buttons{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(10em,100%),1fr));gap:.5em}
button{font:inherit;font-weight:600;line-height:1.25;margin:0;cursor:pointer;border-radius:var(--_radius);padding:.65em 1em;
min-height:2.75em;border:2px solid var(--_accent);background:var(--_accent);color:var(--_on);text-align:center}
button.secondary{background:transparent;color:var(--_accent)}
:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-reduced-motion:no-preference){.layer{animation:consentry-in .18s ease-out}}
@keyframes consentry-in{from{translate:0 .75em}}
`
