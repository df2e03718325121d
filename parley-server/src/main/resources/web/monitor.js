// A negotiation's ceasefire monitoring: the dashboard, the incidents, one incident's claims side by side, the
// monitors' observations and the assessment history; a form to claim (a seat claims as its own party), and for
// monitors the forms to observe and assess. What the page shows is what the server lets this token see: a seat
// never receives the monitors' drafts.
import { call } from './api.js';
import { el, show, errorBox } from './util.js';

const STATUSES = ['reported', 'corroborated', 'verified', 'disputed', 'refuted', 'unverifiable'];
const TYPES = ['shelling', 'air-drone-strike', 'missile', 'ground-assault', 'small-arms', 'mine', 'force-movement',
  'prohibited-weapon', 'obstruction-of-monitors', 'strike-on-protected-infrastructure'];
const CATEGORIES = ['', 'energy', 'naval', 'civilian', 'infrastructure', 'medical', 'military', 'monitors'];

export async function monitorPage(app, id, token, stale = () => false) {
  const base = `/api/negotiations/${encodeURIComponent(id)}/monitoring`;
  const state = { selected: null };
  document.getElementById('where').textContent = 'ceasefire monitoring';

  const draw = async () => {
    let dashboard;
    let incidents;
    let incident = null;
    try {
      [dashboard, incidents] = await Promise.all([call('GET', `${base}/dashboard`, token),
        call('GET', `${base}/incidents`, token)]);
      if (state.selected) incident = await call('GET', `${base}/incidents/${encodeURIComponent(state.selected)}`, token);
    } catch (e) {
      if (!stale()) show(app, errorBox(`${e.message}. Open the link you were given again.`));
      return;
    }
    if (stale()) return;
    const you = dashboard.viewer;
    // what is being typed survives a redraw (another party's entry redraws the page)
    const typed = {};
    app.querySelectorAll('input[id], select[id]').forEach((i) => { typed[i.id] = i.type === 'checkbox' ? i.checked : i.value; });
    show(app,
      el('h1', {}, 'Ceasefire monitoring'),
      el('p', { class: 'small' }, `You are ${you.role === 'seat' ? `the seat of ${you.name}` : you.role === 'monitor' ? `monitor ${you.name}` : 'the organiser'}. `,
        el('a', { href: `#/n/${encodeURIComponent(id)}/${encodeURIComponent(token)}` }, 'Back to the talks')),
      el('div', { id: 'monitor-feedback', 'aria-live': 'assertive' }),
      el('div', { class: 'grid' },
        dashboardCard(dashboard),
        incidentsCard(incidents, state, draw),
        incident ? incidentCard(incident) : null,
        claimCard(base, token, you, state, draw),
        you.role !== 'seat' && incident ? monitorCard(base, token, incident, draw) : null));
    if (!state.clear) {
      for (const [key, v] of Object.entries(typed)) {
        const i = document.getElementById(key);
        if (i && key !== 'claim-incident') { if (i.type === 'checkbox') i.checked = v; else i.value = v; }
      }
    }
    state.clear = false;
  };
  await draw();
  // Live: each entry recorded through the server, by anyone, redraws the page (a seat never hears of a draft).
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  let socket = null;
  let stopped = false;
  const open = () => {
    socket = new WebSocket(`${scheme}://${location.host}${base}/live?token=${encodeURIComponent(token)}`);
    socket.onmessage = (m) => {
      if (stale()) return;
      if (JSON.parse(m.data).type === 'connected') app.dataset.live = 'connected'; // listening from here on
      else draw();
    };
    socket.onclose = (c) => {
      delete app.dataset.live;
      if (!stopped && c.code < 4400) setTimeout(open, 1000);
    };
  };
  open();
  window.__parleySeat = { stop() { stopped = true; delete app.dataset.live; if (socket) socket.close(); } };
}

function dashboardCard(d) {
  return el('section', { class: 'card wide', id: 'dashboard' }, el('h2', {}, 'Dashboard'),
    el('p', { id: 'summary' }, `${d.incidents} incidents, ${d.claims} claims`),
    d.baselines.length ? el('table', { id: 'baselines' },
      el('thead', {}, el('tr', {}, ['Clause', 'Start', 'Before, per day', 'After, per day'].map((h) => el('th', {}, h)))),
      el('tbody', {}, d.baselines.map((b) => el('tr', {}, el('td', {}, b.clause), el('td', {}, b.start.slice(0, 10)),
        el('td', { class: 'num' }, b.beforePerDay.toFixed(2)), el('td', { class: 'num' }, b.afterPerDay.toFixed(2))))))
      : el('p', { class: 'muted small' }, 'No clauses set yet: the organiser sets them from the agreed package.'),
    d.violations.length ? el('table', { id: 'violations' },
      el('thead', {}, el('tr', {}, ['Clause', 'Alleged', 'Verified'].map((h) => el('th', {}, h)))),
      el('tbody', {}, d.violations.map((v) => el('tr', {}, el('td', {}, v.clause.title),
        el('td', { class: 'num' }, v.alleged), el('td', { class: 'num' }, v.verified))))) : null,
    el('table', { id: 'sides' }, el('thead', {}, el('tr', {}, ['Side', 'Alleged', 'Verified'].map((h) => el('th', {}, h)))),
      el('tbody', {}, d.sides.map((s) => el('tr', {}, el('td', {}, s.party), el('td', { class: 'num' }, s.alleged),
        el('td', { class: 'num' }, s.verified))))));
}

function incidentsCard(list, state, draw) {
  return el('section', { class: 'card wide', id: 'incidents' }, el('h2', {}, 'Incidents'),
    list.incidents === 0 ? el('p', { class: 'muted' }, 'No incident reported yet.') : el('table', {},
      el('thead', {}, el('tr', {}, ['Incident', 'Day', 'Type', 'Claimants', 'Alleged', 'Strike', 'Occurrence', 'Attribution']
        .map((h) => el('th', {}, h)))),
      el('tbody', {}, list.list.map((i) => el('tr', { 'data-incident': i.id },
        el('td', {}, el('button', { type: 'button', class: 'link', onclick: async () => { state.selected = i.id; await draw(); } }, i.id)),
        el('td', {}, i.day), el('td', {}, i.incidentType || ''), el('td', {}, i.claimants.join(' ')),
        el('td', {}, i.allegedPerpetrators.join(' ')), el('td', {}, i.strikeStatus), el('td', {}, i.occurrence),
        el('td', {}, i.attribution + (i.attributedTo ? ` (${i.attributedTo})` : '')))))));
}

function facts(f) {
  const parts = [`${f.occurredFrom.slice(0, 16).replace('T', ' ')} UTC`];
  if (f.place) parts.push(`at ${f.place.name}`);
  if (f.incidentType) parts.push(f.incidentType + (f.subType ? `/${f.subType}` : ''));
  if (f.perpetrator) parts.push(`by ${f.perpetrator}`);
  if (f.target || f.targetCategory) parts.push(`on ${f.target || ''}${f.targetCategory ? ` [${f.targetCategory}]` : ''}`);
  if (f.launched) parts.push(`launched ${f.launched.best}`);
  if (f.destroyed) parts.push(`destroyed ${f.destroyed.best}`);
  return parts.join(', ');
}

function incidentCard(i) {
  return el('section', { class: 'card wide', id: 'incident' }, el('h2', {}, `Incident ${i.id}`),
    el('p', { id: 'incident-status' }, `Strike status ${i.strikeStatus}; occurrence ${i.occurrence}; attribution ${i.attribution}`
      + (i.attributedTo ? ` (${i.attributedTo})` : '')),
    el('h3', {}, `Claims (${i.claimList.length})`),
    el('ul', { id: 'claims' }, i.claimList.map((c) => el('li', { class: 'claim', 'data-claimant': c.claimant },
      el('b', {}, c.claimant), ` via ${c.channel}: ${facts(c.facts)}`, c.facts.text ? ` — “${c.facts.text}”` : ''))),
    el('h3', {}, `Observations (${i.observationList.length})`),
    el('ul', { id: 'observations' }, i.observationList.map((o) => el('li', {}, `${o.at.slice(0, 16).replace('T', ' ')} ${o.monitor}`
      + `${o.position ? ` at ${o.position}` : ''}: ${o.seen}`))),
    el('h3', {}, 'Assessment history'),
    i.assessments.length ? el('ol', { id: 'history' }, i.assessments.map((a) => el('li', { class: a.draft ? 'draft' : '' },
      `${a.at.slice(0, 16).replace('T', ' ')} ${a.assessor}: ${a.aspect} ${a.status}${a.party ? ` (${a.party})` : ''}`
      + `${a.grading ? `, ${a.grading}` : ''}${a.draft ? ' [draft]' : ''} — ${a.reason}`)))
      : el('p', { class: 'muted small', id: 'history' }, 'Not assessed yet: as reported.'));
}

function select(id, options, value) {
  return el('select', { id }, options.map((o) => el('option', { value: o, selected: o === value }, o || '(not said)')));
}

async function post(path, token, body, draw, state) {
  try {
    await call('POST', path, token, body);
    if (state) state.clear = true; // a form sent starts afresh
    await draw();
  } catch (e) {
    show(document.getElementById('monitor-feedback'), errorBox(e.message));
  }
}

function claimCard(base, token, you, state, draw) {
  const value = (id) => document.getElementById(id).value.trim();
  return el('section', { class: 'card', id: 'claim-card' }, el('h2', {}, 'Report an incident or claim about one'),
    el('p', { class: 'muted small' }, you.role === 'seat' ? `Your claim is recorded as ${you.name}'s and is never overwritten; every party sees it.`
      : 'Recorded for the claimant you name.'),
    el('label', {}, 'Incident id ', el('input', { id: 'claim-incident', value: state.selected || '' })),
    you.role === 'seat' ? null : el('label', {}, 'Claimant ', el('input', { id: 'claim-claimant' })),
    el('label', {}, 'When (UTC) ', el('input', { id: 'claim-when', value: new Date().toISOString().slice(0, 16) })),
    el('label', {}, 'Type ', select('claim-type', TYPES, 'missile')),
    el('label', {}, 'Who did it ', el('input', { id: 'claim-perpetrator' })),
    el('label', {}, 'Target ', select('claim-category', CATEGORIES, '')),
    el('label', {}, 'What happened ', el('input', { id: 'claim-text' })),
    el('button', { type: 'button', id: 'claim-send', onclick: async () => {
      const when = `${value('claim-when')}:00Z`;
      const f = { occurredFrom: when, occurredTo: when, timePrecision: 'minute', incidentType: value('claim-type') };
      if (value('claim-perpetrator')) f.perpetrator = value('claim-perpetrator');
      if (value('claim-category')) f.targetCategory = value('claim-category');
      if (value('claim-text')) f.text = value('claim-text');
      const body = { incident: value('claim-incident'), facts: f };
      if (you.role !== 'seat') body.claimant = value('claim-claimant');
      state.selected = body.incident;
      await post(`${base}/claims`, token, body, draw, state);
    } }, 'Record the claim'));
}

function monitorCard(base, token, incident, draw) {
  const value = (id) => document.getElementById(id).value.trim();
  return el('section', { class: 'card', id: 'monitor-card' }, el('h2', {}, `Monitors: incident ${incident.id}`),
    el('label', {}, 'Seen or heard ', el('input', { id: 'observe-seen' })),
    el('button', { type: 'button', id: 'observe-send', onclick: () => post(`${base}/observations`, token,
      { incident: incident.id, seen: value('observe-seen') }, draw, { clear: false }) }, 'Record the observation'),
    el('label', {}, 'Aspect ', select('assess-aspect', ['occurrence', 'attribution'], 'occurrence')),
    el('label', {}, 'Status ', select('assess-status', STATUSES, 'corroborated')),
    el('label', {}, 'Attributed to ', el('input', { id: 'assess-party' })),
    el('label', {}, 'Reason ', el('input', { id: 'assess-reason' })),
    el('label', {}, el('input', { type: 'checkbox', id: 'assess-draft' }), ' a draft (only monitors see it; it changes no status)'),
    el('button', { type: 'button', id: 'assess-send', onclick: () => {
      const body = { incident: incident.id, aspect: value('assess-aspect'), status: value('assess-status'), reason: value('assess-reason'),
        draft: document.getElementById('assess-draft').checked };
      if (value('assess-party')) body.party = value('assess-party');
      return post(`${base}/assessments`, token, body, draw);
    } }, 'Record the assessment'));
}
