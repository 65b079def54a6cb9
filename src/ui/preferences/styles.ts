/**
 * The preferences centre's stylesheet: loaded with it, on demand. Uses the
 * tokens of BASE_CSS (colours, `--_sp` spacing, `--_radius`) and its button
 * arrangements (`row`, `pair`, `stack`, see fit.ts). Categories are compact rows
 * divided by rules, not boxed cards, so four of them fit a phone without
 * scrolling; each opens to its description and services. A row's name takes
 * the room its switch leaves and wraps first (flex-basis 0); the switch drops
 * below only where even the name's longest word leaves it no room (320 px). Title and buttons stay
 * put while the list scrolls, except on short screens (a phone held sideways,
 * 400 % zoom), where they would leave the list no room: there the whole dialog
 * scrolls as one (WCAG 2.2 SC 1.4.10). Shown inline in the page (`.inline`), it is a bordered section in the
 * page's flow, as wide as its container, that grows with its rows instead of scrolling.
 * Lines end in `\`, as in BASE_CSS: no line breaks shipped.
 */
export const PREFERENCES_CSS = `\
.prefs{top:50%;left:50%;transform:translate(-50%,-50%);width:min(40em,calc(100% - 1em));max-height:calc(100% - 1em);\
border-radius:var(--_radius);display:flex;flex-direction:column;padding:0;--_rule:color-mix(in srgb,var(--_line) 40%,transparent)}\
.prefs>*{padding:calc(var(--_sp)*.75) var(--_sp)}\
.head{display:flex;gap:.75em;align-items:center;justify-content:space-between;border-bottom:1px solid var(--_rule)}\
.head h2{margin:0;min-width:0}\
.foot{border-top:1px solid var(--_rule)}\
.scroll{overflow:auto}\
.scroll>p{margin-bottom:.5em}\
.close{min-height:0;width:2.5em;height:2.5em;margin-inline-end:-.5em;padding:.5em;background:transparent;color:var(--_fg);border-color:transparent;flex:none}\
.prefs svg{width:100%;height:100%;stroke:currentColor;stroke-width:2.5;fill:none}\
ul{list-style:none;margin:0;padding:0}\
.category+.category,.service{border-top:1px solid var(--_rule)}\
.entry{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .75em;min-height:3em}\
h3,h4{flex:1 1 0;margin:0;font-size:1em;font-weight:650}\
h4{font-size:.9375em;font-weight:600}\
.more{display:flex;align-items:center;gap:.5em;width:100%;min-height:2.75em;padding:0;border:0;background:none;color:inherit;font-weight:inherit;text-align:start}\
.more svg{flex:none;width:1.125em;height:1.125em}\
.more[aria-expanded=true] svg{rotate:180deg}\
.panel{padding:0 0 .75em;padding-inline-start:1.625em}\
.panel p{margin:.25em 0 0}\
.services{margin:.5em 0 0}\
.service{padding:.5em 0 0}\
.service .entry{min-height:2.25em}\
.honored{font-weight:600;color:var(--_fg)}\
.always{font-size:.875em;color:var(--_muted);white-space:nowrap}\
.always,h3+.switch,h4+.switch{margin-inline-start:auto}\
.switch{position:relative;flex:none;width:3.25em;height:1.75em;min-height:0;padding:0;border-radius:1em;border:2px solid var(--_line);background:var(--_bg)}\
.switch::before{content:"";position:absolute;top:.2em;inset-inline-start:.2em;width:1.1em;height:1.1em;border-radius:50%;background:var(--_line)}\
.switch[aria-checked=true]{background:var(--_accent);border-color:var(--_accent)}\
.switch[aria-checked=true]::before{inset-inline-start:auto;inset-inline-end:.2em;background:var(--_on)}\
.switch.partial::before{inset-inline-start:calc(50% - .55em);background:var(--_accent)}\
.switch:disabled{cursor:not-allowed;opacity:.75}\
.link{min-height:0;padding:.25em 0;border:0;background:none;color:var(--_accent);text-decoration:underline;font-weight:400;font-size:.875em;margin-top:.25em}\
table{border-collapse:collapse;width:100%;margin:.5em 0 0;font-size:.875em}\
th,td{text-align:start;padding:.35em .5em;border-bottom:1px solid var(--_rule);vertical-align:top}\
th{font-weight:600}\
@media (max-width:30em){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}\
td::before{content:attr(data-label) ": ";font-weight:600}}\
@media (max-height:30em){.prefs{display:block}.scroll{overflow:visible}}\
.inline{transform:none;width:auto;max-height:none;background:var(--_bg);color:var(--_fg);border:1px solid var(--_rule);overflow-wrap:break-word}\
.inline:has(.first){visibility:hidden}.inline .scroll{overflow:visible}.saved:not(:empty){margin-top:.5em}\
`
