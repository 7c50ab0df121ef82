import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/electron/contentSecurityPolicy';

const INDEX_HTML = path.resolve(__dirname, '../../src/renderer/index.html');

/** The directives of a policy, in a stable order. */
function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .sort();
}

describe("the page's own Content-Security-Policy", () => {
  // A page loaded from file:// may not get the header, so the meta tag must be
  // as strict as the header; frame-ancestors is the one directive a meta tag
  // cannot carry.
  it('is the browser-mode header policy, less frame-ancestors', () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

    const expected = directives(contentSecurityPolicy('browser')).filter(
      (directive) => !directive.startsWith('frame-ancestors'),
    );
    expect(meta && directives(meta)).toEqual(expected);
  });

  it('lets no inline style or script in', () => {
    const policy = contentSecurityPolicy('electron');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });
});
