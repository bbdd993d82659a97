// The editors' client as a gate: yaml-language-server (what VS Code's YAML extension runs) checks
// YAML files against the committed schemas over LSP on stdio, as it does while an editor types.
//
// Usage: node tests/editor/lsp.mjs [STECKBRIEF]   (STECKBRIEF: the binary, to compare with `check`)
//
// A content root is assembled in a temporary folder from the repository's schemas/,
// .vscode/settings.json and example files; a correct profile (also in a grouped sub-folder),
// a translation, config.yaml, numbers.yaml and a UI-string file must get no diagnostic, and
// each planted mistake (the ones `check` rejects) must get at least one, on its line, in German
// (the schema's own messages for patterns; the server's for the rest, started with locale de as a
// German VS Code starts it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'steckbrief-lsp-'));

function copy(from, to) {
  fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  fs.copyFileSync(path.join(repo, from), path.join(root, to));
}
function write(to, text) {
  fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  fs.writeFileSync(path.join(root, to), text);
}

fs.cpSync(path.join(repo, 'schemas'), path.join(root, 'schemas'), { recursive: true });
const settings = JSON.parse(fs.readFileSync(path.join(repo, '.vscode/settings.json'), 'utf8'));

// A correct profile, with its first line pointing at the schema from two folder levels.
const profile = fs.readFileSync(path.join(repo, 'actors/jobcenter-merzig/profile.yaml'), 'utf8');
const profileBody = profile.split('\n').slice(1).join('\n');
const modeline = (depth, schema) =>
  `# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/${schema}.schema.json\n`;

/** file, text, lines [first, last] of the planted mistake (1-based) or null for a correct file, what. */
const cases = [];
function correct(file, text, what) {
  cases.push({ file, text, lines: null, what });
}
/** A profile with `from` replaced by `to`; the mistake is expected on the line of `to`. */
function mistake(file, from, to, what) {
  if (!profile.includes(from)) throw new Error(`the example profile has no ${JSON.stringify(from)}`);
  const text = profile.replace(from, to);
  const first = text.slice(0, text.indexOf(to.trimStart())).split('\n').length;
  cases.push({ file, text, lines: [first, first + to.trim().split('\n').length - 1], what });
}

correct('actors/jobcenter-merzig/profile.yaml', profile, 'the example profile');
correct('actors/stadt/jobcenter-kopie/profile.yaml', modeline(3, 'profile') + profileBody,
  'a profile in a grouped sub-folder');
copy('actors/jobcenter-merzig/en.yaml', 'actors/jobcenter-merzig/en.yaml');
correct('actors/jobcenter-merzig/en.yaml', fs.readFileSync(path.join(root, 'actors/jobcenter-merzig/en.yaml'), 'utf8'),
  'a translation');
correct('actors/wochentage/profile.yaml', profile.replace('days: Mo-Mi', 'days: Montag-Mittwoch').replace('days: Do', 'days: donnerstag')
  .replace('      times: ["08:00-12:00"]\n', '      times: ["08:00-12:00"]\n    - days: Sa\n      closed: true\n'),
  'weekdays written out (check accepts them too), a closed day');
// (Without the back cover's contact point, whose actor is not among these files.)
correct('config.yaml', fs.readFileSync(path.join(repo, 'config.yaml'), 'utf8').replace(/\n *contact_point: .*/, ''), 'config.yaml');
copy('theme/logo.svg', 'theme/logo.svg');
correct('content/numbers.yaml', fs.readFileSync(path.join(repo, 'content/numbers.yaml'), 'utf8'), 'numbers.yaml');
// No modeline: the schema comes from .vscode/settings.json's globs.
correct('i18n/en.yaml', fs.readFileSync(path.join(repo, 'i18n/en.yaml'), 'utf8'), 'a UI-string file (by glob)');
correct('actors/ohne-zeile/profile.yaml', profileBody, 'a profile without modeline (by glob)');

mistake('actors/a1/profile.yaml', 'topics: [', 'topics: [arbeit, ', 'a topic that config.yaml does not define');
mistake('actors/a2/profile.yaml', 'email: jobcenter-merzig@example.org',
  'email: jobcenter-merzig(at)example.org', 'an e-mail address with (at)');
mistake('actors/a3/profile.yaml', /last_reviewed: .*/.exec(profile)[0], 'last_reviewed: 15.06.2026',
  'a German date');
mistake('actors/a4/profile.yaml', /\nphone: .*/.exec(profile)[0], '\nphone: +49 06861 9012-0',
  'the trunk 0 after +49');
mistake('actors/a5/profile.yaml', 'address:', 'adress:\n  street: x\naddress:', 'an unknown field');
mistake('actors/a6/profile.yaml', /days: .*/.exec(profile)[0], 'days: Mon-Fri', 'English weekdays');
mistake('actors/a7/profile.yaml', /"\d\d:\d\d-\d\d:\d\d"/.exec(profile)[0], '"8-12"', 'a time without minutes');
mistake('actors/a8/profile.yaml', /postcode: .*/.exec(profile)[0], 'postcode: "6666"', 'a four-digit postcode');
mistake('actors/stadt/a9/profile.yaml', 'topics: [', 'topics: [arbeit, ',
  'a mistake in a grouped sub-folder');
cases[cases.length - 1].text = modeline(3, 'profile') + cases[cases.length - 1].text.split('\n').slice(1).join('\n');
mistake('actors/a11/profile.yaml', /\nsummary: .*/.exec(profile)[0], `\nsummary: Ein ${'x'.repeat(501)} Wort`,
  'a word of 501 characters');
mistake('actors/a12/profile.yaml', '      times: ["08:00-12:00"]\n', '      times: ["08:00-12:00"]\n      closed: true\n',
  'a closed day with times');
mistake('actors/a13/profile.yaml', '    - days: Do\n      times: ["08:00-12:30", "13:30-17:30"]\n', '    - days: Do\n',
  'an open day without times');
// A missing field: yaml-language-server's own "Missing property" is English even in German; the
// schema gives each required field a German message. Reported at the start of the document.
cases.push({ file: 'actors/a14/profile.yaml', text: profile.replace(/\nsummary: .*/, ''), lines: [1, 2],
  what: 'a profile without summary' });
mistake('actors/a10/profile.yaml', /\nwebsite: .*/.exec(profile)[0], '\nwebsite: www.example.org', 'a web address without https://');

for (const c of cases) write(c.file, c.text);

// --- LSP over stdio ---------------------------------------------------------------------------
const server = spawn(process.execPath, [path.join(here, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
let lastPublish = Date.now();
const yamlSettings = {
  validate: true,
  hover: true,
  completion: true,
  schemaStore: { enable: false },
  schemas: Object.fromEntries(
    Object.entries(settings['yaml.schemas']).map(([schema, globs]) => [
      pathToFileURL(path.join(root, schema)).href,
      globs,
    ]),
  ),
};

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}
function handle(message) {
  if (message.id !== undefined && pending.has(message.id) && message.method === undefined) {
    pending.get(message.id)(message.result);
    pending.delete(message.id);
  } else if (message.method === 'workspace/configuration') {
    send({ id: message.id, result: message.params.items.map((item) => (item.section === 'yaml' ? yamlSettings : {})) });
  } else if (message.method === 'textDocument/publishDiagnostics') {
    diagnostics.set(message.params.uri, message.params.diagnostics);
    lastPublish = Date.now();
  } else if (message.id !== undefined && message.method) {
    send({ id: message.id, result: null });
  }
}
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const header = buffer.indexOf('\r\n\r\n');
    if (header < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, header).toString())[1]);
    if (buffer.length < header + 4 + length) return;
    handle(JSON.parse(buffer.slice(header + 4, header + 4 + length).toString()));
    buffer = buffer.slice(header + 4 + length);
  }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await request('initialize', {
  processId: process.pid,
  // As a German VS Code starts it: the server's own messages are German then, ours always are.
  locale: 'de',
  rootUri: pathToFileURL(root).href,
  workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'content' }],
  capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
});
send({ method: 'initialized', params: {} });
send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: yamlSettings } } });
for (const c of cases) {
  c.uri = pathToFileURL(path.join(root, c.file)).href;
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri: c.uri, languageId: 'yaml', version: 1, text: c.text } } });
}
// Wait until every file has diagnostics and none came for a second (schemas load lazily).
const start = Date.now();
while (Date.now() - start < 60000) {
  await sleep(200);
  if (cases.every((c) => diagnostics.has(c.uri)) && Date.now() - lastPublish > 1000) break;
}

let failures = 0;

// What the editor shows while typing: the hover over a field is German, and completing a topic
// offers the ids of config.yaml with their German labels.
const example = cases[0];
const lines = example.text.split('\n');
const phoneLine = lines.findIndex((l) => l.startsWith('phone:'));
const hover = await request('textDocument/hover', {
  textDocument: { uri: example.uri },
  position: { line: phoneLine, character: 2 },
});
const hoverText = JSON.stringify(hover?.contents ?? '');
const hoverOk = hoverText.includes('Zentrale Telefonnummer mit Vorwahl');
if (!hoverOk) failures++;
console.log(`${hoverOk ? 'ok  ' : 'FAIL'} hover over phone: ${hoverText.slice(0, 160)}`);
const topicsLine = lines.findIndex((l) => l.startsWith('topics:'));
const blank = lines.slice();
blank[topicsLine] = 'topics:\n  - ';
const uri = pathToFileURL(path.join(root, 'actors/completion/profile.yaml')).href;
send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: blank.join('\n') } } });
const completion = await request('textDocument/completion', {
  textDocument: { uri },
  position: { line: topicsLine + 1, character: 4 },
});
const items = (Array.isArray(completion) ? completion : completion?.items ?? []).map((i) => i.label);
const completionOk = ['work', 'language', 'housing'].every((id) => items.includes(id));
if (!completionOk) failures++;
console.log(`${completionOk ? 'ok  ' : 'FAIL'} completing a topic offers: ${items.join(', ')}`);

for (const c of cases) {
  const found = diagnostics.get(c.uri);
  const shown = (found ?? []).map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ');
  const within = (line) => c.lines && line >= c.lines[0] && line <= c.lines[1];
  let ok;
  if (found === undefined) ok = false;
  else if (c.lines === null) ok = found.length === 0;
  else ok = found.some((d) => within(d.range.start.line + 1)) && found.every((d) => !/Unable to load schema|does not match|is not allowed|is not accepted|Incorrect type|Missing property/.test(d.message));
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.what} (${c.file}${c.lines ? `, line ${c.lines[0]}` : ''}): ${found === undefined ? 'no diagnostics published' : shown || 'no diagnostic'}`);
}

// The same files through `check`: it must agree (errors exactly on the planted mistakes).
const binary = process.argv[2];
if (binary) {
  const run = spawnSync(binary, ['check', '--root', root, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const errors = JSON.parse(run.stdout).diagnostics.filter((d) => d.severity === 'error');
  const onDisk = cases.filter((c) => fs.existsSync(path.join(root, c.file)));
  for (const c of onDisk) {
    const mine = errors.filter((d) => d.file === c.file);
    const ok = c.lines === null ? mine.length === 0 : mine.some((d) => d.line >= c.lines[0] && d.line <= c.lines[1]);
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} check agrees on ${c.what}: ${mine.map((d) => `line ${d.line}: ${d.message}`).join('; ') || 'no error'}`);
  }
  const elsewhere = errors.filter((d) => !onDisk.some((c) => c.file === d.file));
  if (elsewhere.length) failures++;
  for (const d of elsewhere) console.log(`FAIL check: unexpected error in ${d.file}: ${d.message}`);
}
await request('shutdown', null);
send({ method: 'exit' });
server.kill();
fs.rmSync(root, { recursive: true, force: true });
if (failures) {
  console.error(`${failures} of ${cases.length} files and 2 editor features were not as expected`);
  process.exit(1);
}
console.log(`yaml-language-server judged all ${cases.length} files as expected, in German${binary ? ', and check agrees' : ''}`);
