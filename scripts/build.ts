/**
 * `npm run build [-- <astro build flags>]`: `astro build` with the environment of
 * src/build-env.ts, which has to be set before the process starts. Exits as astro does.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { withBuildEnv } from '../src/build-env.ts';

const root = resolve(import.meta.dirname, '..');
const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
  cwd: process.cwd(),
  env: withBuildEnv(process.env),
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`could not start astro build: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
