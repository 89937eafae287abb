#!/usr/bin/env node
// Draws the add-in icons (assets/icon-16/32/64/80.png, logo-filled.png) without any dependency:
// shapes are described on a unit square, supersampled for anti-aliasing and written as PNG with zlib.
// Regenerate with: node scripts/make-icons.js
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Buffer } = require("buffer");

const TEAL = [14, 124, 123];
const TEAL_DARK = [10, 94, 93];
const WHITE = [255, 255, 255];

// ---- geometry on the unit square (x right, y down) ----

function roundedRectContains(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function strokeContains(x, y, points, width) {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    if (distanceToSegment(x, y, ax, ay, bx, by) <= width / 2) return true;
  }
  return false;
}

// Layers are painted in order; each is { color, alpha, contains(x, y) }.
function layersFor(size) {
  const small = size <= 16;
  const margin = small ? 0 : 0.03;
  const layers = [
    {
      color: TEAL,
      alpha: 1,
      contains: (x, y) => roundedRectContains(x, y, margin, margin, 1 - margin, 1 - margin, 0.2),
    },
  ];
  // A small rising bar chart in the lower left, behind the check mark; at 16 px it would only
  // blur the check, so the smallest icon is the check alone.
  const bars = small
    ? []
    : [
        [0.16, 0.28, 0.64],
        [0.33, 0.45, 0.52],
        [0.5, 0.62, 0.4],
      ];
  const floor = 0.82;
  for (const [x0, x1, top] of bars) {
    layers.push({
      color: WHITE,
      alpha: 0.42,
      contains: (x, y) => roundedRectContains(x, y, x0, top, x1, floor, 0.025),
    });
  }
  // The check mark, with a darker shadow so it stays legible over the bars.
  const check = small
    ? [
        [0.2, 0.52],
        [0.42, 0.74],
        [0.82, 0.3],
      ]
    : [
        [0.3, 0.52],
        [0.48, 0.7],
        [0.84, 0.28],
      ];
  const width = small ? 0.17 : 0.12;
  if (!small) {
    const shadow = check.map(([px, py]) => [px + 0.015, py + 0.025]);
    layers.push({ color: TEAL_DARK, alpha: 0.6, contains: (x, y) => strokeContains(x, y, shadow, width) });
  }
  layers.push({ color: WHITE, alpha: 1, contains: (x, y) => strokeContains(x, y, check, width) });
  return layers;
}

// ---- rasterise: average premultiplied colour over an n×n grid of samples per pixel ----

function render(size, samples = 8) {
  const layers = layersFor(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (!layer.contains(x, y)) continue;
            const la = layer.alpha;
            cr = layer.color[0] * la + cr * (1 - la);
            cg = layer.color[1] * la + cg * (1 - la);
            cb = layer.color[2] * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      rgba[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      rgba[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      rgba[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

// ---- PNG encoding ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  const outputs = [
    ["icon-16.png", 16],
    ["icon-32.png", 32],
    ["icon-64.png", 64],
    ["icon-80.png", 80],
    ["logo-filled.png", 300],
  ];
  for (const [name, size] of outputs) {
    const png = encodePng(size, size, render(size));
    fs.writeFileSync(path.join(outDir, name), png);
    console.log(`wrote assets/${name} (${size}×${size}, ${png.length} bytes)`);
  }
}

if (require.main === module) main();

module.exports = { render, encodePng };
