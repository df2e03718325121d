// The console's two charts, drawn with the vendored Chart.js (a classic script: window.Chart).
import { partyName } from './util.js';

/** The progress rows that are texts, presented packages or the deal (offers are positions, not texts). */
export const texts = (progress) => progress.rows.filter((r) => r.kind !== 'offer');

const COLORS = ['#1f5fbf', '#b3261e', '#1d7a46', '#8a5a00', '#6b3fa0', '#00796b'];
const charts = {};

function draw(key, canvas, config) {
  if (charts[key]) charts[key].destroy();
  if (!canvas || !window.Chart) return;
  config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
  charts[key] = new window.Chart(canvas, config);
}

/** Each party's utility of each text, offer or package, and the gap between the principals, in order. */
export function progressChart(canvas, scenario, progress) {
  const rows = progress.rows;
  const labels = rows.map((r) => `#${r.seq} ${r.kind}`);
  const datasets = scenario.parties.map((p, k) => ({ label: p.name, data: rows.map((r) => r.utilities[p.id]),
    borderColor: COLORS[k % COLORS.length], backgroundColor: COLORS[k % COLORS.length], tension: 0 }));
  if (rows.some((r) => r.gap !== null)) {
    datasets.push({ label: `gap ${progress.principals.join('–')}`, data: rows.map((r) => r.gap), borderDash: [6, 4],
      borderColor: '#333', backgroundColor: '#333' });
  }
  draw('progress', canvas, { type: 'line', data: { labels, datasets },
    options: { scales: { y: { min: 0, max: 1, title: { display: true, text: 'utility / gap' } } },
      plugins: { legend: { position: 'bottom' } } } });
}

/** The zone, frontier, fair packages and the history of texts, in two parties' utilities. */
export function frontierChart(canvas, scenario, zone, progress, axes, solutions) {
  const [x, y] = axes;
  const point = (u) => ({ x: u[0], y: u[1] });
  const history = texts(progress).map((r) => ({ x: r.utilities[x], y: r.utilities[y] }));
  const datasets = [
    { label: 'zone', data: zone.zone.map(point), pointRadius: 1.5, backgroundColor: 'rgba(120,130,145,.35)', order: 5 },
    { label: 'frontier of all parties', data: zone.frontier.map(point), pointRadius: 1.5,
      backgroundColor: 'rgba(40,40,40,.45)', order: 4 },
  ];
  // The two parties' own Pareto frontier, as the server computed it exactly: what one can gain only at the other's
  // expense when only they must agree.
  if (zone.pairFrontier.length) {
    datasets.push({ type: 'line', label: `frontier of ${partyName(scenario, x)} and ${partyName(scenario, y)}`,
      data: zone.pairFrontier.map(point), borderColor: '#333', backgroundColor: '#333', pointRadius: 0, borderWidth: 2,
      order: 3 });
  }
  // Every reference solution the server returns, labelled as the catalogue names it.
  const styles = [['rectRot', '#1d7a46'], ['triangle', '#6b3fa0'], ['star', '#00796b'], ['crossRot', '#8a5a00']];
  Object.entries(zone.solutions).forEach(([id, sol], k) => {
    if (!sol) return;
    const known = solutions.find((s) => s.id === id);
    const [style, color] = styles[k % styles.length];
    datasets.push({ label: known ? known.label : id, solution: id, data: [point(sol.point)], pointStyle: style,
      pointRadius: 9, backgroundColor: color, order: 2 });
  });
  if (history.length) {
    datasets.push({ type: 'line', label: 'texts so far', data: history, borderColor: '#8a5a00', backgroundColor: '#8a5a00',
      pointRadius: 3, order: 1 });
    datasets.push({ label: 'current text', data: [history[history.length - 1]], pointRadius: 8, backgroundColor: '#b3261e', order: 0 });
  }
  // Frame what is drawn, with a margin, rather than the whole unit square.
  const all = datasets.flatMap((d) => d.data);
  const bounds = (key) => {
    const values = all.map((p) => p[key]);
    if (!values.length) return { min: 0, max: 1 };
    return { min: Math.max(0, Math.floor((Math.min(...values) - 0.05) * 20) / 20),
      max: Math.min(1, Math.ceil((Math.max(...values) + 0.05) * 20) / 20) };
  };
  const bx = bounds('x');
  const by = bounds('y');
  draw('frontier', canvas, { type: 'scatter', data: { datasets },
    options: { scales: {
      x: { ...bx, title: { display: true, text: `${partyName(scenario, x)} utility (reservation ${zone.reservations[x].toFixed(2)})` } },
      y: { ...by, title: { display: true, text: `${partyName(scenario, y)} utility (reservation ${zone.reservations[y].toFixed(2)})` } } },
    plugins: { legend: { position: 'bottom' } } } });
}
