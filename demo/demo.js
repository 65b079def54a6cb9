// The demo page's logic. It lives in its own file, not inline, so that the page
// keeps working under `script-src 'self'`, as Consentry promises sites it will.
const Consentry = window.Consentry
const snapshot = document.getElementById('snapshot')
const status = document.getElementById('status')

/** Prints the current consent; `why` says what triggered the update. */
const render = (why) => {
  const s = Consentry.get()
  snapshot.textContent = JSON.stringify(s, null, 2)
  status.textContent = `${s.decided ? 'Decided' : 'No decision yet'} (${why} at ${new Date().toLocaleTimeString()})`
}

if (!Consentry) {
  status.textContent = 'Consentry did not load: run `npm run build`, then reload.'
} else {
  document.getElementById('accept-all').addEventListener('click', () => Consentry.acceptAll())
  document.getElementById('reject-all').addEventListener('click', () => Consentry.rejectAll())
  document.getElementById('reset').addEventListener('click', () => Consentry.reset())
  // Fires for decisions made here and in other tabs alike.
  addEventListener('consentry:change', () => render('consentry:change'))
  render('page load')
}
