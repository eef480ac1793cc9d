import { describe, expect, it } from 'vitest';
import { parseSigningSecret, SigningSecretFormatError } from '#links/token/signing-keys.js';

const A = `${'a'.repeat(31)}A`;
const B = `${'b'.repeat(31)}B`;

describe('parseSigningSecret', () => {
  it('reads a plain key, the generated {"current"} form and a rotation', () => {
    const plain = parseSigningSecret(`${A}\n`);
    expect(plain.current.secret.toString()).toBe(A);
    expect(plain.previous).toBeUndefined();
    expect(parseSigningSecret(JSON.stringify({ current: A })).current.id).toBe(plain.current.id);
    const rotated = parseSigningSecret(JSON.stringify({ current: B, previous: A }));
    expect(rotated.current.id).not.toBe(plain.current.id);
    expect(rotated.previous?.id).toBe(plain.current.id);
    expect(parseSigningSecret(JSON.stringify({ current: A, previous: '' })).previous).toBeUndefined();
  });

  it('derives an 8-character id that is not the key', () => {
    const { current } = parseSigningSecret(A);
    expect(current.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(A).not.toContain(current.id);
  });

  it.each([
    ['a short key', 'too-short'],
    ['an empty value', ''],
    ['broken JSON', '{"current": '],
    ['JSON without current', JSON.stringify({ previous: A })],
    ['an unknown field', JSON.stringify({ current: A, next: B })],
    ['a short previous key', JSON.stringify({ current: A, previous: 'short' })],
  ])('refuses %s, without quoting the value', (_name, value) => {
    const error = (() => {
      try {
        parseSigningSecret(value);
      } catch (e) {
        return e;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(SigningSecretFormatError);
    if (value.length > 2) expect((error as Error).message).not.toContain(value);
    expect((error as Error).message).not.toContain(A);
  });
});
