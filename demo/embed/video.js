// The stand-in player's one behaviour: Play starts the progress bar, Pause stops it.
const player = document.getElementById('player')
const play = document.getElementById('play')
play.addEventListener('click', () => {
  const playing = player.classList.toggle('playing')
  play.textContent = playing ? 'Pause' : 'Play'
  play.setAttribute('aria-pressed', String(playing))
})
document.documentElement.dataset.ready = 'true'
