/**
 * `\color{…}` in a formula, mapped to the site's palette. An author's red must stay red in dark
 * mode and legible on every surface, so a colour becomes the class of the nearest palette hue
 * (src/styles/math.css defines each as a light-dark() pair at ≥ 4.5:1 on the page and on
 * callouts); greys and black become the text colour or the muted text colour.
 */

/** Palette hues in degrees, and the class each one gets. */
const HUES: ReadonlyArray<readonly [number, string]> = [
  [0, 'red'],
  [30, 'orange'],
  [50, 'yellow'],
  [120, 'green'],
  [180, 'teal'],
  [215, 'blue'],
  [290, 'purple'],
  [330, 'magenta'],
];

/** Every class {@link paletteClass} can return, for the stylesheet test. */
export const PALETTE_CLASSES: readonly string[] = [...HUES.map(([, name]) => name), 'fg', 'muted'].flatMap((name) => [
  `tml-c-${name}`,
  `tml-bg-${name}`,
]);

/** CSS colour names the renderer passes through as written (it turns xcolor's others into hex). */
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  red: '#ff0000',
  maroon: '#800000',
  orange: '#ffa500',
  yellow: '#ffff00',
  olive: '#808000',
  lime: '#00ff00',
  green: '#008000',
  teal: '#008080',
  aqua: '#00ffff',
  cyan: '#00ffff',
  blue: '#0000ff',
  navy: '#000080',
  purple: '#800080',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
  violet: '#ee82ee',
  pink: '#ffc0cb',
  brown: '#a52a2a',
};

/** `#rgb`, `#rrggbb` or a CSS colour name (what the renderer writes) as 0–1 channels. */
function channels(colour: string): [number, number, number] | undefined {
  const written = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(NAMED[written] ?? written)?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16) / 255) as [number, number, number];
}

/**
 * The palette class for a CSS colour the renderer wrote (`#ff0000`, `#007F7F`…), or undefined
 * when it is not a colour this function can read.
 */
export function paletteClass(colour: string): string | undefined {
  const rgb = channels(colour);
  if (!rgb) return undefined;
  const max = Math.max(...rgb);
  const min = Math.min(...rgb);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma < 0.15) return lightness < 0.3 ? 'tml-c-fg' : 'tml-c-muted';
  const [r, g, b] = rgb;
  let hue = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  hue = (hue * 60 + 360) % 360;
  const distance = (a: number) => Math.min(Math.abs(a - hue), 360 - Math.abs(a - hue));
  let best = HUES[0]!;
  for (const entry of HUES) if (distance(entry[0]) < distance(best[0])) best = entry;
  return `tml-c-${best[1]}`;
}
