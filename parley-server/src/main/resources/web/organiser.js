// The organiser's dashboard: every negotiation with its scenario, protocol, status, seats and last activity; watch a
// mediator's view, issue a seat a new invite, close, and download the debriefs (of one negotiation or of a class).
import { call, ApiError } from './api.js';
import { el, show, errorBox } from './util.js';

const STATUS = { open: 'open', agreed: 'agreed', 'no-agreement': 'no agreement', closed: 'closed' };

/** The organiser key the start page keeps for this tab, or a form asking for it. */
function keyForm(app, again) {
  const input = el('input', { type: 'password', id: 'admin-key', autocomplete: 'off', size: 44 });
  show(app, el('h1', {}, 'Organiser dashboard'), el('form', { class: 'card', onsubmit: (ev) => {
    ev.preventDefault();
    if (!input.value.trim()) return;
    sessionStorage.setItem('parley.admin', input.value.trim());
    again();
  } }, el('label', { for: 'admin-key' }, 'Organiser key'), input,
  el('p', { class: 'muted small' }, '`parley serve` printed it when it first started; it is kept in parley-data/admin-token.'),
  el('button', { type: 'submit', id: 'open-dashboard' }, 'Open the dashboard')));
}

/** Downloads what the server sends as an attachment, under the name it gives. */
async function download(path, key) {
  let r;
  try {
    r = await fetch(path, { headers: { Authorization: `Bearer ${key}` } });
  } catch (e) {
    throw new ApiError(0, { error: 'the Parley server cannot be reached: is `parley serve` still running?' });
  }
  if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null));
  const named = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
  const url = URL.createObjectURL(await r.blob());
  const a = el('a', { href: url, download: named ? named[1] : 'debrief' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000); // the browser has the file long before
}

function when(millis) {
  return millis ? new Date(millis).toLocaleString() : '–';
}

export async function organiserPage(app, only, stale = () => false) {
  const key = sessionStorage.getItem('parley.admin');
  if (!key) {
    keyForm(app, () => organiserPage(app, only, stale));
    return;
  }
  const feedback = el('div', { id: 'feedback', 'aria-live': 'assertive' });
  const invite = el('div', { id: 'new-invite', 'aria-live': 'polite' });
  const list = el('div', { id: 'negotiations' }, el('p', { class: 'muted' }, 'Loading…'));
  const fail = (e) => {
    const hint = e.status === 401 || e.status === 403 ? ' (check the organiser key)' : '';
    show(feedback, errorBox(e.message + hint));
  };
  const act = async (work) => {
    show(feedback);
    try { await work(); } catch (e) { fail(e); }
  };
  let rows = [];
  const load = async () => {
    try {
      rows = await call('GET', `/api/negotiations${only ? `?class=${encodeURIComponent(only)}` : ''}`, key);
    } catch (e) {
      if (e.status === 401 || e.status === 403) sessionStorage.removeItem('parley.admin');
      fail(e);
      return;
    }
    if (stale()) return;
    draw();
  };

  const seatCell = (n) => el('ul', { class: 'seats' }, n.seats.map((s) => el('li', { 'data-party': s.party },
    el('b', {}, s.name), ' ',
    s.filledBy === 'agent' ? el('span', { class: 'muted' }, `agent ${s.agent}`)
      : el('span', { class: s.joined ? 'ok' : 'muted', 'data-joined': String(s.joined) }, s.joined ? 'person, joined' : 'person, not joined yet'),
    s.filledBy === 'person' && n.status !== 'closed' ? el('button', { type: 'button', class: 'secondary small', id: `reinvite-${n.id}-${s.party}`,
      title: 'the old invite link stops working at once', onclick: () => act(async () => {
        if (!window.confirm(`Issue ${s.name} a new invite? The old link stops working at once.`)) return;
        const r = await call('POST', `/api/negotiations/${encodeURIComponent(n.id)}/seats/${encodeURIComponent(s.party)}/invite`, key, {});
        const link = `${location.origin}/#/n/${n.id}/${r.token}`;
        show(invite, el('div', { class: 'notice' }, `New invite for ${s.name}${n.class ? ` (${n.class}, group ${n.group})` : ''}, shown once; the old one no longer opens the seat:`,
          el('input', { type: 'text', readonly: true, value: link, id: 'new-invite-link', class: 'wide-input', 'aria-label': `New invite link for ${s.name}` })));
        await load();
      }) }, 'New invite') : null)));

  const downloads = (path, forms) => forms.map((f) => el('button', { type: 'button', class: 'secondary small',
    'data-download': f, onclick: () => act(() => download(`${path}?format=${f}`, key)) }, f.toUpperCase()));

  const draw = () => {
    const classes = [...new Set(rows.map((n) => n.class).filter((c) => c))];
    const body = rows.map((n) => el('tr', { 'data-id': n.id, 'data-status': n.status },
      el('td', {}, n.class ? el('span', {}, el('a', { href: `#/organiser?class=${encodeURIComponent(n.class)}` }, n.class),
        ` · group ${n.group}`) : el('span', { class: 'muted' }, '–')),
      el('td', {}, el('b', {}, n.scenario.title), el('div', { class: 'muted small' }, `${n.protocol} · ${n.id}`)),
      el('td', {}, el('span', { class: `status ${n.status}` }, STATUS[n.status] || n.status)),
      el('td', {}, seatCell(n)),
      el('td', { class: 'small' }, when(n.lastActivity)),
      el('td', {},
        n.watchable ? el('a', { href: `#/w/${encodeURIComponent(n.id)}`, class: 'watch', id: `watch-${n.id}` }, 'Mediator’s view') : null,
        el('div', { class: 'small muted' }, 'Debrief:'), downloads(`/api/negotiations/${encodeURIComponent(n.id)}/debrief`, ['html', 'json', 'csv']),
        n.status === 'open' ? el('button', { type: 'button', class: 'danger small', id: `close-${n.id}`, onclick: () => act(async () => {
          if (!window.confirm('Close this negotiation? No move is accepted after.')) return;
          await call('POST', `/api/negotiations/${encodeURIComponent(n.id)}/close`, key, {});
          await load();
        }) }, 'Close') : null)));
    show(list,
      only ? el('div', { class: 'card', id: 'class-card' }, el('h2', {}, `Class ${only}`),
        el('p', {}, `${rows.length} group${rows.length === 1 ? '' : 's'}: `,
          Object.entries(STATUS).map(([s, label]) => `${rows.filter((n) => n.status === s).length} ${label}`).join(', ')),
        el('div', { class: 'small muted' }, 'The class’s debrief, its groups side by side:'),
        downloads(`/api/classes/${encodeURIComponent(only)}/debrief`, ['html', 'json', 'csv']),
        el('p', {}, el('a', { href: '#/organiser' }, 'Every negotiation'))) : null,
      !only && classes.length ? el('p', { class: 'small' }, 'Classes: ', classes.map((c) => el('a', { href: `#/organiser?class=${encodeURIComponent(c)}`, style: 'margin-right:.8rem' }, c))) : null,
      rows.length ? el('div', { class: 'scroll' }, el('table', { id: 'negotiation-table' }, el('thead', {}, el('tr', {},
        ['Class', 'Scenario', 'Status', 'Seats', 'Last activity', ''].map((h) => el('th', {}, h)))), el('tbody', {}, body)))
        : el('p', { class: 'muted' }, 'No negotiation yet: start one from the start page.'));
  };

  show(app, el('h1', {}, 'Organiser dashboard'),
    el('p', {}, el('a', { href: '#/' }, 'Start a negotiation or a class'), ' · ',
      el('button', { type: 'button', class: 'secondary', id: 'refresh', onclick: () => act(load) }, 'Refresh')),
    feedback, invite, list);
  await load();
  // The list keeps itself current while the page is open (the talks move on without the organiser).
  const timer = setInterval(() => { if (!document.hidden) load(); }, 10000);
  window.__parleySeat = { stop: () => clearInterval(timer) };
}
