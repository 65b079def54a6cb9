/**
 * The preferences centre's stylesheet: loaded with it, on demand. Uses the
 * tokens of BASE_CSS. Title and buttons stay put while the list scrolls, except
 * on short screens (a phone held sideways, 400 % zoom), where they would leave
 * the list no room: there the whole dialog scrolls as one (WCAG 2.2 SC 1.4.10).
 */
export const PREFERENCES_CSS = `
.prefs{top:50%;left:50%;transform:translate(-50%,-50%);width:min(40em,calc(100% - 1em));max-height:calc(100% - 1em);
border-radius:var(--_radius);display:flex;flex-direction:column;padding:0}
.prefs>.head,.prefs>.foot{padding:1em 1.25em;display:flex;gap:.75em;align-items:center}
.prefs>.head{justify-content:space-between;border-bottom:1px solid var(--_line)}
.prefs>.head h2{margin:0;min-width:0}
.prefs>.foot{border-top:1px solid var(--_line);display:grid;grid-template-columns:repeat(auto-fit,minmax(min(9em,100%),1fr))}
.scroll{overflow:auto;padding:1em 1.25em}
.close{min-height:0;width:2.5em;height:2.5em;padding:.5em;background:transparent;color:var(--_fg);border-color:transparent;flex:none}
.close svg{width:100%;height:100%;stroke:currentColor;stroke-width:2.5;fill:none}
ul{list-style:none;margin:0;padding:0}
.category{border:1px solid var(--_line);border-radius:var(--_radius);padding:.75em 1em;margin:0 0 .75em}
.row{display:flex;flex-wrap:wrap;align-items:center;gap:.5em .75em;justify-content:space-between}
h3{font-size:1em;margin:0;font-weight:650}
h4{font-size:.9375em;margin:0;font-weight:600}
.category p,.service p{margin:.35em 0 0;font-size:.9375em}
.honored{font-weight:600;color:var(--_fg)}
.always{font-size:.875em;color:var(--_muted);margin-inline-start:auto;white-space:nowrap}
.services{margin:.75em 0 0;padding-inline-start:1em;border-inline-start:2px solid var(--_line)}
.service{padding:.5em 0}
h3+.switch,h4+.switch{margin-inline-start:auto}
.switch{position:relative;flex:none;width:3.25em;height:1.75em;min-height:0;padding:0;border-radius:1em;border:2px solid var(--_line);background:var(--_bg)}
.switch::before{content:"";position:absolute;top:.2em;inset-inline-start:.2em;width:1.1em;height:1.1em;border-radius:50%;background:var(--_line)}
.switch[aria-checked=true]{background:var(--_accent);border-color:var(--_accent)}
.switch[aria-checked=true]::before{inset-inline-start:auto;inset-inline-end:.2em;background:var(--_on)}
.switch.partial::before{inset-inline-start:calc(50% - .55em);background:var(--_accent)}
.switch:disabled{cursor:not-allowed;opacity:.75}
.link{min-height:0;padding:.25em 0;border:0;background:none;color:var(--_accent);text-decoration:underline;font-weight:400;font-size:.875em;margin-top:.25em}
table{border-collapse:collapse;width:100%;margin:.5em 0 0;font-size:.875em}
th,td{text-align:start;padding:.35em .5em;border-bottom:1px solid var(--_line);vertical-align:top}
th{font-weight:600}
@media (max-width:30em){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
td::before{content:attr(data-label) ": ";font-weight:600}}
@media (max-height:30em){.prefs{display:block}.scroll{overflow:visible}}
`
