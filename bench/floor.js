// The floor: the least script any cookie-based consent check can run on a returning visit, to
// set Consentry's figures against (bench/run.mjs --sdks …,floor; not a product, never shipped).
// It does what no consent SDK can skip and nothing else:
// - reads the consent cookie (`document.cookie`, one synchronous round trip to the browser's
//   cookie store) and checks it (Consentry's cookie format: nine fields and an FNV-1a checksum);
// - answers "may I?" for a category, from what it read;
// - listens for another tab's decision, as Consentry does: a `BroadcastChannel` (a `storage` listener
//   would open the origin's storage area on every page view: 32.7 ms of script time against 17.4 in
//   the run of 2026-12-06 that compared them).
// No config validation, no banner, no blocking walk, no events: a first visit here shows nothing.
;(() => {
  const name = 'consentry'
  let raw = ''
  for (const part of document.cookie.split('; ')) if (part.startsWith(name + '=')) raw = decodeURIComponent(part.slice(name.length + 1))
  const checksum = (s) => {
    let h = 0x811c9dc5
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
    return (h >>> 0).toString(36)
  }
  const granted = new Set()
  const read = (value) => {
    granted.clear()
    const cut = value.lastIndexOf('.')
    const fields = value.slice(0, cut).split('.')
    if (cut < 0 || fields.length != 9 || value.slice(cut + 1) != checksum(value.slice(0, cut))) return
    for (const id of fields[7].split('|')) if (id && id[0] != '!') granted.add(id)
  }
  read(raw)
  new BroadcastChannel(`consentry:${name}`).onmessage = (e) => read(String(e.data ?? ''))
  window.floor = { has: (id) => granted.has(id) }
})()
