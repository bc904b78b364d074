#!/usr/bin/env node
/**
 * Builds the verification page's browser assets into dist/web/assets (served at /v/assets/):
 * the page script bundled with esbuild from src/web/browser (which imports the server's own
 * pure verifier, src/signing/qr-token.ts, and jose's Web Crypto build), jsQR and pdf.js as
 * chunks loaded only when a file is chosen, pdf.js's worker, and templates/web/assets as is.
 * Part of `npm run build`.
 */
const esbuild = require('esbuild');
const { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const out = join(root, 'dist', 'web', 'assets');

function sizes(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && !path.endsWith('.map'))
    .map((path) => `  ${relative(root, path).padEnd(50)} ${(statSync(path).size / 1024).toFixed(1).padStart(8)} KiB`);
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { verify: 'src/web/browser/verify-page.ts' },
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // Phones of the last few years: iOS 15.4+ Safari, Chrome and its Android WebViews.
    target: ['es2022', 'chrome100', 'safari15.4', 'firefox100'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  cpSync(join(root, 'templates', 'web', 'assets'), out, { recursive: true });
  // The worker must be a separate file; .js so every server sends it as JavaScript.
  copyFileSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), join(out, 'pdf.worker.js'));
  if (process.argv.includes('--sizes')) console.log(sizes(out).join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
