// Small DOM and formatting helpers shared by every page.

/** Creates an element: el('td', {class: 'num'}, '0.58'). Attributes starting with "on" become listeners. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A utility or share to three decimals, as the command line prints them. */
export const num = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(3));

export function optionLabel(scenario, issueId, optionId) {
  const issue = scenario.issues.find((i) => i.id === issueId);
  const option = issue && issue.options.find((o) => o.id === optionId);
  return option ? option.label : optionId;
}

export const partyName = (scenario, id) => (scenario.parties.find((p) => p.id === id) || { name: id }).name;

/** A package as "Issue: option; …", in the scenario's words. */
export function describePackage(scenario, outcome) {
  if (!outcome) return '–';
  return scenario.issues.map((i) => `${i.name}: ${optionLabel(scenario, i.id, outcome[i.id])}`).join('; ');
}

/** "Issue name (toward option label)" for each objection of a rejection or a criticism. */
function objected(scenario, e) {
  return (e.objections || []).map((id, k) => {
    const issue = scenario.issues.find((i) => i.id === id);
    return `${issue ? issue.name : id} (toward ${optionLabel(scenario, id, (e.toward || [])[k])})`;
  });
}

/** One line for an event of the log, in plain words. */
export function describeEvent(scenario, e) {
  const who = (p) => partyName(scenario, p);
  switch (e.type) {
    case 'proposed': return `${who(e.party)} proposed a text: ${describePackage(scenario, e.text)}`;
    case 'voted': return `${who(e.party)} voted ${e.accept ? 'accept' : 'reject'}`;
    case 'text-adopted': return `Text adopted: ${describePackage(scenario, e.text)}`;
    case 'text-kept': return `Proposal not adopted (${e.rejections} rejected); the text stays`;
    case 'offered': return `${who(e.party)} offered: ${describePackage(scenario, e.package)}`;
    case 'accepted': return `${who(e.party)} accepted`;
    case 'rejected': {
      const objections = objected(scenario, e);
      return `${who(e.party)} rejected` + (objections.length ? `, objecting to ${objections.join(', ')}` : '');
    }
    case 'criticised': return `${who(e.party)} ${e.accept ? 'accepted' : 'rejected'} the proposal`
      + (e.objections.length ? `, criticising ${objected(scenario, e).join(', ')}` : '');
    case 'presented': return `The mediator presented to ${who(e.to)}: ${describePackage(scenario, e.package)}`
      + (e.relayText ? ` — relaying (${e.relay}): “${e.relayText}”` : '');
    case 'diverged': return `The accepted packages differ on: ${(e.issues || []).join(', ')}`;
    case 'said': return `${who(e.party)} said: “${e.text}”`;
    case 'ended': return e.result === 'agreement'
      ? `Agreement: ${describePackage(scenario, e.package)}`
      : `Ended without agreement: ${e.reason}`;
    default: return e.type;
  }
}

/** Replaces a container's content. */
export function show(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

export function errorBox(message) {
  return el('p', { class: 'error', role: 'alert' }, message);
}
