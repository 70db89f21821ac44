import { fork } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMP_PREFIX, writeFileAtomic } from './atomic-write';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cx-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const OLD = new TextEncoder().encode('the previous good board');
const NEW = new Uint8Array(256 * 1024).map((_, i) => i % 251);

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const target = join(folder, 'board.cxboard');
    await writeFile(target, OLD);
    await writeFileAtomic(target, NEW);
    expect(new Uint8Array(await readFile(target))).toEqual(NEW);
    expect(await readdir(folder)).toEqual(['board.cxboard']);
  });

  it('creates the file when it does not exist', async () => {
    const target = join(folder, 'new.cxboard');
    await writeFileAtomic(target, NEW);
    expect(new Uint8Array(await readFile(target))).toEqual(NEW);
  });

  it('keeps the old file and removes its temporary file when the rename fails', async () => {
    const target = join(folder, 'board.cxboard');
    await writeFile(target, OLD);
    const failingRename = async () => {
      throw Object.assign(new Error('simulated I/O error'), { code: 'EIO' });
    };
    await expect(writeFileAtomic(target, NEW, { rename: failingRename })).rejects.toThrow(
      'simulated I/O error',
    );
    expect(new Uint8Array(await readFile(target))).toEqual(OLD);
    expect(await readdir(folder)).toEqual(['board.cxboard']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'b.cxboard'), NEW)).rejects.toThrow();
    expect(await readdir(folder)).toEqual([]);
  });

  it('leaves the old file intact when the process is killed between the temp write and the rename', async () => {
    const target = join(folder, 'board.cxboard');
    await writeFile(target, OLD);
    // The child runs the real module, bundled, and stops itself at the rename step;
    // the test then kills it with SIGKILL, as a crash or power loss would.
    const bundle = join(folder, 'writer.mjs');
    await build({
      stdin: {
        contents: `
          import { writeFileAtomic } from ${JSON.stringify(resolve('src-main/files/atomic-write.ts'))};
          const [target, size] = process.argv.slice(2);
          const bytes = new Uint8Array(Number(size)).map((_, i) => i % 251);
          await writeFileAtomic(target, bytes, {
            rename: () => { process.send('about-to-rename'); return new Promise(() => {}); },
          });`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const child = fork(bundle, [target, String(NEW.byteLength)], { stdio: 'ignore' });
    await new Promise<void>((done, fail) => {
      child.once('message', () => done());
      child.once('exit', (code) => fail(new Error(`writer exited early with ${code}`)));
    });
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;

    expect(new Uint8Array(await readFile(target))).toEqual(OLD);
    const leftovers = (await readdir(folder)).filter((name) => name.startsWith(TEMP_PREFIX));
    expect(leftovers).toHaveLength(1);
    // The leftover is the complete new content (it was fsynced), never a torn target.
    expect(new Uint8Array(await readFile(join(folder, leftovers[0]!)))).toEqual(NEW);
  });
});
