#!/usr/bin/env node
/**
 * Draws the Tiering logo (three ascending bars: the tiers) into assets/icon-{16,32,64,80,128}.png.
 *
 * Uses only Node's zlib, so the icons can be remade on any machine: `node scripts/make-icons.cjs`.
 * The PNGs are committed; rerun this only when the design changes.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 8; // samples per pixel edge, for smooth edges at 16 px

// Bars in a unit square (y grows downwards), left to right: the lowest tier to the highest.
const BOTTOM = 0.92;
const bars = [
  { x0: 0.08, x1: 0.32, top: 0.56, rgb: [0x62, 0xab, 0xf5] },
  { x0: 0.38, x1: 0.62, top: 0.33, rgb: [0x28, 0x86, 0xde] },
  { x0: 0.68, x1: 0.92, top: 0.08, rgb: [0x0f, 0x54, 0x8c] },
];
const RADIUS = 0.07;

/** The bar covering the unit-square point (x, y), or undefined. Corners are rounded. */
function barAt(x, y) {
  for (const bar of bars) {
    if (x < bar.x0 || x > bar.x1 || y < bar.top || y > BOTTOM) continue;
    const cx = Math.min(Math.max(x, bar.x0 + RADIUS), bar.x1 - RADIUS);
    const cy = Math.min(Math.max(y, bar.top + RADIUS), BOTTOM - RADIUS);
    if ((x - cx) ** 2 + (y - cy) ** 2 <= RADIUS * RADIUS) return bar;
  }
  return undefined;
}

/** RGBA pixels, premultiplied while averaging and then un-premultiplied. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const bar = barAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!bar) continue;
          r += bar.rgb[0];
          g += bar.rgb[1];
          b += bar.rgb[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
        pixels[o + 3] = Math.round((255 * covered) / n);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // bytes 10..12: deflate, adaptive filtering, no interlace (all zero)
  const rowLength = size * 4;
  const raw = Buffer.alloc((rowLength + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (rowLength + 1)] = 0; // filter: none
    rgba.copy(raw, y * (rowLength + 1) + 1, y * rowLength, (y + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
