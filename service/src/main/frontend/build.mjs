// Bundles the console into the service's static resources (run by the Maven build, see service/pom.xml):
//   node build.mjs [--out <dir>] [--watch]
// Installs node_modules with `npm ci` first when they are missing or older than package-lock.json, so a build
// with unchanged dependencies does not touch the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = resolve(option('--out') ?? join(here, '../../../target/classes/static/console'));
const watch = args.includes('--watch');

function ensureModules() {
  const lock = join(here, 'package-lock.json');
  const installed = join(here, 'node_modules', '.package-lock.json'); // npm writes it at the end of an install
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
    return;
  }
  console.log('[console] node_modules missing or older than package-lock.json: npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('[console] npm ci failed' + (r.error ? ': ' + r.error.message : ''));
    process.exit(1);
  }
}

ensureModules();
const esbuild = await import('esbuild');

const options = {
  absWorkingDir: here,
  entryPoints: { console: 'src/main.js' },
  bundle: true,
  splitting: true, // the modeler and the properties panel load only when a manager opens them
  format: 'esm',
  target: ['es2020'],
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  minify: !watch,
  sourcemap: watch ? 'linked' : false,
  metafile: true,
  legalComments: 'linked', // the licences of the bundled packages travel with the bundle
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
  logLevel: 'warning',
};

/** index.html naming the hashed bundles. */
function writeIndex(metafile) {
  const outputs = Object.entries(metafile.outputs);
  const entry = (ext) => outputs.find(([, o]) => o.entryPoint === 'src/main.js' && ext === '.js')
    ?? outputs.find(([file]) => file.endsWith(ext) && /\/console-[^/]*$/.test(file));
  const url = (file) => relative(out, resolve(here, file)).split('\\').join('/');
  const js = entry('.js');
  const css = entry('.css');
  const template = readFileSync(join(here, 'src/index.html'), 'utf8');
  writeFileSync(join(out, 'index.html'), template
    .replace('<!--styles-->', css ? `<link rel="stylesheet" href="${url(css[0])}">` : '')
    .replace('<!--scripts-->', `<script type="module" src="${url(js[0])}"></script>`));
}

rmSync(join(out, 'assets'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
if (watch) {
  const ctx = await esbuild.context({
    ...options,
    plugins: [{ name: 'index', setup: (b) => b.onEnd((r) => r.metafile && writeIndex(r.metafile)) }],
  });
  await ctx.watch();
  console.log(`[console] watching, writing to ${out}`);
} else {
  const result = await esbuild.build(options);
  writeIndex(result.metafile);
  const size = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
  console.log(`[console] bundled into ${out} (${Math.round(size / 1024)} KiB)`);
}
