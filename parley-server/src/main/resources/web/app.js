// Parley's web console: routes by the address's fragment, which also carries seat tokens (never sent to the server
// in a request line, never in a referrer).
import { startPage } from './start.js';
import { seatPage } from './seat.js';
import { monitorPage } from './monitor.js';
import { organiserPage } from './organiser.js';

const app = document.getElementById('app');
const live = document.getElementById('live');

function setLive(up, reason) {
  live.textContent = up ? '● live' : reason ? `disconnected: ${reason}` : '○ reconnecting…';
  live.className = up ? 'live' : 'live down';
}

let routes = 0; // each change of address; a page still loading for an earlier one does not draw

async function route() {
  const mine = ++routes;
  if (window.__parleySeat && window.__parleySeat.link) window.__parleySeat.link.stop();
  if (window.__parleySeat && window.__parleySeat.stop) window.__parleySeat.stop();
  window.__parleySeat = null;
  live.textContent = '';
  document.getElementById('where').textContent = '';
  const hash = location.hash.replace(/^#/, '');
  const admin = /^admin=(.+)$/.exec(hash);
  if (admin) {
    sessionStorage.setItem('parley.admin', decodeURIComponent(admin[1]));
    history.replaceState(null, '', '#/');
  }
  const seat = /^\/n\/([^/]+)\/([^/]+)$/.exec(hash);
  const monitoring = /^\/m\/([^/]+)\/([^/]+)$/.exec(hash);
  const organiser = /^\/organiser(?:\?class=(.*))?$/.exec(hash);
  const watch = /^\/w\/([^/]+)$/.exec(hash);
  if (watch && !sessionStorage.getItem('parley.admin')) {
    location.hash = '#/organiser'; // the organiser key first
    return;
  }
  if (watch) await seatPage(app, decodeURIComponent(watch[1]), sessionStorage.getItem('parley.admin'), setLive, () => mine !== routes);
  else if (organiser) await organiserPage(app, organiser[1] ? decodeURIComponent(organiser[1]) : null, () => mine !== routes);
  else if (seat) await seatPage(app, decodeURIComponent(seat[1]), decodeURIComponent(seat[2]), setLive, () => mine !== routes);
  else if (monitoring) await monitorPage(app, decodeURIComponent(monitoring[1]), decodeURIComponent(monitoring[2]), () => mine !== routes);
  else await startPage(app, () => mine !== routes);
}

window.addEventListener('hashchange', route);
route();
