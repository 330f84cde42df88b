import { startMotoServer } from './moto-server.ts';

const mode = process.argv[2];
if (mode === 'missing') {
  try {
    await startMotoServer({ command: 'moto_server_nope' });
  } catch (e) {
    console.log((e as Error).name, (e as Error).message);
  }
} else if (mode === 'exit') {
  const m = await startMotoServer();
  console.log('started', m.endpoint);
  process.exit(0);
} else if (mode === 'crash') {
  const m = await startMotoServer();
  console.log('started', m.endpoint);
  throw new Error('boom');
} else if (mode === 'signal') {
  const m = await startMotoServer();
  console.log('started', m.endpoint);
  setInterval(() => {}, 1000);
} else if (mode === 'badport') {
  const a = await startMotoServer();
  try {
    await startMotoServer({ port: a.port, startTimeoutMs: 5000 });
  } catch (e) {
    console.log((e as Error).name, (e as Error).message.slice(0, 400));
  }
  await a.stop();
}
