// Tests of the generic real-component harness helpers (tests/harness/support/), which the kube and APIM
// harnesses build on. They start only small local processes and servers, so they run in seconds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { realCacheRoot } from '../harness/support/cache-dir.ts';
import { readFileTail } from '../harness/support/file-tail.ts';
import { freeLoopbackPorts } from '../harness/support/free-port.ts';
import { isProcessAlive } from '../harness/support/liveness.ts';
import { ManagedProcessError, startManagedProcess } from '../harness/support/managed-process.ts';
import { repoRoot } from '../harness/support/repo-root.ts';
import { WaitForUrlTimeoutError, waitForUrl } from '../harness/support/wait-for-url.ts';

const workDir = mkdtempSync(join(tmpdir(), 'gso-harness-support-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

/** Polls `read` until it returns a value (not undefined) or the time is up. */
async function eventually<T>(read: () => T | undefined, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${ms} ms`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 20));
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolvePort) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

test('freeLoopbackPorts hands out distinct ports that can be bound', async () => {
  // Act
  const ports = await freeLoopbackPorts(3);

  // Assess
  assert.equal(new Set(ports).size, 3);
  for (const port of ports) {
    const server = createTcpServer();
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolveListen());
    });
    await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  }
});

test('a managed process writes stdout and stderr to its log file', async () => {
  // Prepare
  const logFile = join(workDir, 'both-streams', 'out.log');

  // Act
  const child = await startManagedProcess({
    name: 'echo',
    command: 'bash',
    args: ['-c', 'echo to-stdout; echo to-stderr >&2; exit 3'],
    logFile,
  });
  const exit = await child.waitForExit();

  // Assess
  assert.deepEqual(exit, { code: 3, signal: null });
  assert.deepEqual(child.exitStatus(), exit);
  assert.match(child.logTail(), /to-stdout\n/);
  assert.match(child.logTail(), /to-stderr\n/);
});

test('stopping a process that honours SIGTERM ends it with SIGTERM', async () => {
  // Prepare
  const child = await startManagedProcess({
    name: 'sleep',
    command: 'sleep',
    args: ['300'],
    logFile: join(workDir, 'sleep.log'),
  });
  assert.equal(child.exitStatus(), undefined);

  // Act
  const exit = await child.stop(5_000);

  // Assess
  assert.deepEqual(exit, { code: null, signal: 'SIGTERM' });
  assert.equal(isProcessAlive(child.pid), false);
  assert.equal(await child.stop(), exit, 'a second stop() returns the same outcome');
});

test('stopping a process that ignores SIGTERM kills it and its children after the grace period', async () => {
  // Prepare: bash ignores TERM, and so does the sleep it forks (ignored signals survive exec).
  const logFile = join(workDir, 'stubborn.log');
  const child = await startManagedProcess({
    name: 'stubborn',
    command: 'bash',
    args: ['-c', 'trap "" TERM; sleep 300 & echo "grandchild $!"; wait'],
    logFile,
  });
  const grandchild = Number(await eventually(() => /grandchild (\d+)/.exec(readFileTail(logFile))?.[1]));
  assert.ok(isProcessAlive(grandchild));
  const started = Date.now();

  // Act
  const exit = await child.stop(300);

  // Assess
  assert.equal(exit.signal, 'SIGKILL');
  assert.ok(Date.now() - started >= 300, 'SIGKILL came before the grace period was over');
  await eventually(() => (isProcessAlive(grandchild) ? undefined : true), 2_000);
});

test('starting a missing executable fails with an error naming it', async () => {
  // Act
  const starting = startManagedProcess({
    name: 'ghost',
    command: join(workDir, 'no-such-binary'),
    logFile: join(workDir, 'ghost.log'),
  });

  // Assess
  await assert.rejects(starting, (error: Error) => {
    assert.ok(error instanceof ManagedProcessError);
    assert.match(error.message, /ghost: executable not found: .*no-such-binary/);
    return true;
  });
});

/**
 * Runs a Node script (ESM, through tsx) that starts `sleep` as a managed process, prints its pid and then
 * does `then`; resolves with how the script ended and the pid.
 */
async function runForgetfulScript(name: string, then: string, signal?: NodeJS.Signals) {
  const script = join(workDir, `${name}.mts`);
  const managedProcess = pathToFileURL(join(repoRoot, 'tests/harness/support/managed-process.ts')).href;
  writeFileSync(
    script,
    `import { startManagedProcess } from ${JSON.stringify(managedProcess)};
const child = await startManagedProcess({ name: 'sleep', command: 'sleep', args: ['300'], logFile: ${JSON.stringify(join(workDir, `${name}.log`))} });
process.stdout.write(String(child.pid) + '\\n');
${then}
`,
  );
  // node --import tsx rather than the tsx binary, a wrapper that would take the signal in place of the script.
  const node = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  node.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (signal && output.endsWith('\n')) node.kill(signal);
  });
  node.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolveExit) =>
    node.once('close', (...outcome) => resolveExit(outcome)),
  );
  return { code, signal: exitSignal, pid: Number.parseInt(output, 10), output };
}

test('a process left running is killed when the Node process that started it exits', async () => {
  // Act
  const script = await runForgetfulScript('forgetful-exit', 'process.exit(0);');

  // Assess
  assert.equal(script.code, 0, script.output);
  assert.ok(script.pid > 0, `no pid printed: ${script.output}`);
  await eventually(() => (isProcessAlive(script.pid) ? undefined : true), 2_000);
});

test('a process left running is killed when the Node process that started it gets SIGTERM', async () => {
  // Act: the script would wait forever; SIGTERM arrives once it printed the pid.
  const script = await runForgetfulScript('forgetful-signal', 'setInterval(() => {}, 1_000);', 'SIGTERM');

  // Assess: the script still dies of the signal, as it would without the hook.
  assert.equal(script.signal, 'SIGTERM', script.output);
  assert.ok(script.pid > 0, `no pid printed: ${script.output}`);
  await eventually(() => (isProcessAlive(script.pid) ? undefined : true), 2_000);
});

test('waitForUrl polls until the server is ready and reports progress meanwhile', async () => {
  // Prepare: not ready for the first three requests.
  let requests = 0;
  const server = createServer((_, response) => {
    requests++;
    response.writeHead(requests > 3 ? 200 : 503).end(requests > 3 ? 'ready' : 'warming up');
  });
  const port = await listen(server);
  const progress: string[] = [];

  try {
    // Act
    const result = await waitForUrl(`http://127.0.0.1:${port}/`, {
      timeoutMs: 5_000,
      intervalMs: 10,
      progressEveryMs: 0,
      onProgress: ({ last }) => progress.push(last),
    });

    // Assess
    assert.deepEqual(result, { status: 200, body: 'ready' });
    assert.equal(requests, 4);
    assert.deepEqual(progress, ['HTTP 503 warming up', 'HTTP 503 warming up', 'HTTP 503 warming up']);
  } finally {
    server.close();
  }
});

test('waitForUrl gives up at once when abortIf reports a failure', async () => {
  // Prepare: nothing listens on this port.
  const [port] = await freeLoopbackPorts(1);
  let checks = 0;
  const dead = new Error('the server process exited');

  // Act
  const waiting = waitForUrl(`http://127.0.0.1:${port}/`, {
    timeoutMs: 60_000,
    intervalMs: 10,
    abortIf: () => (++checks >= 3 ? dead : undefined),
  });

  // Assess
  await assert.rejects(waiting, (error) => error === dead);
  assert.equal(checks, 3);
});

test('waitForUrl times out with the last failure in its message', async () => {
  // Prepare
  const [port] = await freeLoopbackPorts(1);

  // Act
  const waiting = waitForUrl(`http://127.0.0.1:${port}/readyz`, { timeoutMs: 200, intervalMs: 20 });

  // Assess
  await assert.rejects(waiting, (error: Error) => {
    assert.ok(error instanceof WaitForUrlTimeoutError);
    assert.match(
      error.message,
      new RegExp(`127\\.0\\.0\\.1:${port}/readyz not ready after 200 ms .*ECONNREFUSED`),
    );
    return true;
  });
});

test('readFileTail returns whole lines from the end of a large file, and nothing for a missing one', () => {
  // Prepare
  const file = join(workDir, 'long.log');
  const lines = Array.from({ length: 2_000 }, (_, i) => `line ${i}`);
  writeFileSync(file, `${lines.join('\n')}\n`);

  // Act
  const tail = readFileTail(file, 100);

  // Assess
  assert.ok(tail.length <= 100);
  assert.ok(tail.endsWith('line 1999\n'));
  assert.match(tail, /^line \d+\n/, 'the tail starts with a complete line');
  assert.equal(readFileTail(join(workDir, 'missing.log')), '');
});

test('the real-component cache defaults to .cache/real in the repository and honours GSO_REAL_CACHE', () => {
  // Act
  const byDefault = realCacheRoot({});
  const absolute = realCacheRoot({ GSO_REAL_CACHE: join(workDir, 'cache') });
  const relative = realCacheRoot({ GSO_REAL_CACHE: 'elsewhere/cache' });

  // Assess
  assert.equal(byDefault, join(repoRoot, '.cache', 'real'));
  assert.equal(absolute, join(workDir, 'cache'));
  assert.equal(relative, join(repoRoot, 'elsewhere', 'cache'));
});
