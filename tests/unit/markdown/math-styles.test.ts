// src/styles/math.css draws what src/markdown/math/ writes: every class the renderer can put on
// MathML instead of an inline style has a rule, with the same declaration.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PALETTE_CLASSES, paletteClass } from '../../../src/markdown/math/colours.ts';
import { classForDeclaration, declarationClasses } from '../../../src/markdown/math/styles.ts';

const css = readFileSync('src/styles/math.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The declarations of every rule whose selector list names `.className` on its own. */
function declarationsOf(className: string): Map<string, string> {
  const declarations = new Map<string, string>();
  const rule = new RegExp(`(^|[},\\s])\\.${className}\\s*(,[^{]*)?\\{([^}]*)\\}`, 'g');
  for (const match of css.matchAll(rule)) {
    for (const part of match[3]!.split(';')) {
      const [property, ...value] = part.split(':');
      if (property?.trim() && value.length > 0) declarations.set(property.trim(), value.join(':').trim());
    }
  }
  return declarations;
}

/** Lengths compared as numbers ("5.9776pt" and "1.2999999999999996ex" as written by Temml). */
function sameValue(a: string, b: string): boolean {
  const number = /^(-?[\d.]+)([a-z%]*)(.*)$/;
  const [x, y] = [number.exec(a.trim()), number.exec(b.trim())];
  if (x && y && Number(x[1]) === 0 && Number(y[1]) === 0 && !x[3] && !y[3]) return true; // 0, 0em and 0pt
  if (x && y) return x[2] === y[2] && x[3]!.trim() === y[3]!.trim() && Math.abs(Number(x[1]) - Number(y[1])) < 0.005;
  return a.trim().replace(/^-webkit-/, '') === b.trim().replace(/^-webkit-/, ''); // Chromium's cell alignment
}

describe('math.css and the class table', () => {
  test.each([...declarationClasses()])('%s is drawn by .%s', (declaration, className) => {
    const [property, value] = [
      declaration.slice(0, declaration.indexOf(':')),
      declaration.slice(declaration.indexOf(':') + 1),
    ];
    const rules = declarationsOf(className);
    // padding-top and padding-bottom of \arraystretch share one padding-block rule.
    const written =
      rules.get(property) ?? (/^padding-(top|bottom)$/.test(property) ? rules.get('padding-block') : undefined);
    expect(written, `no rule .${className} { ${property}: … }`).toBeDefined();
    expect(sameValue(written!, value), `.${className} has ${property}: ${written}, Temml writes ${value}`).toBe(true);
  });

  test.each(PALETTE_CLASSES)('palette class .%s has a colour for light and dark', (className) => {
    const rules = declarationsOf(className);
    const colour = rules.get('color') ?? rules.get('background-color');
    expect(colour).toMatch(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$|^var\(--color-(fg|muted)\)$/);
  });

  test('a declaration with no class is not drawn', () => {
    expect(classForDeclaration('padding-left:3.1em')).toBeUndefined();
    expect(classForDeclaration('width:50%')).toBe('tml-w-half');
  });
});

describe('paletteClass', () => {
  test.each([
    ['#ff0000', 'tml-c-red'],
    ['#bf8040', 'tml-c-orange'], // xcolor's brown
    ['#ffff00', 'tml-c-yellow'],
    ['#00ff00', 'tml-c-green'],
    ['#007F7F', 'tml-c-teal'],
    ['#0000ff', 'tml-c-blue'],
    ['#800080', 'tml-c-purple'],
    ['#bf0040', 'tml-c-magenta'], // xcolor's purple
    ['black', 'tml-c-fg'],
    ['#808080', 'tml-c-muted'],
    ['white', 'tml-c-muted'],
    ['navy', 'tml-c-blue'],
  ])('%s becomes %s', (colour, className) => {
    expect(paletteClass(colour)).toBe(className);
  });

  test('what is not a colour has no class', () => {
    expect(paletteClass('url(x)')).toBeUndefined();
    expect(paletteClass('#12')).toBeUndefined();
  });
});
