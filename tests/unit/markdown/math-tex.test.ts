// What editors write, read as MathJax-based blogs read it (src/markdown/math/tex.ts).
import { describe, expect, test } from 'vitest';
import { explainTexError, normalizeTex } from '../../../src/markdown/math/tex.ts';

describe('normalizeTex', () => {
  test.each([
    ['a curly apostrophe is a prime', 'f’(x) + g’’(y)', "f'(x) + g''(y)"],
    ['but an apostrophe inside \\text', '\\text{Bayes’ rule} + f’', "\\text{Bayes’ rule} + f'"],
    [
      'an underscore inside \\text is a letter',
      '\\text{learning_rate} \\cdot x_1',
      '\\text{learning\\_rate} \\cdot x_1',
    ],
    [
      'also in \\textbf and \\mbox, and nested groups',
      '\\textbf{a_{b}} \\mbox{c_d}',
      '\\textbf{a\\_{b}} \\mbox{c\\_d}',
    ],
    ['math inside \\text is math again', '\\text{if $x_i$ has a_b}', '\\text{if $x_i$ has a\\_b}'],
    ['a command after ^ or _ gets its braces', 'Q^\\vec{\\mu} + x_\\mathbf{i}', 'Q^{\\vec{\\mu}} + x_{\\mathbf{i}}'],
    ['with all its arguments', 'e^\\frac{1}{2} + y^\\sqrt[3]{x}', 'e^{\\frac{1}{2}} + y^{\\sqrt[3]{x}}'],
    ['a command without arguments is left alone', 'x^\\prime + y_\\alpha', 'x^\\prime + y_\\alpha'],
    ['an escaped underscore stays one', '\\text{a\\_b}', '\\text{a\\_b}'],
  ])('%s', (_name, written, read) => {
    expect(normalizeTex(written)).toBe(read);
  });

  test('TeX that is already valid is unchanged', () => {
    for (const tex of [
      '\\frac{a}{b}',
      '\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}',
      "f'(x)",
      'x_{i,j}^{2}',
      '\\{x\\}',
    ])
      expect(normalizeTex(tex)).toBe(tex);
  });
});

describe('explainTexError', () => {
  test('drops the position drawing and adds the fix', () => {
    expect(explainTexError('ParseError:  Double superscript at position 4: \nx^2^̲3')).toBe(
      'Double superscript (write x^{2^3} or {x^2}^3)',
    );
  });

  test('an unknown refusal still tells the editor what to do', () => {
    expect(explainTexError('Something new')).toBe('Something new (fix the formula; write words inside \\text{…})');
  });
});
