// The HTTP API and the live WebSocket, as the console uses them.

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `the server answered ${status}`);
    this.status = status;
    this.details = (body && body.details) || [];
  }
}

export async function call(method, path, token, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { error: 'the Parley server cannot be reached: is `parley serve` still running?' });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * Follows a seat's events over the WebSocket, numbered; reconnects after a drop and resumes after the last event
 * seen, so nothing is missed or repeated. onEvents(events) gets each batch; onState(up) the connection's state.
 */
export function follow(id, token, after, onEvents, onState) {
  let last = after;
  let socket = null;
  let stopped = false;
  let delay = 500;
  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/negotiations/${encodeURIComponent(id)}/live`
      + `?token=${encodeURIComponent(token)}&after=${last}`);
    socket.onopen = () => { delay = 500; onState(true); };
    socket.onmessage = (m) => {
      // An empty batch still means the talks moved on (a secret vote, a change of phase): refresh all the same.
      const events = JSON.parse(m.data).events.filter((e) => e.seq > last);
      if (events.length) last = events[events.length - 1].seq;
      onEvents(events);
    };
    socket.onclose = (c) => {
      // 4400–4404 are final (a bad request, a wrong token, no such negotiation); 4408 says: fell behind, resume.
      const final = c.code >= 4400 && c.code !== 4408;
      onState(false, final ? c.reason : null);
      if (!stopped && !final) {
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 8000);
      }
    };
  };
  open();
  return { stop() { stopped = true; if (socket) socket.close(); }, drop() { if (socket) socket.close(); } };
}
