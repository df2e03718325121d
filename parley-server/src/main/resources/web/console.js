// The mediator's console: what it draws once every party has shared its profile, and shuttle's packages.
import { call } from './api.js';
import { el, show, num, errorBox, describePackage, partyName } from './util.js';

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
  const current = window.ParleyCharts.texts(seat.progress).at(-1);
  return [
    el('section', { class: 'card' }, el('h2', {}, 'Over the talks'),
      el('p', { class: 'muted small' }, seat.progress.rows.some((r) => r.gap !== null)
        ? 'Each party’s utility of each offer and text; dashed, the gap between what the principals have said they want (their offers, criticism or objections, else what they accepted; 0: the same options).'
        : 'Each party’s utility of each text. The gap appears once the principals have said what they want.'),
      el('div', { class: 'chart' }, el('canvas', { id: 'progress-chart', role: 'img', 'aria-label': 'Each party’s utility of each text, and the gap, over the talks' })),
      shortOfView(seat.view.scenario, seat.progress.rows.at(-1))),
    el('section', { class: 'card' }, el('h2', {}, 'Frontier'), el('div', { class: 'row' }, el('label', { class: 'inline' }, 'x', axis('x', 0)),
      el('label', { class: 'inline' }, 'y', axis('y', 1))),
    el('div', { class: 'chart' }, el('canvas', { id: 'frontier-chart', role: 'img', 'aria-label': 'The zone, the frontier, the fair packages and the texts so far' }))),
    el('section', { class: 'card', id: 'current-flags' }, el('h2', {}, 'The current text, assessed'),
      current ? el('p', {}, describePackage(seat.view.scenario, current.package)) : el('p', { class: 'muted' }, 'No text yet.'),
      el('div', { id: 'current-assessment' })),
    Object.keys(seat.view.scenario.demands || {}).length ? el('section', { class: 'card wide', id: 'stated-demands' },
      el('h2', {}, 'Stated demands: can each be part of a deal?'), el('div', { id: 'stated-demands-body' }, el('p', { class: 'muted' }, 'Working it out…')))
      : null,
    seat.watching ? null : forecastCard(seat), // the organiser watches: it starts no forecast of the mediator's
  ];
}

/** How far each ratifying party is from accepting the latest text or offer: its reservation less its utility. */
function shortOfView(s, row) {
  if (!row) return null;
  const short = Object.entries(row.distanceToAcceptance || {}).filter(([, d]) => d > 0);
  return el('p', { id: 'short-of', class: 'small' }, short.length
    ? `Short of accepting the latest: ${short.map(([p, d]) => `${partyName(s, p)} by ${num(d)}`).join(', ')} (reservation less utility).`
    : 'Every ratifying party reaches its reservation with the latest text or offer.');
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
  window.ParleyCharts.progressChart(document.getElementById('progress-chart'), seat.view.scenario, seat.progress);
  window.ParleyCharts.frontierChart(document.getElementById('frontier-chart'), seat.view.scenario, seat.zone, seat.progress, seat.axes,
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
  const current = window.ParleyCharts.texts(seat.progress).at(-1);
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

/**
 * The mediator's forecast: Monte Carlo over what is not known of the profiles, run on the server. Its state lives in
 * seat.forecast so that a redraw of the page (another party's move) keeps it; while it runs, each request waits up
 * to a second for it to end and redraws the card with the draws done.
 */
export function forecastCard(seat) {
  const f = seat.forecast;
  const base = `/api/negotiations/${encodeURIComponent(seat.id)}/forecast`;
  const redraw = () => {
    const card = document.getElementById('forecast');
    if (card) card.replaceWith(forecastCard(seat));
  };
  const follow = async () => {
    while (seat.forecast && seat.forecast.state === 'running' && !seat.stale()) {
      try {
        seat.forecast = await call('GET', `${base}?wait=1000`, seat.token);
      } catch (e) {
        seat.forecast = { state: 'failed', error: e.message, runs: 0, done: 0 };
      }
      redraw();
    }
  };
  const start = async () => {
    const runs = Number(document.getElementById('forecast-runs').value) || 1000;
    try {
      seat.forecast = await call('POST', base, seat.token, { runs, analysisOnly: document.getElementById('forecast-analysis-only').checked });
      redraw(); // the card, drawn running, follows the forecast
    } catch (e) {
      seat.forecast = { state: 'failed', error: e.message, runs, done: 0 };
      redraw();
    }
  };
  const cancel = async () => {
    try { seat.forecast = await call('POST', `${base}/cancel`, seat.token, {}); } catch (e) { /* it has ended */ }
    redraw();
  };
  const pct = (x) => `${(100 * x.share).toFixed(1)}% [${(100 * x.low).toFixed(1)}–${(100 * x.high).toFixed(1)}]`;
  const running = f && f.state === 'running';
  const controls = el('div', { class: 'row' },
    el('label', { class: 'inline' }, 'Draws ', el('input', { id: 'forecast-runs', type: 'number', min: '1', max: '20000', value: String((f && f.runs) || 1000), disabled: running })),
    el('label', { class: 'inline' }, el('input', { id: 'forecast-analysis-only', type: 'checkbox', disabled: running }), ' analysis only (no talks)'),
    running ? el('button', { id: 'forecast-cancel', onclick: cancel }, 'Cancel')
      : el('button', { id: 'forecast-start', onclick: start }, 'Run forecast'));
  const body = [];
  if (f && running) {
    body.push(el('p', { id: 'forecast-progress' }, `Running: ${f.done} of ${f.runs} draws`),
      el('progress', { max: String(f.runs), value: String(f.done) }));
  } else if (f && f.state === 'cancelled') {
    body.push(el('p', { class: 'muted', id: 'forecast-progress' }, `Cancelled after ${f.done} of ${f.runs} draws.`));
  } else if (f && f.state === 'failed') {
    body.push(errorBox(f.error || 'the forecast failed'));
  } else if (f && f.state === 'done') {
    const x = f.forecast;
    const s = seat.view.scenario;
    const rows = [];
    if (x.agreement) rows.push(['Deal reached', pct(x.agreement)]);
    rows.push(['Zone empty', pct(x.zoneEmpty)]);
    if (x.dealIsNash) rows.push(['Deal is the fair (Nash) package of its draw', pct(x.dealIsNash)]);
    if (x.roundsToAgreement && x.roundsToAgreement.median !== undefined) {
      rows.push(['Rounds to a deal (median, 80%)', `${x.roundsToAgreement.median}, ${x.roundsToAgreement.p80}`]);
    }
    if (x.timeToAgreement && x.timeToAgreement.median) {
      const t = (p) => `day ${p.days}${p.date ? ` (${p.date})` : ''}`;
      rows.push(['Time to a deal (median, 80%)', `${t(x.timeToAgreement.median)}; ${t(x.timeToAgreement.p80)}`]);
    }
    body.push(el('table', { id: 'forecast-figures' }, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', { class: 'num' }, v))))));
    if (x.deals && x.deals.length) {
      body.push(el('h3', {}, 'Likeliest deals'), el('ol', { id: 'forecast-deals' }, x.deals.slice(0, 5).map((d) => el('li', {}, `${pct(d)}: ${describePackage(s, d.package)}`))));
    }
    const blockers = (x.refusals || []).concat(x.blocking || []).slice(0, 5);
    if (blockers.length) {
      body.push(el('h3', {}, 'What blocks'), el('ul', {}, blockers.map((b) => el('li', {}, `${pct(b)}: ${b.refusal || b.relaxation}`))));
    }
    if (x.sensitivity && x.sensitivity.length) {
      body.push(el('h3', {}, x.talks ? 'What moves the chance of a deal' : 'What moves the chance of a zone'),
        el('table', { id: 'forecast-tornado' }, el('tbody', {}, x.sensitivity.slice(0, 6).map((e) => el('tr', {},
          el('td', {}, e.parameter), el('td', { class: 'num' }, `${(100 * e.agreementBelow).toFixed(1)}% → ${(100 * e.agreementAbove).toFixed(1)}%`),
          el('td', {}, el('span', { class: e.difference < 0 ? 'bar neg' : 'bar', style: `width:${Math.min(100, Math.abs(e.difference) * 100).toFixed(0)}%` })))))));
    }
  } else {
    body.push(el('p', { class: 'muted' }, 'How likely a deal is, which one and how soon, over what is not known of the profiles (each profile’s uncertainty), with the default agent in every seat.'));
  }
  if (running && !seat.following) { // a page drawn anew while a forecast runs picks it up again
    seat.following = true;
    follow().finally(() => { seat.following = false; });
  }
  return el('section', { class: 'card wide', id: 'forecast' }, el('h2', {}, 'Forecast'), controls, ...body);
}
