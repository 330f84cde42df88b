// Runs the test tiers with node's test runner (through tsx), after the type-check and lint.
// Usage: node tests/run.ts [all|unit|integration|e2e|static]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const tier = process.argv[2] ?? 'all';
const root = new URL('..', import.meta.url).pathname;

function testFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(join(root, 'tests', dir));
  return out.sort();
}

function run(label: string, cmd: string, args: string[]): void {
  process.stdout.write(`\n▶ ${label}\n`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (res.status !== 0) {
    process.stderr.write(`✖ ${label} failed (exit ${res.status ?? res.signal})\n`);
    process.exit(res.status ?? 1);
  }
}

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const tiers = tier === 'all' ? ['static', 'unit', 'integration', 'e2e'] : [tier];
const files: string[] = [];
for (const t of tiers) {
  if (t === 'static') {
    run('type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    run('lint', bin('biome'), ['check', '.']);
    continue;
  }
  files.push(...testFiles(t));
}
if (files.length > 0) {
  // One runner invocation so the summary at the end covers every tier.
  run(`tests (${tiers.filter((t) => t !== 'static').join(', ')})`, bin('tsx'), [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    ...files,
  ]);
}
