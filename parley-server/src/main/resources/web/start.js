// The start page: choose or upload a scenario, a protocol and who fills each seat; then hand out the invite links.
import { call, ApiError } from './api.js';
import { el, show, errorBox } from './util.js';

export async function startPage(app, stale = () => false) {
  let catalogue;
  try {
    catalogue = await call('GET', '/api/catalogue');
  } catch (e) {
    if (!stale()) show(app, errorBox(e.message));
    return;
  }
  if (stale()) return; // the address changed while the catalogue loaded
  const state = { scenario: catalogue.scenarios[0], upload: null };
  const keyInput = el('input', { type: 'password', id: 'admin-key', autocomplete: 'off', size: 44,
    value: sessionStorage.getItem('parley.admin') || '' });
  const builtin = el('select', { id: 'scenario' }, catalogue.scenarios.map((s) => el('option', { value: s.id },
    `${s.title} (${s.id})`)));
  const file = el('input', { type: 'file', id: 'upload', accept: '.yaml,.yml,.json' });
  const fileResult = el('div', { id: 'upload-result', 'aria-live': 'polite' });
  const protocol = el('select', { id: 'protocol' });
  const seats = el('div', { id: 'seats' });
  const result = el('div', { id: 'result', 'aria-live': 'polite' },
    el('p', { class: 'muted' }, 'Create a negotiation: each seat a person fills gets its own link here, shown once.'));

  const renderProtocols = () => {
    const s = state.scenario;
    // Every protocol the catalogue names, described by the server; those this scenario cannot run are left out.
    show(protocol, catalogue.protocols.filter((p) => s.protocols[p.id] && s.protocols[p.id].seats).map((p) =>
      el('option', { value: p.id, selected: p.id === s.protocol }, `${p.id}: ${p.description}`)));
    renderSeats();
  };
  const renderSeats = () => {
    const s = state.scenario;
    const seatList = seatsOf(s, protocol.value);
    const rows = seatList.map((seat) => {
      const party = seat.party;
      const p = s.parties.find((x) => x.id === party);
      const isMediator = party === s.mediator;
      const fitting = catalogue.agents.filter((a) => seat.agents.includes(a.name));
      const choice = el('select', { id: `seat-${party}`, 'aria-label': `Who fills ${p.name}'s seat` },
        el('option', { value: '' }, 'A person (invite link)'),
        fitting.map((a) => el('option', { value: a.name, title: a.description }, `Agent: ${a.name}`)));
      const about = el('div', { class: 'muted small' });
      const describe = () => {
        const a = catalogue.agents.find((x) => x.name === choice.value);
        about.textContent = a ? a.description : 'gets an invite link to take the seat in a browser';
      };
      // People by default in the mediator's seat and the principals' seats; agents elsewhere.
      choice.value = isMediator || s.principals.includes(party) ? '' : seat.agent;
      // Only an agent's profile can be shared by the organiser; a person shares their own, from their room.
      const box = isMediator ? null : el('input', { type: 'checkbox', id: `share-${party}` });
      const syncShare = () => {
        if (!box) return;
        box.disabled = choice.value === '';
        box.checked = choice.value !== '';
        box.title = box.disabled ? 'a person shares their own profile, from their room' : '';
      };
      choice.addEventListener('change', () => { describe(); syncShare(); });
      describe();
      syncShare();
      const share = isMediator ? el('span', { class: 'muted small' }, 'the mediator')
        : el('label', { class: 'inline' }, box, 'agent’s profile shared with the mediator');
      const role = catalogue.seatRoles.find((r) => r.id === seat.role);
      return el('tr', {}, el('td', {}, el('b', {}, p.name), el('div', { class: 'muted small' }, `${p.id} · ${p.role}`),
        el('div', { class: 'muted small' }, `seat: ${seat.role}${role ? ` (${role.description})` : ''}`)),
        el('td', {}, choice, about), el('td', {}, share));
    });
    show(seats, el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Seat'), el('th', {}, 'Filled by'),
      el('th', {}, 'Profile'))), el('tbody', {}, rows)));
  };
  let checking = 0; // each choice of scenario; an answer about an earlier one is dropped
  builtin.addEventListener('change', () => {
    checking++;
    state.scenario = catalogue.scenarios.find((s) => s.id === builtin.value);
    state.upload = null;
    file.value = '';
    show(fileResult);
    renderProtocols();
  });
  protocol.addEventListener('change', renderSeats);
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    const asked = ++checking;
    const text = await f.text();
    try {
      const s = await call('POST', '/api/validate', null, { upload: { file: f.name, text } });
      if (asked !== checking) return;
      state.scenario = s;
      state.upload = { file: f.name, text };
      show(fileResult, el('p', { class: 'ok' }, `${f.name} is a valid parley/1 scenario: ${s.title}`));
      renderProtocols();
    } catch (e) {
      if (asked !== checking) return;
      state.upload = null;
      show(fileResult, el('p', { class: 'error', role: 'alert' }, `${f.name}: ${e.message}`),
        e.details.length ? el('ol', { class: 'problems', id: 'problems' }, e.details.map((d) => el('li', {}, d))) : null);
    }
  });
  const className = el('input', { type: 'text', id: 'class-name', maxlength: 80, placeholder: 'e.g. Seminar B, week 3' });
  const groups = el('input', { type: 'number', id: 'class-groups', min: 1, max: 60, value: 3, style: 'width:5rem' });
  const create = el('button', { id: 'create', type: 'submit' }, 'Create the negotiation');
  className.addEventListener('input', () => {
    create.textContent = className.value.trim() ? 'Create the class’s negotiations' : 'Create the negotiation';
  });
  const form = el('form', { class: 'card', onsubmit: async (ev) => {
    ev.preventDefault();
    const key = keyInput.value.trim();
    if (!key) {
      show(result, errorBox('Enter the organiser key: `parley serve` printed it when it first started, and keeps it in parley-data/admin-token.'));
      keyInput.focus();
      return;
    }
    sessionStorage.setItem('parley.admin', key);
    const s = state.scenario;
    const body = { protocol: protocol.value, agents: {}, shared: [] };
    if (state.upload) body.upload = state.upload; else body.scenario = s.id;
    for (const { party } of seatsOf(s, protocol.value)) {
      const agent = document.getElementById(`seat-${party}`).value;
      if (agent) body.agents[party] = agent;
      const share = document.getElementById(`share-${party}`);
      if (share && share.checked) body.shared.push(party);
    }
    create.disabled = true;
    try {
      if (className.value.trim()) {
        const made = await call('POST', '/api/classes', key, { ...body, class: className.value.trim(), groups: Number(groups.value) });
        showClassInvites(result, s, made);
      } else {
        const created = await call('POST', '/api/negotiations', key, body);
        showInvites(result, s, created);
      }
    } catch (e) {
      const hint = e.status === 403 || e.status === 401 ? ' (check the organiser key)' : '';
      show(result, errorBox(e.message + hint),
        e.details.length ? el('ol', { class: 'problems' }, e.details.map((d) => el('li', {}, d))) : null);
    } finally {
      create.disabled = false;
    }
  } },
  el('h2', {}, 'Start a negotiation'),
  el('label', { for: 'admin-key' }, 'Organiser key'), keyInput,
  el('p', { class: 'muted small' }, '`parley serve` printed it when it first started; it is kept in parley-data/admin-token.'),
  el('label', { for: 'scenario' }, 'Built-in scenario'), builtin,
  el('label', { for: 'upload' }, 'Or upload a parley/1 file (.yaml, .yml or .json)'), file, fileResult,
  el('label', { for: 'protocol' }, 'Protocol'), protocol,
  el('h2', { style: 'margin-top:1rem' }, 'Seats'), seats,
  el('h2', { style: 'margin-top:1rem' }, 'For a class (optional)'),
  el('p', { class: 'muted small' }, 'Name a class to create one negotiation per group, all alike, with every invite link on one printable page.'),
  el('div', { class: 'row' }, el('div', {}, el('label', { for: 'class-name' }, 'Class'), className),
    el('div', {}, el('label', { for: 'class-groups' }, 'Groups'), groups)),
  create);
  show(app, el('h1', {}, 'Parley — mediated negotiation'),
    el('p', { class: 'small' }, el('a', { href: '#/organiser', id: 'to-dashboard' }, 'Organiser dashboard: every negotiation, its status and seats, new invites, debriefs')),
    el('div', { class: 'grid' }, form,
    el('section', { class: 'card' }, el('h2', {}, 'Invite links'), result)));
  renderProtocols();
}

/** The seats of a protocol on a scenario, as the catalogue (or the validation of an upload) gives them. */
function seatsOf(scenario, protocol) {
  const entry = scenario.protocols[protocol];
  return entry && entry.seats ? entry.seats : [];
}

/** A class's invites on one page to print: a table per group, each link written out in full. */
function showClassInvites(container, scenario, made) {
  const sheet = el('div', { id: 'invite-sheet' }, el('h2', {}, `Class ${made.class}: invite links`),
    el('p', { class: 'muted small' }, `Scenario ${scenario.title}. Each link opens one seat of one group’s negotiation; keep it to whoever takes the seat.`),
    made.negotiations.map((n) => el('section', { class: 'group', 'data-group': n.group }, el('h3', {}, `Group ${n.group}`),
      el('table', {}, el('tbody', {}, Object.entries(n.tokens).map(([party, token]) => {
        const p = scenario.parties.find((x) => x.id === party);
        return el('tr', { class: 'invite' }, el('td', {}, el('b', {}, p ? p.name : party)),
          el('td', { class: 'link' }, el('code', { id: `invite-${n.group}-${party}` }, `${location.origin}/#/n/${n.id}/${token}`)));
      }))))));
  show(container, el('p', { class: 'notice' }, `${made.negotiations.length} negotiations are open for ${made.class}. The links are shown only now: print this page or copy them.`),
    el('p', {}, el('button', { type: 'button', id: 'print-invites', onclick: () => window.print() }, 'Print the invite page'), ' ',
      el('a', { href: `#/organiser?class=${encodeURIComponent(made.class)}` }, 'The class on the dashboard')),
    sheet);
}

function showInvites(container, scenario, created) {
  const rows = Object.entries(created.tokens).map(([party, token]) => {
    const link = `${location.origin}/#/n/${created.id}/${token}`;
    const input = el('input', { type: 'text', readonly: true, value: link, id: `invite-${party}`,
      'aria-label': `Invite link for ${party}` });
    const copy = el('button', { type: 'button', class: 'secondary', onclick: async () => {
      try { await navigator.clipboard.writeText(link); copy.textContent = 'Copied'; } catch (e) {
        input.select(); copy.textContent = 'Press Ctrl+C';
      }
    } }, 'Copy');
    const p = scenario.parties.find((x) => x.id === party);
    return el('tr', { class: 'invite' }, el('td', {}, el('b', {}, p ? p.name : party),
      el('div', { class: 'muted small' }, party === scenario.mediator ? 'mediator’s console' : 'party room')),
    el('td', {}, input), el('td', {}, copy, el('a', { href: link, target: '_blank', rel: 'noopener' }, 'Open')));
  });
  show(container, el('p', { class: 'notice' }, `Negotiation ${created.id} is open. Each link is shown only now: copy it and hand it to its seat.`),
    rows.length ? el('table', {}, el('tbody', {}, rows)) : el('p', {}, 'Agents fill every seat.'));
}
