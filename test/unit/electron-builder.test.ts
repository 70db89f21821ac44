import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * electron-builder.yml cannot be exercised here (packaging needs the Electron binary), so
 * this checks it the way electron-builder would before building: loaded by its own config
 * loader and validated against its own JSON schema, plus the project's requirements.
 */
const root = process.cwd();
const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
/** The parts of the configuration the checks below read. */
interface BuilderYaml {
  appId: string;
  productName: string;
  electronVersion: string;
  files: string[];
  extraMetadata: { main: string };
  publish: null;
  fileAssociations: { ext: string; name: string; mimeType: string }[];
  linux: { target: string[]; maintainer: string; mimeTypes: string[] };
  win: { target: string[] };
  mac: { target: string[]; entitlements: string };
  asar: boolean;
  electronFuses: Record<string, boolean>;
}
const config = parse(configText) as BuilderYaml;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

interface BuilderConfigApi {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: unknown,
  ): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
}
// Resolved from electron-builder's own dependencies, whichever way npm laid them out.
const fromBuilder = createRequire(
  createRequire(join(root, 'package.json')).resolve('electron-builder/package.json'),
);
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config.js') as BuilderConfigApi;
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron-builder.yml', () => {
  // The first call loads electron-builder's schema and validator (1.6 s here when idle, over
  // 5 s on a busy machine), hence the longer timeout.
  it('passes electron-builder’s own loader and schema validation', { timeout: 30_000 }, async () => {
    const loaded = await builderConfig.getConfig(root, 'electron-builder.yml', null);
    await expect(
      builderConfig.validateConfiguration(loaded, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('is rejected by that validation when an option is misspelt (the check can fail)', async () => {
    const broken = { ...config, linux: { ...config.linux, targets: ['AppImage'] } };
    await expect(builderConfig.validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.linux/,
    );
  });

  it('builds AppImage and deb for Linux, nsis for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    // deb needs a maintainer; package.json has no author email to take it from.
    expect(config.linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('associates .cxboard files with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'cxboard',
        name: expect.any(String),
        mimeType: 'application/x-cxboard',
      }),
    ]);
    expect(config.linux.mimeTypes).toContain('application/x-cxboard');
  });

  it('has the identity fields and ships the electron-vite output', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe(packageJson.productName);
    expect(config.files).toContain('out/**/*');
    expect(config.extraMetadata.main).toBe(packageJson.main);
    expect(packageJson.main).toBe('out/main/main.js');
    expect(config.publish).toBeNull();
  });

  it('flips the Electron fuses that keep the packaged binary from running other code', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('is rejected by that validation when a fuse is misspelt', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } };
    await expect(builderConfig.validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('pins the Electron version the lock file resolves', () => {
    expect(packageJson.optionalDependencies.electron).toBeDefined();
    expect(config.electronVersion).toBe(lock.packages['node_modules/electron'].version);
  });

  it('points at entitlements that exist and allow the workshop server', () => {
    const entitlements = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.network.server');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
  });
});
