// A seat's page: the mediator's console or a party's room. Everything it shows comes from what the server lets this
// seat see; it refreshes whenever the WebSocket brings an event.
import { call, follow } from './api.js';
import { el, show, num, errorBox, describeEvent, describePackage, partyName } from './util.js';
import { utility, profileCard, tableCard } from './room.js';
import { assess, assessmentView, analysisCards, drawCharts, packagesCard } from './console.js';

export async function seatPage(app, id, token, setLive, stale = () => false) {
  const seat = { id, token, view: null, profile: null, lastTable: null, prevTable: null, progress: null, zone: null, axes: null, stale };
  try {
    seat.view = await call('GET', `/api/negotiations/${encodeURIComponent(id)}`, token);
    seat.catalogue = await call('GET', '/api/catalogue');
    if (stale()) return;
  } catch (e) {
    if (stale()) return;
    show(app, errorBox(`${e.message}. Open the invite link you were given again, or ask the organiser for a new one.`));
    return;
  }
  const me = seat.view.scenario.parties.find((p) => p.id === seat.view.party);
  seat.mediator = me.id === seat.view.mediator;
  seat.watching = seat.view.watching; // the organiser, watching the mediator's view: no move, no share
  document.getElementById('where').textContent = `${seat.view.scenario.title} · ${me.name}`
    + (seat.watching ? ' · mediator’s view, watched by the organiser' : seat.mediator ? ' · mediator’s console' : ' · party room');
  if (!seat.mediator) seat.profile = await call('GET', `/api/negotiations/${encodeURIComponent(id)}/profile`, token);
  if (stale()) return;
  const last = seat.view.events.length ? seat.view.events[seat.view.events.length - 1].seq : 0;
  let timer = null;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const asked = (seat.views = (seat.views || 0) + 1);
      try {
        const view = await call('GET', `/api/negotiations/${encodeURIComponent(id)}`, token);
        if (asked !== seat.views) return; // a later refresh has asked since: its answer is the newer one
        seat.view = view;
        if (seat.profile && seat.view.begun) { // the first move fixes every profile
          seat.profile.editable = false;
          seat.editing = false;
        }
        await render(app, seat, refresh);
      } catch (e) {
        show(document.getElementById('feedback'), errorBox(e.message));
      }
    }, 60);
  };
  seat.rerender = () => render(app, seat, refresh);
  seat.stop = () => clearTimeout(timer); // a refresh still waiting when the page is left
  await render(app, seat, refresh);
  if (stale()) return;
  seat.link = follow(id, token, last, refresh, (up, reason) => setLive(up, reason));
  window.__parleySeat = seat; // for the browser tests: drop the socket to check that the page recovers
}

/** Shuttle: the package last presented to this seat's party, if any. */
function lastPresentedTo(v) {
  const shown = v.events.filter((e) => e.type === 'presented' && e.to === v.party).at(-1);
  return shown ? shown.package : null;
}

async function render(app, seat, refresh) {
  // Renders may overlap (a refresh and a profile change): only the latest one draws.
  const drawing = (seat.renders = (seat.renders || 0) + 1);
  const v = seat.view;
  const s = v.scenario;
  const missing = v.awaitingShares; // the server's rule: whose profiles the mediator's analysis still waits for
  if (seat.mediator && missing.length === 0) {
    const base = `/api/negotiations/${encodeURIComponent(seat.id)}`;
    const progress = await call('GET', `${base}/progress`, seat.token);
    if (drawing !== seat.renders) return;
    seat.progress = progress;
    if (!seat.zone || !v.begun) { // profiles may still change before the first move; the zone with them
      const axes = seat.axes ? `?x=${encodeURIComponent(seat.axes[0])}&y=${encodeURIComponent(seat.axes[1])}` : '';
      const asked = (seat.zones = (seat.zones || 0) + 1); // a choice of axes made meanwhile wins
      const zone = await call('GET', `${base}/zone${axes}`, seat.token);
      if (drawing !== seat.renders || asked !== seat.zones) return;
      seat.zone = zone;
      seat.axes = [zone.x, zone.y];
    }
  }
  // In shuttle a party that has answered keeps seeing the package it answered, until the next one comes.
  const table = v.onTable || v.currentText || (!seat.mediator && lastPresentedTo(v)) || null;
  if (seat.stale()) return; // the address has changed: another page is drawn
  const focusId = document.activeElement && document.activeElement.id;
  // What a person was typing survives a refresh brought by someone else's move (not their own: that starts afresh).
  const typed = {};
  if (!seat.resetInputs) {
    app.querySelectorAll('input[id], textarea[id]').forEach((i) => { typed[i.id] = i.type === 'checkbox' ? i.checked : i.value; });
  }
  seat.resetInputs = false;
  show(app,
    el('h1', {}, `${s.title}`),
    statusLine(seat),
    seat.watching ? el('p', { class: 'notice', id: 'watching' }, 'You are watching the mediator’s view as the organiser: you can see what the mediator sees, but make no move. ',
      el('a', { href: '#/organiser' }, 'Back to the dashboard'))
      : el('p', { class: 'small' }, el('a', { id: 'to-monitoring', href: `#/m/${encodeURIComponent(seat.id)}/${encodeURIComponent(seat.token)}` },
        'Ceasefire monitoring: incidents, claims and assessments')),
    el('div', { id: 'feedback', 'aria-live': 'assertive' }),
    el('div', { class: 'grid' },
      el('section', { class: 'card wide' }, el('h2', {}, 'The board'), board(seat)),
      seat.mediator ? null : tableCard(seat, table),
      seat.watching ? null : actionsCard(seat, refresh),
      seat.mediator && v.opening ? packagesCard(seat) : null,
      seat.mediator ? null : profileCard(seat),
      seat.mediator ? analysisCards(seat, missing) : null,
      el('section', { class: 'card' }, el('h2', {}, 'Event log'), eventLog(seat))));
  if (seat.mediator && seat.progress) drawCharts(seat);
  for (const [id, value] of Object.entries(typed)) {
    const input = document.getElementById(id);
    if (!input || input.readOnly) continue;
    if (input.type === 'checkbox') input.checked = value; else input.value = value;
  }
  if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
}

// Whom the seat waits for. In a ballot the server names nobody: who has voted is as secret as the vote.
function waitingFor(v) {
  if (!v.toMove.length && (v.phase === 'vote' || v.phase === 'ratify')) return 'the other votes (secret: who has voted is not shown)';
  return v.toMove.map((p) => partyName(v.scenario, p)).join(', ');
}

function statusLine(seat) {
  const v = seat.view;
  const turn = v.ended ? 'the talks have ended' : v.toMove.includes(v.party) ? (seat.watching ? 'the mediator’s move' : 'your move')
    : `waiting for ${waitingFor(v)}`;
  return el('div', { class: 'status-line', id: 'status' },
    el('span', {}, 'Protocol ', el('b', {}, v.protocol)),
    el('span', {}, 'Round ', el('b', {}, `${v.round + 1} of ${v.deadline}`)),
    el('span', {}, 'Phase ', el('b', {}, v.phase)),
    el('span', { id: 'turn' }, el('b', {}, turn)),
    v.agreement ? el('span', { class: 'ok', id: 'agreement' }, el('b', {}, 'Agreement reached')) : null,
    v.ended && !v.agreement ? el('span', { class: 'flag', id: 'agreement' }, el('b', {}, 'No agreement')) : null);
}

/** What this seat knows of each party's position: its latest offer or acceptance, as the protocol reveals it. */
function positions(v) {
  const pos = {};
  for (const e of v.events) {
    if ((e.type === 'offered' || e.type === 'accepted') && e.package) pos[e.party] = e.package;
    if (e.type === 'presented' && v.party !== e.to) pos[`→${e.to}`] = e.package;
  }
  return pos;
}

function board(seat) {
  const v = seat.view;
  const s = v.scenario;
  const width = Math.max(...s.issues.map((i) => i.options.length));
  const pos = positions(v);
  const rows = s.issues.map((issue) => el('tr', {}, el('th', { scope: 'row' }, issue.name),
    Array.from({ length: width }, (_, k) => {
      const o = issue.options[k];
      if (!o) return el('td', {});
      const classes = ['opt'];
      if (v.currentText && v.currentText[issue.id] === o.id) classes.push('text');
      if (v.onTable && v.onTable[issue.id] === o.id) classes.push('proposal');
      const badges = Object.entries(pos).filter(([, out]) => out[issue.id] === o.id).map(([p]) =>
        el('span', { class: 'badge' }, p));
      let mine = null;
      if (seat.profile) {
        const value = seat.profile.values[issue.id][k];
        const red = (seat.profile.redLines[issue.id] || []).includes(o.id);
        mine = el('div', { class: `small ${red ? 'flag' : 'muted'}` }, red ? `red line · ${num(value)}` : `value ${num(value)}`);
      }
      return el('td', { class: classes.join(' ') }, o.label, el('div', {}, badges), mine);
    })));
  return el('div', { class: 'scroll' }, el('table', { class: 'board', id: 'board' }, el('tbody', {}, rows)),
    el('p', { class: 'small muted' }, el('span', { class: 'badge', style: 'background:var(--text-mark)' }, 'blue'),
      v.currentText ? ' the current text · ' : ' the standing package · ',
      el('span', { class: 'badge', style: 'background:var(--prop-mark)' }, 'amber'), ' the proposal on the table · badges: positions this seat can see'));
}

function composer(seat, onChange) {
  const s = seat.view.scenario;
  const v = seat.view;
  // Shuttle has no current text: the mediator carries forward the package it last presented, to whichever party.
  const lastPresented = v.events.filter((e) => e.type === 'presented').at(-1);
  const start = seat.draft || v.currentText || v.onTable || v.concession || (lastPresented && lastPresented.package)
    || v.opening || Object.fromEntries(s.issues.map((i) => [i.id, i.options[0].id]));
  seat.draft = { ...start };
  return el('div', { id: 'composer' }, s.issues.map((i) => el('div', {}, el('label', { for: `pick-${i.id}` }, i.name),
    el('select', { id: `pick-${i.id}`, onchange: (ev) => { seat.draft[i.id] = ev.target.value; onChange(); } },
      i.options.map((o) => el('option', { value: o.id, selected: seat.draft[i.id] === o.id }, o.label))))));
}

/**
 * The mediator's assistant, once every profile is shared: the next text by the chosen stance, loaded into the composer
 * for the mediator to edit before sending; `onChange` shows its predicted effect.
 */
function assistant(seat, onChange) {
  const v = seat.view;
  if (!seat.mediator || v.awaitingShares.length) return el('div', { id: 'assistant' });
  const stance = el('select', { id: 'stance', 'aria-label': 'Stance' },
    el('option', { value: 'neutral' }, 'neutral: the fair package (Nash)'),
    el('option', { value: 'interested' }, 'interested: my own best package that every party can sign'));
  const why = el('p', { id: 'suggestion-why', class: 'muted small', 'aria-live': 'polite' });
  const suggest = async () => {
    try {
      const r = await call('GET', `/api/negotiations/${encodeURIComponent(seat.id)}/suggestion?stance=${stance.value}`, seat.token);
      if (r.suggestion) {
        seat.draft = { ...r.suggestion };
        for (const [issue, option] of Object.entries(r.suggestion)) {
          const pick = document.getElementById(`pick-${issue}`);
          if (pick) pick.value = option;
        }
        onChange();
      }
      show(why, `Suggested (${r.stance}): ${r.why}. Edit it before sending if you wish.`);
    } catch (e) {
      show(why, errorBox(e.message));
    }
  };
  return el('div', { id: 'assistant', class: 'row' }, stance,
    el('button', { type: 'button', class: 'secondary', id: 'suggest', onclick: suggest }, 'Suggest a text'), why);
}

function actionsCard(seat, refresh) {
  const v = seat.view;
  const card = el('section', { class: 'card', id: 'actions' }, el('h2', {}, 'Your move'));
  const move = async (body) => {
    try {
      await call('POST', `/api/negotiations/${encodeURIComponent(seat.id)}/moves`, seat.token, body);
      seat.draft = null;
      seat.resetInputs = true;
      refresh();
    } catch (e) {
      show(document.getElementById('feedback'), errorBox(e.message));
    }
  };
  if (v.ended) {
    card.append(el('p', {}, v.agreement ? `The talks ended in agreement: ${describePackage(v.scenario, v.agreement)}.`
      : 'The talks ended without agreement.'));
    return card;
  }
  const myTurn = v.toMove.includes(v.party);
  const predicted = el('div', { id: 'predicted', 'aria-live': 'polite' });
  const predict = async () => {
    if (!seat.mediator) {
      const { u } = utility(seat.profile, seat.draft, v.scenario);
      show(predicted, el('p', {}, 'Your utility for this package: ', el('b', {}, num(u))));
      return;
    }
    if (v.awaitingShares.length) {
      show(predicted, el('p', { class: 'muted small' }, `The predicted effect shows once every party has shared its profile (waiting for ${v.awaitingShares.join(', ')}).`));
      return;
    }
    // Answers may come back out of order: only the answer for the latest draft is shown.
    const asked = (seat.predictions = (seat.predictions || 0) + 1);
    const a = await assess(seat, { ...seat.draft });
    if (asked === seat.predictions) show(predicted, assessmentView(v.scenario, a));
  };
  const vote = [el('button', { type: 'button', id: 'accept', onclick: () => move({ type: 'vote', accept: true }) }, 'Accept'),
    el('button', { type: 'button', class: 'danger', id: 'reject', onclick: () => move({ type: 'vote', accept: false }) }, 'Reject')];
  // What this seat may do now comes from the server (the actions its phase allows), never from protocol names.
  const can = (type) => v.actions.includes(type);
  if (!myTurn) {
    card.append(el('p', { class: 'muted' }, `Not your move now: waiting for ${waitingFor(v)}.`));
    return card;
  }
  card.append(el('p', {}, v.phaseDescription));
  if (can('propose')) {
    card.append(composer(seat, predict), assistant(seat, predict), predicted,
      el('button', { type: 'button', id: 'propose', onclick: () => move({ type: 'propose', text: seat.draft }) }, 'Propose this text'),
      el('button', { type: 'button', class: 'secondary', id: 'end', onclick: () => move({ type: 'end', reason: 'the mediator calls the final vote' }) },
        'End the talks: final vote on the current text'));
    predict();
  } else if (can('vote')) {
    card.append(...vote);
  } else if (can('present')) {
    // What another party said or objected to may be passed on with the package: linked, and labelled as it is.
    const sayings = v.events.filter((e) => (e.type === 'said' || e.type === 'rejected') && e.party !== v.counterpart);
    const relayOf = el('select', { id: 'relay-of', 'aria-label': 'Pass on' }, el('option', { value: '' }, 'Nothing to pass on'),
      sayings.map((e) => el('option', { value: e.seq }, `#${e.seq} ${describeEvent(v.scenario, e)}`.slice(0, 120))));
    const relayKind = el('select', { id: 'relay-kind', 'aria-label': 'Passed on as' }, el('option', { value: 'reframed' }, 'in my words (reframed)'),
      el('option', { value: 'verbatim' }, 'word for word (verbatim)'));
    // Only what a party said can be quoted word for word; an objection is passed on in the mediator's words.
    const fitKind = () => {
      const e = sayings.find((x) => String(x.seq) === relayOf.value);
      relayKind.options[1].disabled = Boolean(e && e.type !== 'said');
      if (relayKind.options[1].disabled) relayKind.value = 'reframed';
    };
    const relayText = el('textarea', { id: 'relay-text', 'aria-label': 'The words passed on' });
    relayOf.addEventListener('change', () => {
      const e = sayings.find((x) => String(x.seq) === relayOf.value);
      if (e && e.type === 'said' && !relayText.value) relayText.value = e.text;
      fitKind();
    });
    const present = () => {
      const body = { type: 'present', to: v.counterpart, package: seat.draft };
      if (relayOf.value && relayText.value.trim()) {
        const verbatim = relayKind.value === 'verbatim';
        // A quote is passed on exactly as it was said, spaces and line breaks included.
        body.relay = { original: Number(relayOf.value), verbatim, text: verbatim ? relayText.value : relayText.value.trim() };
      }
      move(body);
    };
    card.append(el('p', {}, `Your meeting with ${partyName(v.scenario, v.counterpart)}.`), composer(seat, predict),
      assistant(seat, predict), predicted,
      el('h3', {}, `Pass on to ${partyName(v.scenario, v.counterpart)} what another party said (optional)`), relayOf, relayKind, relayText,
      el('button', { type: 'button', id: 'present', onclick: present }, `Present to ${v.counterpart}`),
      el('button', { type: 'button', class: 'danger', id: 'end', onclick: () => move({ type: 'end', reason: 'the mediator ends the talks' }) }, 'End the talks'));
    predict();
  } else if (can('reject')) {
    const objections = v.scenario.issues.map((i) => el('div', { class: 'row' },
      el('label', { class: 'inline' }, el('input', { type: 'checkbox', id: `object-${i.id}` }), `Object to ${i.name}`),
      el('select', { id: `toward-${i.id}`, 'aria-label': `Move ${i.name} toward` }, i.options.map((o) => el('option', { value: o.id }, o.label)))));
    const message = el('textarea', { id: 'message', 'aria-label': 'Message to the mediator' });
    card.append(el('button', { type: 'button', id: 'accept', onclick: () => move({ type: 'accept' }) }, 'Accept this package'),
      el('h3', {}, 'Or reject it, naming your objections'), ...objections,
      el('button', { type: 'button', class: 'danger', id: 'reject', onclick: () => {
        const picked = v.scenario.issues.filter((i) => document.getElementById(`object-${i.id}`).checked);
        move({ type: 'reject', objections: picked.map((i) => i.id), toward: picked.map((i) => document.getElementById(`toward-${i.id}`).value) });
      } }, 'Reject'),
      el('h3', {}, 'Say something to the mediator (only the mediator reads it)'), message,
      el('button', { type: 'button', class: 'secondary', id: 'send', onclick: () => move({ type: 'message', text: message.value }) }, 'Send'));
  } else if (can('offer')) {
    const standing = v.onTable;
    card.append(standing ? el('button', { type: 'button', id: 'accept', onclick: () => move({ type: 'accept' }) }, 'Accept the standing offer') : null,
      el('p', {}, v.concession ? 'Or make the concession the rule names:' : 'Or make an offer:'), composer(seat, predict), predicted,
      el('button', { type: 'button', id: 'offer', onclick: () => move({ type: 'offer', package: seat.draft }) }, 'Offer this package'),
      el('button', { type: 'button', class: 'danger', id: 'end', onclick: () => move({ type: 'end', reason: 'walked away' }) }, 'Walk away'));
    predict();
  }
  return card;
}

function eventLog(seat) {
  const events = seat.view.events;
  if (!events.length) return el('p', { class: 'muted' }, 'No events yet.');
  return el('ol', { class: 'log', id: 'log' }, events.slice().reverse().map((e) => el('li', {},
    el('span', { class: 'seq' }, `#${e.seq} · round ${e.round + 1}`), describeEvent(seat.view.scenario, e))));
}
