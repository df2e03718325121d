// The charts of the console and of every report (run's report.html, the debriefs), drawn with the vendored Chart.js
// (window.Chart). A classic script that defines window.ParleyCharts, so that a self-contained report inlines this very
// file: one way of drawing, wherever a chart is seen.
(function () {
  const COLORS = ['#1f5fbf', '#b3261e', '#1d7a46', '#8a5a00', '#6b3fa0', '#00796b'];
  const charts = {};
  const fixed = (u) => (u === null || u === undefined ? '–' : Number(u).toFixed(3));
  const partyName = (scenario, id) => (scenario.parties.find((p) => p.id === id) || { name: id }).name;
  /** A package as "CF=full-30d, KU=corridor, …", for a tooltip. */
  const describe = (scenario, pkg) => (pkg ? scenario.issues.map((i) => `${i.id}=${pkg[i.id]}`).join(', ') : '');

  /** Draws on a canvas, replacing the chart it held. */
  function draw(canvas, config) {
    if (!canvas || !window.Chart) return;
    if (charts[canvas.id]) charts[canvas.id].destroy();
    config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
    charts[canvas.id] = new window.Chart(canvas, config);
  }

  /** The progress rows that are texts, presented packages or the deal (offers are positions, not texts). */
  const texts = (progress) => progress.rows.filter((r) => r.kind !== 'offer');
  const rowLabel = (r) => `round ${r.round + 1}: ${r.kind}${r.party ? ` ${r.party}` : ''}`;

  /** A tooltip's footer for a progress row: its package, wrapped. */
  function packageFooter(scenario, rows) {
    return (items) => (items.length ? describe(scenario, rows[items[0].dataIndex].package).match(/.{1,70}(, |$)/g) : []);
  }

  /** Each party's utility of each text, offer or package, and the gap between the principals, in order. */
  function progressChart(canvas, scenario, progress) {
    const rows = progress.rows;
    const datasets = scenario.parties.filter((p) => rows.some((r) => r.utilities[p.id] !== undefined)).map((p, k) => ({
      label: p.name, data: rows.map((r) => r.utilities[p.id]), borderColor: COLORS[k % COLORS.length],
      backgroundColor: COLORS[k % COLORS.length], tension: 0 }));
    if (rows.some((r) => r.gap !== null)) {
      datasets.push({ label: `gap ${progress.principals.join('–')}`, data: rows.map((r) => r.gap), borderDash: [6, 4],
        borderColor: '#333', backgroundColor: '#333' });
    }
    draw(canvas, { type: 'line', data: { labels: rows.map(rowLabel), datasets },
      options: { scales: { y: { min: 0, max: 1, title: { display: true, text: 'utility / gap' } } },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { footer: packageFooter(scenario, rows) } } } } });
  }

  /** How far each ratifying party is from accepting each row's package: its reservation less its utility, or 0. */
  function shortOfChart(canvas, scenario, progress) {
    const rows = progress.rows;
    const parties = scenario.parties.filter((p) => rows.some((r) => r.distanceToAcceptance && p.id in r.distanceToAcceptance));
    const datasets = parties.map((p, k) => ({ label: p.name, data: rows.map((r) => r.distanceToAcceptance[p.id]),
      borderColor: COLORS[k % COLORS.length], backgroundColor: COLORS[k % COLORS.length], stepped: true }));
    draw(canvas, { type: 'line', data: { labels: rows.map(rowLabel), datasets },
      options: { scales: { y: { min: 0, title: { display: true, text: 'short of reservation' } } },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { footer: packageFooter(scenario, rows) } } } } });
  }

  /**
   * The zone (as a density: each cell of `zone.cell` shaded by how many packages fall in it), the frontier of all
   * parties projected, the two parties' own frontier, the fair packages and the texts so far, in two parties'
   * utilities. Hovering a point shows its package and utilities. `labels.current` names the last text (default
   * "current text").
   */
  function frontierChart(canvas, scenario, zone, progress, axes, solutions, labels = {}) {
    const [x, y] = axes;
    const tip = (d) => ({ x: d.u[0], y: d.u[1], package: d.package });
    const history = texts(progress).map((r) => ({ x: r.utilities[x], y: r.utilities[y], package: r.package }));
    const most = Math.max(1, ...zone.zone.map((c) => c[2]));
    const shade = (n) => `rgba(110,120,135,${(0.12 + 0.6 * Math.log(1 + n) / Math.log(1 + most)).toFixed(3)})`;
    const cellRadius = (c) => {
      const s = c.chart.scales.x;
      return s ? Math.max(1.5, 0.72 * Math.abs(s.getPixelForValue(zone.cell) - s.getPixelForValue(0))) : 2;
    };
    const datasets = [
      { label: `agreement zone, ${zone.zone.reduce((a, c) => a + c[2], 0).toLocaleString('en')} packages (darker: more)`,
        zoneCells: true, data: zone.zone.map(([cx, cy, n]) => ({ x: cx, y: cy, n })), pointStyle: 'rect',
        pointRadius: cellRadius, pointHoverRadius: cellRadius,
        backgroundColor: (c) => (c.raw ? shade(c.raw.n) : shade(most / 4)), borderWidth: 0, order: 6 },
      { label: 'frontier of all parties, projected', data: zone.frontier.map(tip), pointRadius: 2,
        backgroundColor: 'rgba(40,40,40,.55)', order: 4 },
    ];
    // The two parties' own Pareto frontier, as the server computed it exactly: what one can gain only at the other's
    // expense when only they must agree.
    if (zone.pairFrontier.length) {
      datasets.push({ type: 'line', label: `frontier of ${partyName(scenario, x)} and ${partyName(scenario, y)} alone`,
        data: zone.pairFrontier.map((u) => ({ x: u[0], y: u[1] })), borderColor: '#1f5fbf', backgroundColor: '#1f5fbf',
        pointRadius: 0, borderWidth: 2, order: 3 });
    }
    // Every reference solution, labelled as the catalogue names it.
    const styles = [['rectRot', '#1d7a46'], ['triangle', '#6b3fa0'], ['star', '#00796b'], ['crossRot', '#8a5a00']];
    Object.entries(zone.solutions).forEach(([id, sol], k) => {
      if (!sol) return;
      const known = solutions.find((s) => s.id === id);
      const [style, color] = styles[k % styles.length];
      datasets.push({ label: known ? known.label : id, solution: id, data: [{ x: sol.point[0], y: sol.point[1],
        package: sol.outcome }], pointStyle: style, pointRadius: 9, backgroundColor: color, borderColor: color, order: 2 });
    });
    if (history.length) {
      datasets.push({ type: 'line', label: 'texts so far', data: history, borderColor: '#8a5a00', backgroundColor: '#8a5a00',
        pointRadius: 3, order: 1 });
      datasets.push({ label: labels.current || 'current text', data: [history[history.length - 1]], pointRadius: 8,
        pointStyle: 'circle', backgroundColor: '#b3261e', borderColor: '#b3261e', order: 0 });
    }
    // Frame what is drawn, with a margin, rather than the whole unit square.
    const all = datasets.flatMap((d) => d.data);
    const bounds = (key) => {
      const values = all.map((p) => p[key]).filter((v) => v !== undefined);
      if (!values.length) return { min: 0, max: 1 };
      return { min: Math.max(0, Math.floor((Math.min(...values) - 0.05) * 20) / 20),
        max: Math.min(1, Math.ceil((Math.max(...values) + 0.05) * 20) / 20) };
    };
    const tooltip = { callbacks: {
      label: (c) => (c.dataset.zoneCells
        ? `${c.raw.n.toLocaleString('en')} package${c.raw.n === 1 ? '' : 's'} near ${x} ${fixed(c.raw.x)}, ${y} ${fixed(c.raw.y)}`
        : `${c.dataset.label}: ${x} ${fixed(c.parsed.x)}, ${y} ${fixed(c.parsed.y)}`),
      footer: (items) => {
        const p = items.length && items[0].raw && items[0].raw.package;
        return p ? describe(scenario, p).match(/.{1,70}(, |$)/g) : [];
      } } };
    draw(canvas, { type: 'scatter', data: { datasets },
      options: { scales: {
        x: { ...bounds('x'), title: { display: true, text: `${partyName(scenario, x)} utility (reservation ${zone.reservations[x].toFixed(2)})` } },
        y: { ...bounds('y'), title: { display: true, text: `${partyName(scenario, y)} utility (reservation ${zone.reservations[y].toFixed(2)})` } } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } }, tooltip } } });
  }

  /**
   * A report's line chart: `spec` is {labels, xTitle, yTitle, yMin, yMax, series: [{label, data, dashed}]}, each
   * series' data one number per label (null for none).
   */
  function lineChart(canvas, spec) {
    const datasets = spec.series.map((s, k) => ({ label: s.label, data: s.data, borderColor: COLORS[k % COLORS.length],
      backgroundColor: COLORS[k % COLORS.length], borderDash: s.dashed ? [6, 4] : undefined, pointRadius: 2, tension: 0 }));
    draw(canvas, { type: 'line', data: { labels: spec.labels, datasets },
      options: { scales: { x: { title: { display: true, text: spec.xTitle } },
        y: { min: spec.yMin, max: spec.yMax, title: { display: true, text: spec.yTitle } } },
      plugins: { legend: { position: 'bottom' } } } });
  }

  window.ParleyCharts = { texts, progressChart, shortOfChart, frontierChart, lineChart };
}());
