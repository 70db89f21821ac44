import { describe, expect, it } from 'vitest';
import { ExternalLinks } from './external-links';
import type { ExternalLink } from './security';
import { stringsFor } from './strings';

/** The opener with a person who answers `answers` in turn; records what was asked and opened. */
function setUp(answers: boolean[]) {
  const asked: ExternalLink[] = [];
  const opened: string[] = [];
  const links = new ExternalLinks({
    openExternal: async (url) => {
      opened.push(url);
    },
    confirm: async (link) => {
      asked.push(link);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question about ${link.target}`);
      return answer;
    },
  });
  return { links, asked, opened };
}

describe('ExternalLinks', () => {
  it('asks before opening a link to a host not approved yet, and opens it only on yes', async () => {
    const { links, asked, opened } = setUp([false, true]);
    expect(await links.open('https://example.com/help')).toBe('declined');
    expect(opened).toEqual([]);
    expect(await links.open('https://example.com/help')).toBe('opened');
    expect(opened).toEqual(['https://example.com/help']);
    expect(asked).toEqual([
      { url: 'https://example.com/help', target: 'example.com' },
      { url: 'https://example.com/help', target: 'example.com' },
    ]);
  });

  it('does not ask again for an approved host in the same run, but does for another host or port', async () => {
    const { links, asked, opened } = setUp([true, true, false]);
    expect(await links.open('https://example.com/a')).toBe('opened');
    expect(await links.open('https://example.com/b?x=1')).toBe('opened');
    expect(await links.open('http://example.com:8080/')).toBe('opened');
    expect(await links.open('https://evil.example/')).toBe('declined');
    expect(asked.map((link) => link.target)).toEqual(['example.com', 'example.com:8080', 'evil.example']);
    expect(opened).toEqual([
      'https://example.com/a',
      'https://example.com/b?x=1',
      'http://example.com:8080/',
    ]);
  });

  it('asks about a mail link by its address', async () => {
    const { links, asked, opened } = setUp([true]);
    expect(await links.open('mailto:team@example.com?subject=Hi')).toBe('opened');
    expect(asked[0]!.target).toBe('team@example.com');
    expect(opened).toEqual(['mailto:team@example.com?subject=Hi']);
  });

  it('refuses anything but plain web and mail links without asking', async () => {
    const { links, opened } = setUp([]);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'app://bundle/index.html',
      'https://user:secret@example.com/',
      'ms-msdt:/id PCWDiagnostic',
      '',
    ]) {
      expect(await links.open(url)).toBe('refused');
    }
    expect(opened).toEqual([]);
  });

  it('has the question in English and Russian', () => {
    expect(stringsFor('en').dialogs.openLinkQuestion('example.com')).toContain('example.com');
    expect(stringsFor('ru').dialogs.openLinkQuestion('example.com')).toBe(
      'Открыть ссылку на «example.com» вне CX Board?',
    );
    expect(stringsFor('ru').dialogs.openLink).not.toBe(stringsFor('en').dialogs.openLink);
  });
});
