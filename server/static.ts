import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy, contentTypeFor } from '../shared/protocol';

/**
 * Serves a built single-page app: files by path, `index.html` for app routes (paths
 * without a file extension), 404 for missing assets. Paths are decoded, normalised and
 * checked to stay inside the root (symbolic links included), so `..` cannot escape it.
 * Every answer carries the app's Content-Security-Policy (with `frame-ancestors 'none'`:
 * no other site may frame the app and trick clicks into it).
 */

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy({ dev: false }),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/** A resolved static root. */
export class StaticSite {
  private constructor(private readonly root: string) {}

  /** Opens `dir` as a site root; throws a clear error when it has no index.html. */
  static open(dir: string): StaticSite {
    const root = fs.realpathSync(dir);
    if (!fs.statSync(path.join(root, 'index.html'), { throwIfNoEntry: false })?.isFile()) {
      throw new Error(`${dir} has no index.html: build the app first (npm run build:renderer)`);
    }
    return new StaticSite(root);
  }

  /** Answers a GET/HEAD for `pathname` (already without the query). */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendText(res, 400, 'bad path');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      sendText(res, 400, 'bad path');
      return;
    }
    const file = this.resolveInside(decoded);
    if (file === null) {
      sendText(res, 404, 'not found');
      return;
    }
    const found = this.existingFile(file) ?? this.existingFile(path.join(file, 'index.html'));
    if (found !== null) {
      this.sendFile(req, res, found);
      return;
    }
    if (path.extname(decoded) === '') {
      // An app route such as /board/abc: the app's router takes it from here.
      this.sendFile(req, res, path.join(this.root, 'index.html'));
      return;
    }
    sendText(res, 404, 'not found');
  }

  private resolveInside(decoded: string): string | null {
    const file = path.resolve(this.root, `.${path.posix.normalize(`/${decoded}`)}`);
    return isInside(this.root, file) ? file : null;
  }

  private existingFile(file: string): string | null {
    try {
      const real = fs.realpathSync(file);
      return isInside(this.root, real) && fs.statSync(real).isFile() ? real : null;
    } catch {
      return null;
    }
  }

  private sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
    const name = path.basename(file);
    const hashedAsset = /[.-][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(name) && name !== 'index.html';
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': fs.statSync(file).size,
      'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}
