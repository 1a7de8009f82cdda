// Live updates over server-sent events (GET api/events). The browser reconnects by itself after a network
// drop; when the server refuses the stream we try again later. After every (re)connection listeners are told
// to catch up, since events sent while disconnected are lost.

const RETRY_MS = 10000;
const listeners = { lead: new Set(), escalation: new Set(), connected: new Set(), state: new Set() };
let source = null;
let retryTimer = null;

export function on(type, listener) {
  listeners[type].add(listener);
  return () => listeners[type].delete(listener);
}

function emit(type, payload) {
  listeners[type].forEach((listener) => listener(payload));
}

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

export function connect() {
  if (source) return;
  source = new EventSource('api/events', { withCredentials: false });
  source.addEventListener('open', () => {
    emit('state', true);
    emit('connected');
  });
  source.addEventListener('lead', (event) => {
    const lead = parse(event);
    if (lead) emit('lead', lead);
  });
  source.addEventListener('escalation', (event) => emit('escalation', parse(event)));
  source.addEventListener('error', () => {
    emit('state', false);
    if (source && source.readyState === EventSource.CLOSED) {
      source = null;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(connect, RETRY_MS);
    }
  });
}

export function disconnect() {
  clearTimeout(retryTimer);
  if (source) source.close();
  source = null;
  emit('state', false);
}
