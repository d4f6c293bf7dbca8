/**
 * Draws the two Teams app icons and writes them to teamsapp/:
 * - color.png, 192×192: two white figures (a mentor and a young person) on the scheme's teal;
 * - outline.png, 32×32: the same figures in white on a transparent background, as Teams requires.
 * Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed, so this only runs when the design changes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './lib/png.js';

type Shape = (x: number, y: number) => boolean;

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** The top half of an ellipse, cut flat at `floor`: shoulders and body. */
const shoulders = (cx: number, cy: number, rx: number, ry: number, floor: number): Shape => (x, y) =>
  y <= floor && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** Figures in a unit square; `inset` shrinks them towards the centre. */
function figures(inset: number): Shape {
  const s = (v: number) => inset + v * (1 - 2 * inset);
  const k = 1 - 2 * inset;
  const parts: Shape[] = [
    circle(s(0.36), s(0.27), 0.15 * k), // mentor's head
    shoulders(s(0.36), s(0.86), 0.27 * k, 0.42 * k, s(0.92)), // mentor's body
    circle(s(0.72), s(0.47), 0.11 * k), // young person's head
    shoulders(s(0.72), s(0.92), 0.2 * k, 0.32 * k, s(0.92)), // young person's body
  ];
  return (x, y) => parts.some((part) => part(x, y));
}

function render(size: number, shape: Shape, background: readonly [number, number, number] | undefined): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 6;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
        }
      }
      const coverage = hits / (samples * samples);
      const i = (py * size + px) * 4;
      if (background) {
        const [r, g, b] = background;
        pixels[i] = Math.round(r + (255 - r) * coverage);
        pixels[i + 1] = Math.round(g + (255 - g) * coverage);
        pixels[i + 2] = Math.round(b + (255 - b) * coverage);
        pixels[i + 3] = 255;
      } else {
        pixels[i] = 255;
        pixels[i + 1] = 255;
        pixels[i + 2] = 255;
        pixels[i + 3] = Math.round(255 * coverage);
      }
    }
  }
  return { width: size, height: size, pixels };
}

/** The manifest's accentColor, #1F6F78. */
const TEAL = [0x1f, 0x6f, 0x78] as const;

export function makeIcons(): { color: Buffer; outline: Buffer } {
  return {
    color: encodePng(render(192, figures(0.22), TEAL)),
    outline: encodePng(render(32, figures(0.03), undefined)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'teamsapp');
  const { color, outline } = makeIcons();
  writeFileSync(join(dir, 'color.png'), color);
  writeFileSync(join(dir, 'outline.png'), outline);
  console.log(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}
