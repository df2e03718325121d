// The mediator's console: what it draws once every party has shared its profile, and shuttle's packages.
import { call } from './api.js';
import { el, show, num, errorBox, describePackage, partyName } from './util.js';
import { progressChart, frontierChart, texts } from './charts.js';

/**
 * How a package looks as a deal, asked of the server once per package: the assessments of one negotiation's packages
 * do not change once the talks have begun (the profiles are fixed), and before that a new page load asks again.
 */
export function assess(seat, outcome) {
  const key = JSON.stringify(outcome);
  seat.assessments = seat.assessments || new Map();
  if (!seat.assessments.has(key) || !seat.view.begun) {
    const asked = call('POST', `/api/negotiations/${encodeURIComponent(seat.id)}/assess`, seat.token, { package: outcome });
    asked.catch(() => seat.assessments.delete(key)); // a failure is not remembered
    seat.assessments.set(key, asked);
  }
  return seat.assessments.get(key);
}

/** A share of possible gain as people read it: never below 0 or above 1 without saying why. */
function shareText(a, shares, p, above) {
  if (p in a.belowReservationBy) return `below reservation by ${num(a.belowReservationBy[p])}`;
  if (!(p in shares)) return '–';
  return shares[p] > 1 + 1e-9 ? above : `${Math.round(100 * Math.max(0, shares[p]))}%`;
}

function demandText(a, p) {
  const t = a.demands[p];
  if (!t) return '–';
  return `${t.granted.length} of ${t.granted.length + t.notGranted.length} (${Math.round(100 * t.share)}%)`;
}

export function assessmentView(s, a) {
  return el('div', {}, el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Party'), el('th', { class: 'num' }, 'Utility'),
    el('th', { class: 'num', title: 'of the best the zone allows' }, 'Share of the zone'),
    el('th', { class: 'num', title: 'of the best its own red lines allow' }, 'Of its red lines'),
    el('th', { class: 'num' }, 'Demands granted'))), el('tbody', {}, Object.entries(a.utilities).map(([p, u]) => el('tr', {},
    el('td', {}, partyName(s, p)), el('td', { class: 'num' }, num(u)), el('td', { class: 'num' }, shareText(a, a.shares, p, 'more than the zone allows')),
    el('td', { class: 'num' }, shareText(a, a.sharesWithinRedLines, p, 'more than its red lines allow')), el('td', { class: 'num' }, demandText(a, p)))))),
  a.flags.length ? el('ul', { class: 'flag flags' }, a.flags.map((f) => el('li', {}, `${f.flag}${f.party ? ` (${f.party})` : ''}: ${f.detail}`)))
    : el('p', { class: 'ok flags' }, 'No lopsidedness flag: every ratifying party at or above its reservation, no red line or condition broken, no victory, Pareto-optimal in the zone.'));
}

export function analysisCards(seat, missing) {
  if (missing.length) {
    return el('section', { class: 'card wide', id: 'analysis' }, el('h2', {}, 'Analysis'),
      el('p', { class: 'notice' }, `The zone, the fair packages and the gap need every party's profile. Waiting for ${missing.map((p) => partyName(seat.view.scenario, p)).join(', ')} to share theirs from their room.`));
  }
  // Only parties with a profile have utilities to draw.
  const parties = seat.view.scenario.parties.filter((p) => seat.zone.parties.includes(p.id));
  const axis = (name, k) => el('select', { id: `axis-${name}`, 'aria-label': `${name} axis`, onchange: async () => {
    // Both axes as the person has set them now, even if an earlier choice is still on its way.
    const axes = ['x', 'y'].map((n) => document.getElementById(`axis-${n}`).value);
    seat.axes = axes;
    const asked = (seat.zones = (seat.zones || 0) + 1); // shared with the page's own zone requests
    try {
      const zone = await call('GET', `/api/negotiations/${encodeURIComponent(seat.id)}/zone?x=${encodeURIComponent(axes[0])}&y=${encodeURIComponent(axes[1])}`, seat.token);
      if (asked !== seat.zones) return; // a later choice of axes has asked since
      seat.zone = zone;
      seat.axes = [zone.x, zone.y];
      drawCharts(seat);
    } catch (e) {
      show(document.getElementById('feedback'), errorBox(e.message));
    }
  } }, parties.map((p) => el('option', { value: p.id, selected: seat.axes[k] === p.id }, p.name)));
  const current = texts(seat.progress).at(-1);
  return [
    el('section', { class: 'card' }, el('h2', {}, 'Over the talks'),
      el('p', { class: 'muted small' }, seat.progress.rows.some((r) => r.gap !== null)
        ? 'Each party’s utility of each offer and text; dashed, the gap between what the principals have said they want (their offers, criticism or objections, else what they accepted; 0: the same options).'
        : 'Each party’s utility of each text. The gap appears once the principals have said what they want.'),
      el('div', { class: 'chart' }, el('canvas', { id: 'progress-chart', role: 'img', 'aria-label': 'Each party’s utility of each text, and the gap, over the talks' }))),
    el('section', { class: 'card' }, el('h2', {}, 'Frontier'), el('div', { class: 'row' }, el('label', { class: 'inline' }, 'x', axis('x', 0)),
      el('label', { class: 'inline' }, 'y', axis('y', 1))),
    el('div', { class: 'chart' }, el('canvas', { id: 'frontier-chart', role: 'img', 'aria-label': 'The zone, the frontier, the fair packages and the texts so far' }))),
    el('section', { class: 'card', id: 'current-flags' }, el('h2', {}, 'The current text, assessed'),
      current ? el('p', {}, describePackage(seat.view.scenario, current.package)) : el('p', { class: 'muted' }, 'No text yet.'),
      el('div', { id: 'current-assessment' })),
    Object.keys(seat.view.scenario.demands || {}).length ? el('section', { class: 'card wide', id: 'stated-demands' },
      el('h2', {}, 'Stated demands: can each be part of a deal?'), el('div', { id: 'stated-demands-body' }, el('p', { class: 'muted' }, 'Working it out…')))
      : null,
  ];
}

/** Each stated demand: in a deal or not, and what imposing it costs each party at the Nash package. */
function statedDemandsView(s, checks) {
  const parties = s.parties.filter((p) => checks.some((c) => p.id in c.cost) || checks.length === 0);
  const label = (c) => ((s.demands[c.party] || []).find((d) => d.id === c.demand) || {}).label || c.demand;
  const short = (n) => (n.shortOf.length ? `at best short of ${n.shortOf.join(' and ')}'s reservation by ${num(n.shortfall)}`
    : 'no package within every red line grants it');
  const why = (c) => (c.redLinesInTheWay.length
    ? `only if these ${c.redLinesInTheWay.some((x) => x.includes(' condition ')) ? 'red lines and conditions' : 'red lines'} went: ${c.redLinesInTheWay.join(', ')}${c.nearMisses.length ? `; and even then ${short(c.nearMisses[0])}` : ''}`
    : c.nearMisses.length ? short(c.nearMisses[0]) : 'no package within every red line grants it');
  const verdict = (c) => (c.possible === null ? 'not known (see the analysis notes)'
    : c.possible ? `yes${c.zoneWith === null ? '' : ` (${c.zoneWith.toLocaleString('en')} packages)`}` : `no: ${why(c)}`);
  return el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Demand'), el('th', {}, 'In a deal?'),
    parties.map((p) => el('th', { class: 'num', title: 'utility at the Nash package moves by' }, p.name)))),
  el('tbody', {}, checks.map((c) => el('tr', {}, el('td', {}, `${partyName(s, c.party)}: ${label(c)}`),
    el('td', { class: c.possible ? 'ok' : 'flag' }, verdict(c)),
    parties.map((p) => el('td', { class: 'num' }, p.id in c.cost ? num(-c.cost[p.id]) : '–')))))),
  el('p', { class: 'small muted' }, 'The party columns: how each party’s utility at the Nash package moves when the demand is imposed.'));
}

export function drawCharts(seat) {
  progressChart(document.getElementById('progress-chart'), seat.view.scenario, seat.progress);
  frontierChart(document.getElementById('frontier-chart'), seat.view.scenario, seat.zone, seat.progress, seat.axes,
    seat.catalogue.solutions);
  const demandsBox = document.getElementById('stated-demands-body');
  if (demandsBox) {
    // Profiles may change until the first move: until then each draw asks afresh, and only the latest answer is drawn.
    if (!seat.view.begun || !seat.analysis) {
      seat.analysis = call('GET', `/api/negotiations/${encodeURIComponent(seat.id)}/analysis`, seat.token);
    }
    const asked = seat.analysis;
    asked.then((a) => { if (asked === seat.analysis) show(demandsBox, statedDemandsView(seat.view.scenario, a.statedDemands)); })
      .catch((e) => { if (asked === seat.analysis) { seat.analysis = null; show(demandsBox, errorBox(e.message)); } });
  }
  const current = texts(seat.progress).at(-1);
  const box = document.getElementById('current-assessment');
  if (current && box) {
    assess(seat, current.package).then((a) => show(box, assessmentView(seat.view.scenario, a)))
      .catch((e) => show(box, errorBox(e.message)));
  }
}

/** Shuttle: the package each party was last shown in its meeting, and its answer. */
export function packagesCard(seat) {
  const s = seat.view.scenario;
  const last = {};
  for (const e of seat.view.events) {
    if (e.type === 'presented') last[e.to] = { outcome: e.package, answer: 'no answer yet', round: e.round };
    if ((e.type === 'accepted' || e.type === 'rejected') && last[e.party]) last[e.party].answer = e.type;
  }
  const parties = s.parties.filter((p) => p.ratifies && p.id !== s.mediator);
  return el('section', { class: 'card', id: 'packages' }, el('h2', {}, 'Each side’s package'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Party'), el('th', {}, 'Last shown'), el('th', {}, 'Answer'))),
      el('tbody', {}, parties.map((p) => {
        const x = last[p.id];
        return el('tr', {}, el('td', {}, p.name), el('td', { class: 'small' }, x ? `round ${x.round + 1}: ${describePackage(s, x.outcome)}` : 'not met yet'),
          el('td', { class: x && x.answer === 'accepted' ? 'ok' : x && x.answer === 'rejected' ? 'flag' : 'muted' }, x ? x.answer : '–'));
      }))));
}
