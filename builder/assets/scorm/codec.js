/* Course Builder SCORM shell: the suspend_data codec (contract: docs/lms.md).

   The learner's record is every "cb:<course>:v1:<key>" item of the runtime (docs/learner.md).
   encode(): keys, question ids and page paths become short indexes into the course's sorted ids
   (the "dictionary", from window.CB_MANIFEST; its fingerprint travels along), ISO times become
   seconds in base 36 (times keep whole seconds), answer texts the course knows become indexes, then JSON, raw deflate (the browser's CompressionStream) and base 85
   (to85): "C2" + fingerprint + ":" + text. ASCII only, as SCORM 1.2's CMIString4096 requires. Apart from
   the milliseconds of times, every transformation is exact: a string that could be mistaken for
   a code is escaped with "^".
   pack() fits the record into a limit by leaving out reflections, longest first. */
(function (global) {
"use strict";

const EPOCH = Date.UTC(2020, 0, 1), ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, SECOND = 1000;

function dictionary(M, texts) { // texts: answer texts the course knows (matching, cloze, short answers)
  const pages = M.modules.flatMap(m => m.pages.map(p => p.id)).sort();
  texts = [...new Set(texts || [])].sort();
  const quizzes = Object.keys(M.quizzes).sort();
  const questions = quizzes.map(id => M.quizzes[id].questions.map(q => q.id));
  const text = JSON.stringify([pages, quizzes, questions, texts]);
  let h = 2166136261; // FNV-1a: a course whose ids changed cannot read an older record's indexes
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  const index = a => Object.fromEntries(a.map((x, i) => [x, i.toString(36)]));
  return {pages, quizzes, questions, texts, fp: h.toString(36), pageAt: index(pages), quizAt: index(quizzes), textAt: index(texts),
    questionAt: questions.map(index)};
}

function squeezeString(s, D) {
  if (ISO.test(s) && Date.parse(s) >= EPOCH) return "~" + Math.floor((Date.parse(s) - EPOCH) / SECOND).toString(36);
  if (s in D.pageAt) return "@" + D.pageAt[s];
  if (s in D.textAt) return "%" + D.textAt[s];
  return /^[~@%^*]/.test(s) ? "^" + s : s;
}
function growString(s, D) {
  if (s[0] === "~") return new Date(EPOCH + parseInt(s.slice(1), 36) * SECOND).toISOString();
  if (s[0] === "@") return D.pages[parseInt(s.slice(1), 36)];
  if (s[0] === "%") return D.texts[parseInt(s.slice(1), 36)];
  return s[0] === "^" ? s.slice(1) : s;
}

function walk(v, D, ids, str, key) { // ids: {question id: code} of the quiz this value belongs to
  if (typeof v === "string") return str(v, D);
  if (Array.isArray(v)) return v.map(x => walk(x, D, ids, str, key));
  if (!v || typeof v !== "object") return v;
  const out = {};
  for (const k in v) out[key(k, ids)] = walk(v[k], D, ids, str, key);
  return out;
}
const squeezeKey = (k, ids) => (ids && k in ids ? "*" + ids[k] : /^[*^]/.test(k) ? "^" + k : k);
const growKey = ids => k => (k[0] === "*" ? ids[parseInt(k.slice(1), 36)] : k[0] === "^" ? k.slice(1) : k);

/* Times as differences from the time before them (in the order JSON writes them): visits a few
   minutes apart take two or three characters instead of six. */
function deltas(v, back, state) {
  if (typeof v === "string" && v[0] === "~") {
    const n = parseInt(v.slice(1), 36), abs = back ? state.last + n : n;
    const out = "~" + (back ? abs : n - state.last).toString(36);
    state.last = abs;
    return out;
  }
  if (Array.isArray(v)) return v.map(x => deltas(x, back, state));
  if (!v || typeof v !== "object") return v;
  const out = {};
  for (const k in v) out[k] = deltas(v[k], back, state);
  return out;
}

function squeeze(data, D) { // {key: value} -> compact object
  const out = {};
  for (const k of Object.keys(data).sort()) { // pages by path: about the order they were read
    let code = null, ids = null;
    const m = /^([pqrl]):(.*)$/.exec(k);
    if (m && (m[1] === "p" || m[1] === "l") && m[2] in D.pageAt) code = m[1] + D.pageAt[m[2]]; // a page's visit, its languages
    else if (m && m[1] === "q" && m[2] in D.quizAt) { code = "q" + D.quizAt[m[2]]; ids = D.questionAt[parseInt(D.quizAt[m[2]], 36)]; }
    else if (m && m[1] === "r") {
      const slash = m[2].lastIndexOf("/"), qz = D.quizAt[m[2].slice(0, slash)], q = qz && D.questionAt[parseInt(qz, 36)][m[2].slice(slash + 1)];
      if (q) code = "r" + qz + "." + q;
    }
    out[code || "=" + k] = walk(data[k], D, ids, squeezeString, squeezeKey);
  }
  return out;
}

function grow(packed, D) {
  const out = {};
  for (const c in packed) {
    let k, ids = null;
    if (c[0] === "=") k = c.slice(1);
    else if (c[0] === "p" || c[0] === "l") k = c[0] + ":" + D.pages[parseInt(c.slice(1), 36)];
    else if (c[0] === "q") { const i = parseInt(c.slice(1), 36); k = "q:" + D.quizzes[i]; ids = D.questions[i]; }
    else if (c[0] === "r") { const [i, j] = c.slice(1).split(".").map(x => parseInt(x, 36)); k = "r:" + D.quizzes[i] + "/" + D.questions[i][j]; }
    if (!k || k.includes("undefined")) continue;
    out[k] = walk(packed[c], D, null, growString, ids ? growKey(ids) : growKey([]));
  }
  return out;
}

/* Bytes as text: 4 bytes in 5 characters (6.4 bits a character; base64 has 6) from 85 printable
   ASCII characters: no space, quotes, backslash, <, >, & (which some platforms escape), $, ` or |. */
const A85 = "!#%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{}~";
function to85(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let v = 0;
    for (let j = 0; j < 4; j++) v = v * 256 + (j < n ? bytes[i + j] : 0);
    let chunk = "";
    for (let j = 0; j < 5; j++) { chunk = A85[v % 85] + chunk; v = Math.floor(v / 85); }
    out += chunk.slice(0, n + 1);
  }
  return out;
}
function from85(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i += 5) {
    const chunk = text.slice(i, i + 5), n = chunk.length - 1;
    let v = 0;
    for (let j = 0; j < 5; j++) {
      const c = j <= n ? A85.indexOf(chunk[j]) : 84;
      if (c < 0) throw Error("not base 85");
      v = v * 85 + c;
    }
    for (let j = 0; j < n; j++) bytes.push(Math.floor(v / 256 ** (3 - j)) % 256);
  }
  return new Uint8Array(bytes);
}

async function bytesOf(stream) { return new Uint8Array(await new Response(stream).arrayBuffer()); }

async function encode(envelope, D) { // envelope: {d: {key: value}, ...other fields kept as they are}
  const value = Object.assign({}, envelope, {d: deltas(squeeze(envelope.d, D), false, {last: 0})});
  const json = JSON.stringify(value);
  if (typeof CompressionStream !== "function") return "J2" + D.fp + ":" + json;
  return "C2" + D.fp + ":" + to85(await bytesOf(new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"))));
}

/* -> the envelope, or {error: "foreign" | "changed"} (not ours / the course's ids changed) */
async function decode(text, D) {
  try {
    const m = /^([CJ])2([0-9a-z]+):([\s\S]*)$/.exec(text || "");
    if (!m) return {error: "foreign"};
    if (m[2] !== D.fp) return {error: "changed"};
    let json = m[3];
    if (m[1] === "C") {
      json = new TextDecoder().decode(await bytesOf(new Blob([from85(json)]).stream().pipeThrough(new DecompressionStream("deflate-raw"))));
    }
    const value = JSON.parse(json);
    value.d = grow(deltas(value.d || {}, true, {last: 0}), D);
    return value;
  } catch (_) { return {error: "foreign"}; }
}

/* Fits the envelope into `limit` characters: {text, left: [reflection keys left out]};
   text is null when even the record without any reflection does not fit. */
async function pack(envelope, D, limit) {
  const d = Object.assign({}, envelope.d), left = [];
  const size = k => JSON.stringify(d[k]).length;
  const reflections = Object.keys(d).filter(k => k.startsWith("r:")).sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1));
  for (;;) {
    const text = await encode(Object.assign({}, envelope, {d}, left.length ? {x: left} : {}), D);
    if (text.length <= limit) return {text, left};
    if (!reflections.length) return {text: null, left};
    const k = reflections.shift();
    delete d[k]; left.push(k);
  }
}

global.CBCodec = {dictionary, encode, decode, pack};
})(typeof window !== "undefined" ? window : globalThis);
