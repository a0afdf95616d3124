// The Pacta playground. Every answer comes from pactaAsk, which the
// interpreter compiled to WebAssembly (pacta.wasm) puts on the page; this
// file only shows them. The session (files, pane, action, ledger) is kept
// in the link's fragment, so that a link reproduces it.
'use strict';

const $ = (id) => document.getElementById(id);
const panes = ['decide', 'settle', 'test', 'render', 'vet'];

// state is the session; it is what the link holds.
const state = {
  example: '',    // the example the session started from, if any
  files: [{ name: 'input.pacta', text: '' }],
  active: 0,      // the file in the editor
  pane: 'decide',
  action: '',
  asOf: '',
  ledger: '',
  period: '',
};

let data = { keywords: [], context_words: [], examples: [] };
let keywords = new Set();
let contextWords = new Set();
let ready = false;      // the interpreter is loaded
let problems = [];      // the problems of the last check
let checked = false;    // the last check found none

// ask puts a question to the interpreter with the session's sources.
function ask(question, extra) {
  const req = Object.assign({ sources: state.files.map((f) => ({ name: f.name, text: f.text })) }, extra || {});
  return JSON.parse(globalThis.pactaAsk(question, JSON.stringify(req)));
}

// ---- the link ----------------------------------------------------------

function toBase64URL(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64URL(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

function exampleNamed(name) {
  return data.examples.find((e) => e.name === name);
}

// encodeState writes the session as the fragment: s= base64url of JSON.
// The files and the ledger are left out while they are an example's own.
function encodeState() {
  const ex = exampleNamed(state.example);
  const o = { p: state.pane };
  if (ex) o.e = ex.name;
  const same = ex && ex.files.length === state.files.length &&
    ex.files.every((f, i) => f.name === state.files[i].name && f.text === state.files[i].text);
  if (!same) o.f = state.files.map((f) => [f.name, f.text]);
  if (state.active) o.i = state.active;
  if (state.action !== (ex ? ex.action : '')) o.a = state.action;
  if (state.ledger !== (ex ? ex.ledger : '')) o.l = state.ledger;
  if (state.asOf) o.d = state.asOf;
  if (state.period) o.r = state.period;
  return 's=' + toBase64URL(JSON.stringify(o));
}

// decodeState reads a fragment written by encodeState; false if it holds
// no session.
function decodeState(hash) {
  const m = /(?:^#|&)s=([A-Za-z0-9_-]+)/.exec(hash);
  if (!m) return false;
  let o;
  try {
    o = JSON.parse(fromBase64URL(m[1]));
  } catch (e) {
    showBanner('The link does not hold a session this page can read (' + e.message + ').', true);
    return false;
  }
  const ex = exampleNamed(o.e);
  state.example = ex ? ex.name : '';
  state.files = o.f ? o.f.map((f) => ({ name: String(f[0]), text: String(f[1]) }))
    : ex ? ex.files.map((f) => ({ name: f.name, text: f.text })) : [{ name: 'input.pacta', text: '' }];
  if (state.files.length === 0) state.files = [{ name: 'input.pacta', text: '' }];
  state.active = Math.min(o.i || 0, state.files.length - 1);
  state.pane = panes.includes(o.p) ? o.p : 'decide';
  state.action = o.a !== undefined ? String(o.a) : ex ? ex.action : '';
  state.ledger = o.l !== undefined ? String(o.l) : ex ? ex.ledger : '';
  state.asOf = o.d || '';
  state.period = o.r || '';
  return true;
}

let linkTimer = 0;
function saveLink() {
  clearTimeout(linkTimer);
  linkTimer = setTimeout(() => {
    history.replaceState(null, '', '#' + encodeState());
  }, 150);
}

// ---- highlighting and diagnostics ----------------------------------------

const tokenRE = new RegExp([
  '(\\/\\/[^\\n]*)',                                    // 1 comment
  '("(?:\\\\.|[^"\\\\])*"?)',                           // 2 string
  '([A-Z]{3}[ \\t]+\\d+(?:,\\d{3})*(?:\\.\\d+)?)',      // 3 money
  '(\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?|\\d{4}-Q[1-4]|\\d{4}-\\d{2}\\b)', // 4 date
  '(\\d+(?:\\.\\d+)*%?)',                               // 5 number, percent, clause number
  '([A-Za-z_][A-Za-z0-9_]*)',                           // 6 word
].join('|'), 'g');

function escapeHTML(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// offsetOf turns a line and a column (from 1, counted in characters, as
// Pacta's positions count them) into an index of text.
function offsetOf(text, line, col) {
  let i = 0;
  for (let l = 1; l < line; l++) {
    const j = text.indexOf('\n', i);
    if (j < 0) return text.length;
    i = j + 1;
  }
  for (let c = 1; c < col && i < text.length && text[i] !== '\n'; c++) {
    i += text.codePointAt(i) > 0xffff ? 2 : 1;
  }
  return i;
}

// spanAt is how much of text an underline at index i covers: the word,
// string or number there, else one character.
function spanAt(text, i) {
  const rest = text.slice(i, i + 200);
  const m = /^(?:"(?:\\.|[^"\\\n])*"?|[A-Za-z_][A-Za-z0-9_]*|\d[\d.,%-]*|\S)/.exec(rest);
  return m ? m[0].length : 0;
}

// highlight draws the active file with its tokens coloured and its
// problems underlined; each underline carries its line and column.
function highlight() {
  const file = state.files[state.active];
  const text = file.text;
  const n = text.length;
  const cls = new Array(n).fill('');
  tokenRE.lastIndex = 0;
  let m;
  while ((m = tokenRE.exec(text)) !== null) {
    let c = '';
    if (m[1]) c = 't-com';
    else if (m[2]) c = 't-str';
    else if (m[3]) c = 't-money';
    else if (m[4]) c = 't-date';
    else if (m[5]) c = 't-num';
    else if (m[6]) c = keywords.has(m[6]) ? 't-kw' : contextWords.has(m[6]) ? 't-ctx' : '';
    if (c) for (let k = m.index; k < m.index + m[0].length; k++) cls[k] = c;
  }
  const diag = new Array(n).fill(-1);
  const mine = [];
  problems.forEach((p, idx) => {
    if (p.file !== file.name || !p.line) return;
    const at = offsetOf(text, p.line, p.col || 1);
    const len = Math.max(spanAt(text, at), at < n ? 1 : 0);
    mine.push({ idx, at, len });
    for (let k = at; k < at + len && k < n; k++) if (diag[k] < 0) diag[k] = idx;
  });
  let html = '';
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && cls[j] === cls[i] && diag[j] === diag[i]) j++;
    let piece = escapeHTML(text.slice(i, j));
    if (cls[i]) piece = '<span class="' + cls[i] + '">' + piece + '</span>';
    if (diag[i] >= 0) {
      const p = problems[diag[i]];
      piece = '<mark class="diag" data-line="' + p.line + '" data-col="' + p.col + '" title="' +
        escapeHTML(p.message + (p.hint ? ' (' + p.hint + ')' : '')).replace(/"/g, '&quot;') + '">' + piece + '</mark>';
    }
    html += piece;
    i = j;
  }
  // A problem at the very end of the text (an unexpected end) is marked
  // by a space there.
  for (const d of mine) {
    if (d.at >= n) {
      const p = problems[d.idx];
      html += '<mark class="diag" data-line="' + p.line + '" data-col="' + p.col + '"> </mark>';
      break;
    }
  }
  // Two more lines than the text, so that the copy can scroll as far
  // as the textarea, whose horizontal scroll bar can take a line.
  $('hl').innerHTML = html + '\n\n';
  syncScroll();
}

function syncScroll() {
  const ta = $('src');
  const pre = document.querySelector('.editor pre');
  pre.scrollTop = ta.scrollTop;
  pre.scrollLeft = ta.scrollLeft;
}

// ---- checking ------------------------------------------------------------

let checkTimer = 0;
function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 200);
}

function check() {
  if (!ready) return;
  const r = ask('check');
  problems = r.problems || [];
  checked = r.ok;
  const st = $('status');
  if (r.ok) {
    st.textContent = '✓ ' + (r.agreements || []).join(', ') + ' checks';
    st.className = 'status ok';
  } else {
    const total = problems.length + (r.omitted || 0);
    st.textContent = total + (total === 1 ? ' problem' : ' problems');
    st.className = 'status bad';
  }
  const diags = $('diags');
  diags.textContent = '';
  if (!r.ok) {
    // The problems as pacta check prints them, each (from its
    // file:line:col line to the next) a link to its place.
    const pre = document.createElement('pre');
    pre.className = 'problems';
    const text = r.rendered || problems.map((p) => p.message).join('\n');
    for (const chunk of text.split(/\n(?=\S)/)) {
      const span = document.createElement('span');
      span.className = 'problem';
      span.textContent = chunk.endsWith('\n') ? chunk : chunk + '\n';
      const m = /^(.+?):(\d+):(\d+): /.exec(chunk);
      if (m) {
        span.title = 'Go to ' + m[1] + ':' + m[2] + ':' + m[3];
        span.addEventListener('click', () => goTo(m[1], +m[2], +m[3]));
      }
      pre.appendChild(span);
    }
    diags.appendChild(pre);
  }
  drawFiles();
  highlight();
  // Answers that are quick follow every edit; the document and vet are
  // made when their pane is opened or their button pressed.
  if (r.ok && ['decide', 'settle', 'test'].includes(state.pane)) answerPane();
}

// goTo puts the cursor at a position of a file.
function goTo(name, line, col) {
  const i = state.files.findIndex((f) => f.name === name);
  if (i < 0) return;
  if (i !== state.active) selectFile(i);
  const ta = $('src');
  const at = offsetOf(ta.value, line, col || 1);
  ta.focus();
  ta.setSelectionRange(at, at + spanAt(ta.value, at));
  // Bring the line into view, a third of the way down.
  const lh = parseFloat(getComputedStyle(ta).lineHeight);
  const top = (line - 1) * lh;
  if (top < ta.scrollTop || top > ta.scrollTop + ta.clientHeight - 2 * lh) {
    ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
  }
  syncScroll();
}

// ---- answers -------------------------------------------------------------

function showResult(r, textID, jsonID) {
  const out = $(textID);
  out.classList.toggle('error', !r.ok);
  if (r.ok) {
    out.textContent = r.text;
    if (jsonID) $(jsonID).textContent = r.json ? JSON.stringify(r.json, null, 2) : '';
  } else {
    out.textContent = problemText(r);
    if (jsonID) $(jsonID).textContent = '';
  }
}

// problemText says why a question was not answered, with the position.
function problemText(r) {
  if (r.problems && r.problems.length) {
    return 'The agreement has problems; see them under the editor.\n\n' + (r.rendered || '');
  }
  const e = r.error || { message: 'no answer' };
  let where = '';
  if (e.file && e.line) where = e.file + ':' + e.line + (e.col ? ':' + e.col : '') + ': ';
  let msg = e.message;
  if (where && msg.startsWith(where)) where = '';
  if (e.field && !msg.includes('"' + e.field + '"')) msg += ' (field ' + e.field + ')';
  return where + msg + (e.hint ? '\n  ' + e.hint : '');
}

function decide() {
  if (!ready) return;
  showResult(ask('decide', { action: state.action, as_of: state.asOf }), 'decision', 'decision-json');
}

function settle() {
  if (!ready) return;
  showResult(ask('settle', { ledger: state.ledger, period: state.period }), 'statement', 'statement-json');
}

function runTests() {
  if (!ready) return;
  const r = ask('test');
  showResult(r, 'tests');
}

function render() {
  if (!ready) return;
  const r = ask('render', { ledger: state.ledger, period: state.period });
  const frame = $('doc');
  if (r.ok) {
    frame.srcdoc = r.html;
  } else {
    frame.srcdoc = '<pre style="color:#b3261e;white-space:pre-wrap">' + escapeHTML(problemText(r)) + '</pre>';
  }
}

function vet() {
  if (!ready) return;
  const r = ask('vet');
  const box = $('findings');
  box.textContent = '';
  if (!r.ok) {
    const pre = document.createElement('pre');
    pre.className = 'out error';
    pre.textContent = problemText(r);
    box.appendChild(pre);
    return;
  }
  const rep = r.json;
  const sum = document.createElement('p');
  sum.textContent = rep.errors + ' errors, ' + rep.warnings + ' warnings, ' + rep.infos + ' notes';
  box.appendChild(sum);
  for (const f of rep.findings) {
    const div = document.createElement('div');
    div.className = 'finding ' + f.severity;
    const pos = document.createElement('div');
    pos.className = 'pos';
    pos.textContent = f.pos + ' · ' + f.severity + ' · ' + f.kind;
    const m = /^(.*):(\d+):(\d+)$/.exec(f.pos);
    if (m) pos.addEventListener('click', () => goTo(m[1], +m[2], +m[3]));
    const msg = document.createElement('div');
    msg.textContent = f.message;
    div.append(pos, msg);
    if (f.witness) {
      const w = document.createElement('div');
      w.className = 'note';
      w.textContent = f.witness.answer;
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Decide this action';
      b.addEventListener('click', () => {
        state.action = JSON.stringify(f.witness.action);
        state.asOf = f.witness.as_of || '';
        $('action').value = state.action;
        $('asof').value = state.asOf;
        selectPane('decide');
        saveLink();
      });
      div.append(w, b);
    }
    box.appendChild(div);
  }
}

const answerers = { decide, settle, test: runTests, render, vet };

// answerPane answers the question of the pane shown, when the sources
// check and the pane has what it needs.
function answerPane() {
  if (!ready || !checked) return;
  if (state.pane === 'decide' && !state.action.trim()) return;
  if (state.pane === 'settle' && !state.ledger.trim()) return;
  answerers[state.pane]();
}

// ---- the page ------------------------------------------------------------

function showBanner(msg, isError) {
  const b = $('banner');
  b.hidden = !msg;
  b.textContent = msg || '';
  b.classList.toggle('error', !!isError);
}

function selectPane(name) {
  state.pane = name;
  for (const b of document.querySelectorAll('.tabs button')) {
    b.classList.toggle('on', b.dataset.pane === name);
    b.setAttribute('aria-selected', b.dataset.pane === name);
  }
  for (const p of panes) $('pane-' + p).hidden = p !== name;
  answerPane();
}

function drawFiles() {
  const box = $('files');
  box.textContent = '';
  state.files.forEach((f, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.textContent = f.name.replace(/^.*\//, '');
    b.title = f.name;
    const n = problems.filter((p) => p.file === f.name).length;
    if (n) {
      const badge = document.createElement('span');
      badge.className = 'count';
      badge.textContent = n;
      badge.title = n + (n === 1 ? ' problem' : ' problems');
      b.appendChild(badge);
    }
    b.classList.toggle('on', i === state.active);
    b.addEventListener('click', () => selectFile(i));
    box.appendChild(b);
  });
}

function selectFile(i) {
  state.active = i;
  $('src').value = state.files[i].text;
  drawFiles();
  highlight();
  saveLink();
}

function drawExamples() {
  const nav = $('examples');
  nav.textContent = '';
  for (const ex of data.examples) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = ex.name;
    b.title = ex.title;
    b.dataset.example = ex.name;
    b.classList.toggle('on', ex.name === state.example);
    b.addEventListener('click', () => loadExample(ex.name));
    nav.appendChild(b);
  }
}

function loadExample(name) {
  const ex = exampleNamed(name);
  if (!ex) return;
  state.example = ex.name;
  state.files = ex.files.map((f) => ({ name: f.name, text: f.text }));
  state.active = 0;
  state.action = ex.action;
  state.ledger = ex.ledger;
  state.asOf = '';
  state.period = '';
  for (const id of ['decision', 'decision-json', 'statement', 'statement-json', 'tests', 'findings']) $(id).textContent = '';
  $('doc').srcdoc = '';
  fill();
  saveLink();
}

// fill shows the session in the page.
function fill() {
  $('src').value = state.files[state.active].text;
  $('action').value = state.action;
  $('asof').value = state.asOf;
  $('ledger').value = state.ledger;
  $('period').value = state.period;
  problems = [];
  drawFiles();
  drawExamples();
  highlight();
  selectPane(state.pane);
  check();
}

function wire() {
  const src = $('src');
  src.addEventListener('input', () => {
    state.files[state.active].text = src.value;
    highlight();
    scheduleCheck();
    saveLink();
  });
  src.addEventListener('scroll', syncScroll);
  src.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      document.execCommand('insertText', false, '  ');
    }
  });
  for (const [id, key] of [['action', 'action'], ['asof', 'asOf'], ['ledger', 'ledger'], ['period', 'period']]) {
    $(id).addEventListener('input', () => { state[key] = $(id).value; saveLink(); });
  }
  $('decide').addEventListener('click', decide);
  $('settle').addEventListener('click', settle);
  $('test').addEventListener('click', runTests);
  $('render').addEventListener('click', render);
  $('vet').addEventListener('click', vet);
  for (const b of document.querySelectorAll('.tabs button')) {
    b.addEventListener('click', () => { selectPane(b.dataset.pane); saveLink(); });
  }
  $('share').addEventListener('click', () => {
    clearTimeout(linkTimer);
    history.replaceState(null, '', '#' + encodeState());
    const link = $('link');
    link.hidden = false;
    link.value = location.href;
    link.select();
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(() => {});
  });
  window.addEventListener('hashchange', () => {
    if (decodeState(location.hash)) fill();
  });
}

// loadInterpreter loads wasm_exec.js and pacta.wasm; a server that could
// not build them says why, and the page shows it.
async function loadInterpreter() {
  const execResp = await fetch('wasm_exec.js');
  if (!execResp.ok) throw new Error(await execResp.text());
  const script = document.createElement('script');
  script.textContent = await execResp.text();
  document.head.appendChild(script);
  const go = new Go();
  const resp = await fetch('pacta.wasm');
  if (!resp.ok) throw new Error(await resp.text());
  const bytes = await resp.arrayBuffer();
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  const started = new Promise((resolve) => { globalThis.pactaReady = resolve; });
  go.run(instance);
  await started;
}

async function main() {
  wire();
  try {
    const resp = await fetch('playground.json');
    if (!resp.ok) throw new Error('playground.json: ' + resp.status);
    data = await resp.json();
  } catch (e) {
    showBanner('Could not load the examples: ' + e.message, true);
  }
  keywords = new Set(data.keywords);
  contextWords = new Set(data.context_words);
  if (!decodeState(location.hash)) {
    const first = exampleNamed('openai-microsoft-aws') || data.examples[0];
    if (first) loadExample(first.name);
  }
  fill();
  showBanner('Loading the interpreter…');
  const slow = setTimeout(() => {
    if (!ready) showBanner('Loading the interpreter… (pacta serve builds it on its first visit: that can take a minute)');
  }, 3000);
  try {
    await loadInterpreter();
  } catch (e) {
    clearTimeout(slow);
    showBanner('The interpreter could not be loaded: ' + e.message, true);
    return;
  }
  clearTimeout(slow);
  ready = true;
  document.body.dataset.ready = 'true';
  showBanner('');
  check();
}

main();
