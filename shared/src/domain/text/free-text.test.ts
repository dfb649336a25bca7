import fc from 'fast-check';
import { codePointLength, freeTextProblem, hasLoneSurrogate, truncateText } from './free-text';

describe('free text', () => {
  it('counts characters in code points: an emoji or a rare Han character is one character', () => {
    expect(codePointLength('𠀋💉挂号')).toBe(4);
    expect('𠀋💉挂号'.length).toBe(6);
  });

  it('refuses control characters, bidi overrides, lone surrogates and blanks; allows newlines only where multiline', () => {
    const rule = { min: 2, max: 10 };
    expect(freeTextProblem('a\u0000b', rule)).toBe('control');
    expect(freeTextProblem('a\u0085b', rule)).toBe('control');
    expect(freeTextProblem('ab\u202ecd', rule)).toBe('control');
    expect(freeTextProblem('a\nb', rule)).toBe('control');
    expect(freeTextProblem('a\nb', { ...rule, multiline: true })).toBeUndefined();
    expect(freeTextProblem('a\tb', { ...rule, multiline: true })).toBe('control');
    expect(freeTextProblem('ab\ud800', rule)).toBe('invalid_unicode');
    expect(freeTextProblem('\udc00ab', rule)).toBe('invalid_unicode');
    expect(freeTextProblem('', rule)).toBe('blank');
    expect(freeTextProblem('a', rule)).toBe('too_short');
    expect(freeTextProblem('💉'.repeat(10), rule)).toBeUndefined();
    expect(freeTextProblem('💉'.repeat(11), rule)).toBe('too_long');
  });

  it('truncation never splits a character and keeps within the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (text, max) => {
          // Act
          const cut = truncateText(text, max, '…');
          // Assess
          expect(hasLoneSurrogate(cut)).toBe(false);
          expect(codePointLength(cut)).toBeLessThanOrEqual(Math.max(max, 0));
          if (codePointLength(text) <= max) expect(cut).toBe(text);
          else expect(text.startsWith(cut.replace(/…$/, ''))).toBe(true);
        },
      ),
    );
  });

  it('a cut that falls inside a surrogate pair drops the whole character (the reported split)', () => {
    // Prepare: UTF-16 slice(0, 3) of 'ab💉' would leave half of the emoji.
    const text = 'ab💉cd';
    // Act / Assess
    expect(hasLoneSurrogate(text.slice(0, 3))).toBe(true);
    expect(truncateText(text, 3)).toBe('ab💉');
    expect(truncateText(text, 3, '…')).toBe('ab…');
  });
});
