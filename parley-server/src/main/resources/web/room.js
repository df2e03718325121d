// A party's room: its own profile (editable until the first move) and the package on the table as it sees it.
import { call } from './api.js';
import { el, show, num, errorBox, optionLabel } from './util.js';

/**
 * The seat's own utility of a package, from its profile in the parley/1 shape (values in option order, interaction
 * terms added where they hold), and what of its own it breaks: red lines (by issue name) and conditions (in words).
 */
export function utility(profile, outcome, scenario) {
  let u = 0;
  const broken = []; // red lines by issue name
  const conditions = []; // conditions broken, in words
  for (const issue of scenario.issues) {
    const k = issue.options.findIndex((o) => o.id === outcome[issue.id]);
    u += profile.weights[issue.id] * profile.values[issue.id][k];
    if ((profile.redLines[issue.id] || []).includes(outcome[issue.id])) broken.push(issue.name);
  }
  const takes = (side) => Object.entries(side).every(([issue, options]) => options.includes(outcome[issue]));
  for (const t of profile.interactions || []) if (takes(t.when)) u += t.add;
  for (const c of profile.conditions || []) if (takes(c.if) && !takes(c.then)) conditions.push(conditionText(c, scenario));
  return { u, broken, conditions };
}

/** "Ceasefire scope: Full 30-day ceasefire only with Western military aid: all paused or permanent halt". */
export function conditionText(c, scenario) {
  const side = (m) => Object.entries(m).map(([issue, options]) => {
    const i = scenario.issues.find((x) => x.id === issue);
    return `${i.name}: ${options.map((o) => optionLabel(scenario, issue, o)).join(' or ')}`;
  }).join('');
  return `${side(c.if)} only with ${side(c.then)}`;
}

export function profileCard(seat) {
  if (seat.editing && seat.profile.editable) return profileEditor(seat);
  const p = seat.profile;
  const s = seat.view.scenario;
  const shared = seat.view.shared.includes(seat.view.party);
  return el('section', { class: 'card', id: 'profile' }, el('h2', {}, 'Your private profile'),
    el('p', { class: 'muted small' }, 'Only you see this; the mediator sees it only if you share it. Each option’s value is on the board.'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Issue'), el('th', { class: 'num' }, 'Weight'),
      el('th', {}, 'Red lines'))), el('tbody', {}, s.issues.map((i) => el('tr', {},
      el('td', {}, i.name), el('td', { class: 'num' }, num(p.weights[i.id])),
      el('td', { class: 'flag small' }, (p.redLines[i.id] || []).map((o) => optionLabel(s, i.id, o)).join('; ')))))),
    (p.conditions || []).length ? el('p', { class: 'small', id: 'my-conditions' }, 'Your conditions: ',
      p.conditions.map((c) => conditionText(c, s)).join('; '), '.') : null,
    (p.interactions || []).length ? el('p', { class: 'small', id: 'my-interactions' }, 'Combinations you value: ',
      p.interactions.map((t) => `${t.add > 0 ? '+' : ''}${num(t.add)} when ${Object.entries(t.when).map(([issue, options]) =>
        options.map((o) => optionLabel(s, issue, o)).join(' or ')).join(' with ')}`).join('; '), '.') : null,
    el('p', {}, 'Reservation value ', el('b', { id: 'reservation' }, num(p.reservation)), ': below this, no deal is better.'),
    p.editable ? el('button', { type: 'button', class: 'secondary', id: 'edit-profile', onclick: () => {
      seat.editing = true;
      seat.rerender();
    } }, 'Change my profile') : el('p', { class: 'muted small' }, 'The talks have begun: your profile is fixed.'),
    shared ? el('p', { class: 'ok small' }, 'Shared with the mediator.')
      : el('button', { type: 'button', class: 'secondary', id: 'share', onclick: async (ev) => {
        ev.target.disabled = true;
        try {
          await call('POST', `/api/negotiations/${encodeURIComponent(seat.id)}/share`, seat.token, {});
          seat.view.shared.push(seat.view.party);
          await seat.rerender();
        } catch (e) {
          ev.target.disabled = false;
          show(document.getElementById('feedback'), errorBox(e.message));
        }
      } }, 'Share my profile with the mediator'));
}

/** The profile as a form: weights, each option's value, red lines and reservation, until the first move. */
function profileEditor(seat) {
  const p = seat.profile;
  const s = seat.view.scenario;
  const field = (id, value, label) => el('input', { type: 'number', id, step: '0.01', min: '0', max: '1', value,
    style: 'width:5.5rem', 'aria-label': label });
  const errors = el('div', { id: 'profile-errors', 'aria-live': 'assertive' });
  const rows = s.issues.map((i) => el('tr', {}, el('td', {}, i.name),
    el('td', { class: 'num' }, field(`w-${i.id}`, p.weights[i.id], `Weight of ${i.name}`)),
    el('td', {}, i.options.map((o, k) => el('div', { class: 'row small' }, el('span', { style: 'flex:1' }, o.label),
      field(`v-${i.id}-${o.id}`, p.values[i.id][k], `Value of ${o.label}`),
      el('label', { class: 'inline' }, el('input', { type: 'checkbox', id: `r-${i.id}-${o.id}`,
        checked: (p.redLines[i.id] || []).includes(o.id) }), 'red line'))))));
  const save = async (ev) => {
    const button = ev.target;
    const body = { reservation: Number(document.getElementById('reservation-input').value), weights: {}, values: {}, redLines: {} };
    // Conditions and interaction terms are not edited here: they are kept as they are.
    if ((p.conditions || []).length) body.conditions = p.conditions;
    if ((p.interactions || []).length) body.interactions = p.interactions;
    for (const i of s.issues) {
      body.weights[i.id] = Number(document.getElementById(`w-${i.id}`).value);
      body.values[i.id] = i.options.map((o) => Number(document.getElementById(`v-${i.id}-${o.id}`).value));
      const red = i.options.filter((o) => document.getElementById(`r-${i.id}-${o.id}`).checked).map((o) => o.id);
      if (red.length) body.redLines[i.id] = red;
    }
    button.disabled = true; // one save at a time: a second would race the first
    try {
      seat.profile = await call('POST', `/api/negotiations/${encodeURIComponent(seat.id)}/profile`, seat.token, body);
      seat.editing = false;
      seat.resetInputs = true;
      await seat.rerender();
    } catch (e) {
      button.disabled = false;
      show(errors, errorBox(e.message), el('ul', { class: 'problems' }, e.details.map((d) => el('li', {}, d))));
    }
  };
  return el('section', { class: 'card wide', id: 'profile' }, el('h2', {}, 'Change your private profile'),
    el('p', { class: 'muted small' }, 'Weights sum to 1; values and the reservation lie in [0, 1]. You can change them until the first move.'),
    el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Issue'), el('th', { class: 'num' }, 'Weight'),
      el('th', {}, 'Options: value, red line'))), el('tbody', {}, rows))),
    el('label', { for: 'reservation-input' }, 'Reservation value'), field('reservation-input', p.reservation, 'Reservation value'),
    errors,
    el('div', {}, el('button', { type: 'button', id: 'save-profile', onclick: save }, 'Save my profile'),
      el('button', { type: 'button', class: 'secondary', onclick: () => { seat.editing = false; seat.rerender(); } }, 'Cancel')));
}

export function tableCard(seat, table) {
  const v = seat.view;
  if (!table) return el('section', { class: 'card', id: 'on-table' }, el('h2', {}, 'On the table'),
    el('p', { class: 'muted' }, 'Nothing yet: the first proposal will appear here as soon as it is made.'));
  const { u, broken, conditions } = utility(seat.profile, table, v.scenario);
  if (JSON.stringify(seat.lastTable) !== JSON.stringify(table)) {
    seat.prevTable = seat.lastTable || null;
    seat.lastTable = table;
  }
  // A proposal is compared with the text it would change; in shuttle with the package presented to this party
  // before it (from the log, so that a reload keeps it); otherwise with the package before it.
  const presented = v.events.filter((e) => e.type === 'presented' && e.to === v.party);
  const shuttle = presented.length > 0 && !v.currentText;
  const before = v.onTable && v.currentText && JSON.stringify(v.onTable) !== JSON.stringify(v.currentText) ? v.currentText
    : shuttle ? (presented.length > 1 ? presented[presented.length - 2].package : null) : seat.prevTable;
  // Shuttle, once answered: the package stays in view with the answer given.
  const answered = shuttle && !v.onTable;
  const answer = answered ? v.events.filter((e) => (e.type === 'accepted' || e.type === 'rejected') && e.party === v.party
    && e.seq > presented[presented.length - 1].seq).at(0) : null;
  const changed = before ? v.scenario.issues.filter((i) => before[i.id] !== table[i.id]) : [];
  const item = (i) => el('li', {}, el('span', { class: 'muted' }, `${i.name}: `), optionLabel(v.scenario, i.id, table[i.id]));
  const proposal = v.onTable && v.currentText && JSON.stringify(v.onTable) !== JSON.stringify(v.currentText);
  const heading = answered ? 'Last presented to you' : proposal ? 'The proposal on the table' : 'On the table';
  const out = el('section', { class: 'card', id: 'on-table' }, el('h2', {}, heading),
  answer ? el('p', { class: 'muted', id: 'your-answer' }, `You ${answer.type} it; the mediator is meeting the others.`) : null,
  el('ul', {}, v.scenario.issues.map(item)),
  el('p', {}, 'Your utility ', el('b', { id: 'my-utility' }, num(u)), ' against your reservation ', num(seat.profile.reservation),
    u >= seat.profile.reservation ? el('span', { class: 'ok' }, ' — acceptable') : el('span', { class: 'flag' }, ' — below your reservation')),
  broken.length ? el('p', { class: 'flag' }, `Breaks your red line on ${broken.join(', ')}.`) : null,
  conditions.length ? el('p', { class: 'flag', id: 'my-conditions-broken' }, `Breaks your condition: ${conditions.join('; ')}.`) : null,
  demandsLine(v, table),
  relayFor(v),
  changed.length ? el('div', { id: 'changed' }, el('h3', {}, `What changes (${changed.length} of ${v.scenario.issues.length} issues)`),
    el('ul', {}, changed.map((i) => el('li', {}, el('b', {}, i.name), `: ${optionLabel(v.scenario, i.id, before[i.id])} → `,
      el('b', {}, optionLabel(v.scenario, i.id, table[i.id]))))))
    : null);
  return out;
}

/** Which of this party's stated demands (public) the package grants: on every issue it names, one of its options. */
function demandsLine(v, table) {
  const demands = (v.scenario.demands || {})[v.party] || [];
  if (!demands.length) return null;
  const granted = demands.filter((d) => Object.entries(d.satisfiedBy).every(([issue, options]) => options.includes(table[issue])));
  return el('p', { id: 'my-demands' }, `Your stated demands granted: ${granted.length} of ${demands.length}`,
    granted.length ? ` (${granted.map((d) => d.label).join('; ')})` : '', '.');
}

/** Shuttle: what the mediator passed on with the package now before this party, if anything. */
function relayFor(v) {
  const shown = v.events.filter((e) => e.type === 'presented' && e.to === v.party).at(-1);
  if (!shown || !shown.relayText) return null;
  return el('p', { class: 'notice', id: 'relay' }, `The mediator passes on (${shown.relay}): “${shown.relayText}”`);
}
