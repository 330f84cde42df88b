/**
 * The watcher image's Dockerfile, read as text (no container engine needed): a Node 22 build stage, and a
 * runtime stage on a Node 22 base holding only the bundle, run as the non-root user the Deployment expects.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** One Dockerfile instruction, continuation lines joined. */
interface Instruction {
  keyword: string;
  args: string;
}

/** A build stage: its FROM and what follows until the next FROM. */
interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages (comments and parser directives dropped, `\` continuations joined). */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    pending += pending ? ` ${line}` : line;
    if (pending.endsWith('\\')) pending = pending.slice(0, -1).trimEnd();
    else {
      logical.push(pending);
      pending = '';
    }
  }
  if (pending) logical.push(pending);
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [, image = '', name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ image, ...(name ? { name } : {}), instructions: [] });
    } else {
      assert.ok(stages.length > 0 || instruction.keyword === 'ARG', `${keyword} before the first FROM`);
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** `COPY [--flags] <src>… <dest>` → flags, sources, destination. */
function copyOf(instruction: Instruction): { flags: string[]; sources: string[]; dest: string } {
  const words = instruction.args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const dest = paths.pop();
  assert.ok(dest && paths.length > 0, `COPY ${instruction.args} has sources and a destination`);
  return { flags, sources: paths, dest };
}

/**
 * A Node 22 image with an explicit tag (a digest may follow): `node:22.x.y…` (exact release) or a
 * distroless `nodejs22` image.
 */
function isNode22(image: string): boolean {
  const reference = image.replace(/@sha256:[0-9a-f]{64}$/, '');
  return /(^|\/)node:22\.\d+\.\d+(-[\w.-]+)?$/.test(reference) || /\/nodejs22-\w+:[\w.-]+$/.test(reference);
}

describe('Dockerfile of the watcher image', () => {
  let stages: Stage[];
  let build: Stage;
  let runtime: Stage;

  before(() => {
    stages = parseDockerfile(readFileSync(join(repoRoot, 'infra', 'docker', 'watcher.Dockerfile'), 'utf8'));
    assert.ok(stages.length >= 2, 'a multi-stage build');
    build = stages[0] as Stage;
    runtime = stages.at(-1) as Stage;
  });

  const runtimeOf = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword);

  it('builds in one stage and runs from another, both on Node 22 images pinned to a tag', () => {
    // Act
    const images = stages.map((s) => s.image);

    // Assess
    assert.equal(stages.length, 2);
    assert.ok(build.name, 'the build stage is named, for COPY --from');
    for (const image of images) {
      assert.ok(isNode22(image), `${image} is a Node 22 image with an exact tag`);
      assert.doesNotMatch(image, /:latest$/);
    }
  });

  it('installs from the lockfile and bundles with the project build in the build stage', () => {
    // Act
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);

    // Assess
    assert.ok(
      runs.some((r) => /\bnpm ci\b/.test(r)),
      'npm ci',
    );
    assert.ok(
      runs.some((r) => /\bnpm run build\b/.test(r)),
      'npm run build',
    );
  });

  it('copies only the watcher bundle and its source map into the runtime stage', () => {
    // Act
    const copies = [...runtimeOf('COPY'), ...runtimeOf('ADD')].map(copyOf);

    // Assess
    assert.equal(copies.length, 1, 'one COPY');
    const [copy] = copies;
    assert.deepEqual(copy?.flags, [`--from=${build.name}`]);
    assert.deepEqual(copy?.sources.map((s) => posix.relative(posix.join(buildWorkdir(), 'dist'), s)).sort(), [
      'watcher/main.mjs',
      'watcher/main.mjs.map',
    ]);
  });

  it('has no package manager, no shell step and no npm in the runtime stage', () => {
    // Act
    const mentionsNpm = runtime.instructions.filter((i) => /\b(npm|npx|yarn|pnpm)\b/.test(i.args));

    // Assess
    assert.deepEqual(mentionsNpm, []);
    assert.deepEqual(runtimeOf('RUN'), []);
  });

  it('runs as the fixed non-root user and group the Deployment expects', () => {
    // Prepare
    const deployment = parse(readFileSync(join(repoRoot, 'infra/k8s/base/deployment.yaml'), 'utf8')) as {
      spec: { template: { spec: { securityContext: { runAsUser: number; runAsGroup: number } } } };
    };
    const { runAsUser, runAsGroup } = deployment.spec.template.spec.securityContext;

    // Act
    const users = runtimeOf('USER').map((i) => i.args);

    // Assess
    assert.equal(users.length, 1, 'one USER');
    const [uid, gid] = (users[0] ?? '').split(':');
    assert.match(uid ?? '', /^\d+$/, 'numeric, so the kubelet can check runAsNonRoot');
    assert.notEqual(Number(uid), 0);
    assert.equal(Number(uid), runAsUser);
    assert.equal(Number(gid), runAsGroup);
  });

  it('starts the copied bundle with node and source maps on', () => {
    // Prepare
    const workdir = runtimeOf('WORKDIR').at(-1)?.args ?? '/';
    const copy = copyOf(runtimeOf('COPY')[0] as Instruction);
    const bundle = posix.join(posix.resolve(workdir, copy.dest), 'main.mjs');

    // Act
    const entrypoint = runtimeOf('ENTRYPOINT').at(-1)?.args ?? '';

    // Assess
    assert.match(entrypoint, /^\[.*\]$/, 'exec form: node is PID 1 and receives SIGTERM');
    const command = JSON.parse(entrypoint) as string[];
    assert.match(command[0] ?? '', /(^|\/)node$/);
    assert.ok(command.includes('--enable-source-maps'));
    assert.equal(command.at(-1), bundle);
    assert.deepEqual(runtimeOf('CMD'), [], 'no CMD appending arguments to the watcher');
  });

  it('sends only the build inputs to the builder', () => {
    // Prepare
    const ignore = readFileSync(join(repoRoot, 'infra', 'docker', 'watcher.Dockerfile.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const copied = build.instructions
      .filter((i) => i.keyword === 'COPY')
      .flatMap((i) => copyOf(i).sources)
      .map((s) => s.replace(/\/$/, ''))
      .sort();

    // Act
    const allowed = ignore
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).replace(/\/$/, ''))
      .sort();

    // Assess
    assert.equal(ignore[0], '*', 'everything is left out unless listed');
    assert.deepEqual(allowed, copied);
  });

  /** The build stage's working directory, where `npm run build` writes dist/. */
  function buildWorkdir(): string {
    return build.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args ?? '/';
  }
});
