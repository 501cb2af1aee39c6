// An independent WebSocket client (the npm package ws, pinned in tools/node) for NodeWsClientTest.
// Usage: node ws-client.mjs '{"url":"ws://127.0.0.1:P/api/v1/events","token":"t","badToken":"x",
//                             "since":"E:S","until":N,"timeoutMs":5000}'
// Prints one JSON object: what each credential path and the resume saw.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../tools/node/package.json', import.meta.url));
const WebSocket = require('ws');
const cfg = JSON.parse(process.argv[2]);
const timeoutMs = cfg.timeoutMs ?? 5000;

/** Opens a socket and resolves with what happened: the first frames, the protocol, or the refusal. */
function session(url, protocols, options, { onOpen, done }) {
  return new Promise((resolve) => {
    const result = { frames: [] };
    const ws = new WebSocket(url, protocols, options);
    const timer = setTimeout(() => { result.timeout = true; ws.terminate(); resolve(result); }, timeoutMs);
    const finish = () => { clearTimeout(timer); ws.close(); resolve(result); };
    ws.on('unexpected-response', (req, res) => {
      result.status = res.statusCode;
      clearTimeout(timer);
      req.destroy(); // else the refused HTTP exchange keeps node alive
      resolve(result);
    });
    ws.on('error', (e) => { result.error = String(e.message); });
    ws.on('open', () => { result.protocol = ws.protocol; if (onOpen) onOpen(ws); });
    ws.on('message', (data) => {
      result.frames.push(JSON.parse(data.toString()));
      if (done(result.frames)) finish();
    });
    ws.on('close', (code, reason) => {
      result.closeCode = code;
      result.closeReason = reason.toString();
      clearTimeout(timer);
      resolve(result);
    });
  });
}

const first = { done: (frames) => frames.length >= 1 };
const bearer = { headers: { Authorization: `Bearer ${cfg.token}` } };
const seqOf = (f) => Number(f.cursor.split(':').pop());

const out = {};
out.header = await session(cfg.url, [], bearer, first);
out.subprotocol = await session(cfg.url, ['krishiv.v1', `krishiv.bearer.${cfg.token}`], {}, first);
out.firstFrame = await session(cfg.url, [], {}, {
  onOpen: (ws) => ws.send(JSON.stringify({ type: 'auth', token: cfg.token })),
  done: first.done,
});
out.badToken = await session(cfg.url, [], { headers: { Authorization: `Bearer ${cfg.badToken}` } }, first);
const resumed = await session(`${cfg.url}?since=${encodeURIComponent(cfg.since)}`, [], bearer, {
  done: (frames) => frames.some((f) => f.type === 'event' && seqOf(f) >= cfg.until),
});
out.resume = {
  timeout: resumed.timeout ?? false,
  cursors: resumed.frames.filter((f) => f.type === 'event').map((f) => f.cursor),
  resets: resumed.frames.filter((f) => f.type === 'reset').length,
};
for (const k of ['header', 'subprotocol', 'firstFrame', 'badToken']) {
  const r = out[k];
  out[k] = { status: r.status ?? 101, protocol: r.protocol ?? null, first: r.frames[0] ?? null,
    closeCode: r.closeCode ?? null, timeout: r.timeout ?? false };
}
process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
