import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { contentTypeFor } from '../shared/protocol';

/** An answer of the `app://` protocol handler. */
export interface AssetResponse {
  status: number;
  contentType: string;
  // Backed by a plain ArrayBuffer, as a `Response` body must be.
  body: Uint8Array<ArrayBuffer>;
}

const notFound = (): AssetResponse => ({
  status: 404,
  contentType: 'text/plain; charset=utf-8',
  body: new TextEncoder().encode('Not found'),
});

/**
 * Serves the built renderer for `app://bundle/<path>`: the file under `root`, or
 * index.html for app routes (paths without an extension). Decoded, normalised and checked
 * against the real root (symbolic links included), so no request can read outside it.
 */
export async function serveAppAsset(root: string, requestUrl: string): Promise<AssetResponse> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return notFound();
  }
  if (pathname.includes('\0')) return notFound();
  const realRoot = await realpath(root);
  const wanted = resolve(realRoot, `.${pathname}`);
  const target = extname(pathname) === '' ? await indexFallback(wanted, realRoot) : wanted;
  try {
    const real = await realpath(target);
    const inside = relative(realRoot, real);
    if (inside.startsWith(`..${sep}`) || inside === '..' || resolve(realRoot, inside) !== real)
      return notFound();
    if (!(await stat(real)).isFile()) return notFound();
    return {
      status: 200,
      contentType: contentTypeFor(real),
      body: new Uint8Array(await readFile(real)),
    };
  } catch {
    return notFound();
  }
}

async function indexFallback(wanted: string, root: string): Promise<string> {
  try {
    if ((await stat(wanted)).isFile()) return wanted;
  } catch {
    // Not a file: an app route.
  }
  return join(root, 'index.html');
}
