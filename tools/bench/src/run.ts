/**
 * `npm run bench -- <name> [--clients N]`: runs one benchmark and prints one line
 * `BENCH <name> key=value … ratio=<r> target=<t>`, with the baseline measured in the same run.
 * Progress goes to stderr; the BENCH line to stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { conferenceLine, measureConference } from './conference';
import { fanoutLine, measureFanout } from './fanout';
import { floodLine, measureFlood } from './flood';
import { joinStormGapsLine, joinStormLine, JoinStormSide, measureJoinStorms } from './join-storm';
import { startBareTarget } from './lib/bare-target';
import { readStalls, recordLoopGaps } from './lib/loop-gaps';
import { startOursTarget } from './lib/ours-target';
import type { BenchTarget } from './lib/target';
import { voteStorm } from './vote-storm';
import { measureWatermark, watermarkLine } from './watermark';
import { measureReaderFirstPage, readerFirstPageLine } from './reader-first-page';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function listOption(name: string): number[] | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1].split(',').map(Number) : undefined;
}

async function fanout(): Promise<void> {
  const clients = option('clients', 1000);
  const o = {
    clients,
    stepSeconds: option('seconds', 3),
    p99LimitMs: 100,
    // --rates 40,60: climb only these rungs (to profile or compare one rate).
    rates: listOption('rates') ?? [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560],
  };
  process.stderr.write(
    `fanout: ${clients} clients, ${o.stepSeconds}s per rate, p99 limit ${o.p99LimitMs} ms\n`,
  );
  // --only ours|bare: one side alone, for profiling (the BENCH line then has no ratio).
  const only = process.argv[process.argv.indexOf('--only') + 1];
  let bareBest = 0;
  let oursBest = 0;
  if (only !== 'ours') {
    const bare = await startBareTarget(clients, 0);
    bareBest = (await measureFanout(bare, o)).best;
    await bare.close();
  }
  if (only !== 'bare') {
    const ours = await startOursTarget(clients);
    oursBest = (await measureFanout(ours, o)).best;
    await ours.close();
  }
  console.log(fanoutLine(clients, oursBest, bareBest));
}

async function joinStorm(): Promise<void> {
  const clients = option('clients', 1000);
  const windowMs = option('window', 10) * 1000;
  const rounds = option('rounds', 3);
  process.stderr.write(
    `join-storm: ${clients} clients within ${windowMs / 1000}s, ${rounds} rounds per side\n`,
  );
  // --only ours|bare: one side alone, for profiling (the BENCH line then has no meaningful ratio).
  const only = process.argv[process.argv.indexOf('--only') + 1];
  // --gaps: every process records its event-loop gaps and GC pauses; a second line matches them
  // with the slowest joins (docs/benchmarks.md, "Issue 11, sixth pass").
  const gapsDir = process.argv.includes('--gaps') ? recordLoopGaps() : undefined;
  const targets: BenchTarget[] = [];
  if (only !== 'ours') targets.push(await startBareTarget(clients, 20 * 1024));
  if (only !== 'bare') targets.push(await startOursTarget(clients));
  const sides = await measureJoinStorms(targets, windowMs, rounds);
  await Promise.all(targets.map((t) => t.close()));
  const skipped: JoinStormSide = {
    p99: 0,
    p50: 0,
    connectP99: 0,
    failures: 0,
    ackBytes: 0,
    roundP99: [],
    joins: [],
    windows: [],
  };
  const ours = sides.ours ?? skipped;
  if (ours.firstError) process.stderr.write(`  ours first error: ${ours.firstError}\n`);
  console.log(joinStormLine(clients, ours, sides.bare ?? skipped));
  if (gapsDir) {
    console.log(joinStormGapsLine(targets, sides, readStalls(gapsDir)));
    // For a closer look (e.g. beside a --cpu-prof profile of a server): the storms' spans by side.
    const spans = Object.fromEntries(targets.map((t) => [t.serverPid, sides[t.name]?.windows]));
    fs.writeFileSync(path.join(gapsDir, 'storms.json'), JSON.stringify(spans));
    process.stderr.write(`  stalls (<pid>.txt) and storm spans by server pid (storms.json) in ${gapsDir}\n`);
  }
}

async function flood(): Promise<void> {
  const o = {
    clients: option('clients', 100),
    seconds: option('seconds', 10),
    inFlight: option('in-flight', 20),
    readEveryMs: option('read-every', 5) * 1000,
    unprotected: process.argv.includes('--unprotected'),
  };
  process.stderr.write(
    `flood: ${o.clients} well-behaved clients, ${o.seconds}s quiet then ${o.seconds}s flooded\n`,
  );
  console.log(floodLine(o, await measureFlood(o)));
}

// Document copies: stamping per reader (docs/documents-copies.md).
async function watermark(): Promise<void> {
  const o = { pages: option('pages', 100), rounds: option('rounds', 9), readers: option('readers', 150) };
  process.stderr.write(
    `watermark: ${o.pages} pages, ${o.rounds} rounds, then ${o.readers} readers on the pool\n`,
  );
  console.log(watermarkLine(o, await measureWatermark(o)));
}

async function readerFirstPage(): Promise<void> {
  const runs = option('runs', 7);
  process.stderr.write(`reader-first-page: a 100-page PDF, ${runs} runs in Chromium on loopback\n`);
  console.log(readerFirstPageLine(await measureReaderFirstPage(runs)));
}

async function conference(): Promise<void> {
  const o = {
    clients: option('clients', 5000),
    events: option('events', 50),
    rate: option('rate', 5),
    windowMs: option('window', 25) * 1000,
    workers: option('workers', 4),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  process.stderr.write(
    `conference: ${o.clients} clients over 2 nodes within ${o.windowMs / 1000}s, ${o.events} events at ${o.rate}/s\n`,
  );
  console.log(conferenceLine(o, await measureConference(o)));
}

const benches: Record<string, () => Promise<void>> = {
  fanout,
  'join-storm': joinStorm,
  flood,
  conference,
  'vote-storm': () => voteStorm(option),
  watermark,
  'reader-first-page': readerFirstPage, // issue 10, docs-web
};

const name = process.argv[2];
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [--clients N]`);
  process.exit(2);
}
bench().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
