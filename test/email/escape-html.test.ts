import { describe, expect, it } from 'vitest';
import { escapeHtml } from '#email/escape-html.js';

describe('escapeHtml', () => {
  it('turns a script tag into text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes ampersands, including ones that already look like entities', () => {
    expect(escapeHtml('Data & Analytics &amp;')).toBe('Data &amp; Analytics &amp;amp;');
  });

  it('escapes both quote kinds so a value cannot leave an attribute', () => {
    expect(escapeHtml(`" onmouseover='x'`)).toBe('&quot; onmouseover=&#39;x&#39;');
  });

  it('leaves ordinary text, including non-ASCII, unchanged', () => {
    expect(escapeHtml('Gus Pérez — 42')).toBe('Gus Pérez — 42');
  });
});
