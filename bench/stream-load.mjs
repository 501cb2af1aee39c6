// Load client of bench/stream: holds N WebSocket subscribers in this one process (source addresses spread over
// 127.0.0.x so the port space is never the limit), waits for "GO" on stdin, counts event frames for the measured
// window and samples publish->receive latency on every (N/200)th connection (each event's detail is its publish time in epoch microseconds).
// Usage: node stream-load.mjs URL N SECONDS [filter=none|job] [jobs=1000]
// Prints "READY n ms" once connected, then one JSON line of results.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';

const require = createRequire(new URL('../tools/node/package.json', import.meta.url));
const WebSocket = require('ws');

const [url, nArg, secondsArg, filter = 'none', jobsArg = '1000'] = process.argv.slice(2);
const n = Number(nArg);
const seconds = Number(secondsArg);
const jobs = Number(jobsArg);
const SAMPLE_EVERY = Math.max(1, Math.floor(n / 200)); // ~200 connections, spread over the servers' iteration order, time every event
const IN_FLIGHT = 256; // handshakes at once
const SOURCES = 50; // 127.0.0.2 .. 127.0.0.51

const sockets = [];
let measuring = false;
let received = 0;
const latencies = [];
const closes = {};
const nowMicros = () => (performance.timeOrigin + performance.now()) * 1000;

function open(i) {
  return new Promise((resolve) => {
    const q = filter === 'job' ? `?job_id=job-${i % jobs}` : '';
    const ws = new WebSocket(url + q, { localAddress: `127.0.0.${2 + (i % SOURCES)}`, perMessageDeflate: false });
    const timed = i % SAMPLE_EVERY === 0;
    ws.on('open', () => resolve(true));
    ws.on('error', () => resolve(false));
    ws.on('close', (code) => { closes[code] = (closes[code] ?? 0) + 1; });
    ws.on('message', (data) => {
      if (!measuring || data[9] !== 0x65) return; // {"type":"e... : event frames only
      received++;
      if (timed) {
        const s = data.toString();
        const at = s.indexOf('"detail":"') + 10;
        latencies.push((nowMicros() - Number(s.slice(at, s.indexOf('"', at)))) / 1000);
      }
    });
    sockets.push(ws);
  });
}

const t0 = Date.now();
let next = 0;
let ok = 0;
async function worker() {
  while (next < n) {
    if (await open(next++)) ok++;
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
console.log(`READY ${ok} ${Date.now() - t0}`);

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (line.trim() !== 'GO') return;
  measuring = true;
  const start = Date.now();
  setTimeout(() => {
    measuring = false;
    const wall = (Date.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : null);
    const result = { subscribers: ok, received, wall_seconds: wall, received_per_second: received / wall,
      latency_ms: { samples: latencies.length, p50: pct(0.5), p99: pct(0.99), max: latencies.at(-1) ?? null },
      closes };
    process.stdout.write(JSON.stringify(result) + '\n', () => {
      sockets.forEach((ws) => ws.terminate());
      process.exit(0);
    });
  }, (seconds + 2) * 1000); // the publish window plus 2 s to drain
});
