import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Environment variable that carries the token secret. */
export const SECRET_ENV = 'CXBOARD_SERVER_SECRET';
/** File in the data directory that holds a generated secret. */
export const SECRET_FILE = 'secret.key';
const MIN_SECRET_LENGTH = 16;

/** Where the secret came from, for the startup log. */
export type SecretSource = 'option' | 'env' | 'file' | 'generated';

/**
 * The HMAC secret for room tokens, from (first match wins) the explicit option, the
 * `CXBOARD_SERVER_SECRET` environment variable, or `<dataDir>/secret.key`, which is created
 * with 32 random bytes (mode 0600) on first run. The token CLI resolves it the same way,
 * so tokens minted with `--data-dir D` open a server started on `D`.
 */
export function resolveSecret(options: {
  secret?: string | undefined;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** When false, a missing secret file is an error instead of being generated. */
  create?: boolean;
}): { secret: Buffer; source: SecretSource } {
  const env = options.env ?? process.env;
  const given = options.secret ?? env[SECRET_ENV];
  if (given !== undefined && given !== '') {
    if (given.length < MIN_SECRET_LENGTH) {
      throw new Error(`the secret must be at least ${MIN_SECRET_LENGTH} characters long`);
    }
    return { secret: Buffer.from(given, 'utf8'), source: options.secret ? 'option' : 'env' };
  }
  const file = path.join(options.dataDir, SECRET_FILE);
  try {
    return { secret: readSecretFile(file), source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (options.create === false) {
    throw new Error(`no secret: ${file} does not exist (start the server once on this data directory)`);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secretHex = randomBytes(32).toString('hex');
  try {
    // 'wx' fails if another process created it meanwhile; then read theirs.
    fs.writeFileSync(file, `${secretHex}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { secret: readSecretFile(file), source: 'file' };
    throw error;
  }
  return { secret: Buffer.from(secretHex, 'utf8'), source: 'generated' };
}

function readSecretFile(file: string): Buffer {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < MIN_SECRET_LENGTH) {
    throw new Error(`${file} holds no usable secret (fewer than ${MIN_SECRET_LENGTH} characters)`);
  }
  return Buffer.from(text, 'utf8');
}
