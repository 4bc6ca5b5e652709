/* Course Builder SCORM shell: the launch page of a SCORM 1.2 or 2004 package (docs/lms.md).

   It finds the LMS's API (the SCORM discovery algorithm: up the parent chain, then the opener's),
   initialises once, restores the learner's record from cmi.suspend_data into the runtime's
   localStorage keys ("cb:<course>:v1:", docs/learner.md) before the first page loads, shows the
   course pages in an iframe (same origin: the runtime inside works as on the site), follows the
   runtime's writes through `storage` events and reports status, score, location, suspend_data and
   (SCORM 2004) interactions, and finishes once when the page goes away. When the LMS is missing or
   refuses a value, the learner is told once and the course goes on from browser storage.
   Reads window.CB_MANIFEST, CB_STRINGS, CB_SCORM (builder/exporters/scorm/data.py), CBCodec and grade(). */
(() => {
"use strict";
const D = document, M = window.CB_MANIFEST, S = window.CB_STRINGS, C = window.CB_SCORM, Codec = window.CBCodec;
const P = "cb:" + M.course.id + ":v1:", OWN = "cb-scorm:" + M.course.id + ":";
const V4 = C.standard === "2004", DICT = Codec.dictionary(M, C.texts);
const F = V4
  ? {api: "API_1484_11", init: "Initialize", finish: "Terminate", get: "GetValue", set: "SetValue", commit: "Commit", err: "GetLastError", str: "GetErrorString"}
  : {api: "API", init: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", err: "LMSGetLastError", str: "LMSGetErrorString"};
const E = V4
  ? {id: "cmi.learner_id", name: "cmi.learner_name", suspend: "cmi.suspend_data", location: "cmi.location", exit: "cmi.exit",
    session: "cmi.session_time", score: "cmi.score"}
  : {id: "cmi.core.student_id", name: "cmi.core.student_name", suspend: "cmi.suspend_data", location: "cmi.core.lesson_location",
    exit: "cmi.core.exit", session: "cmi.core.session_time", score: "cmi.core.score"};

const t = (k, v) => String(S[k] == null ? k : S[k]).replace(/\{(\w+)\}/g, (x, n) => (v && v[n] != null ? v[n] : x));
const obj = v => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
// grade() and isText(): the runtime's grading.js, loaded before this script (builder/exporters/scorm/package.py),
// so the LMS is told what the learner's pages show, by the same rules.
let api = null, live = false, done = false, began = Date.now(), timer = 0, busy = false, again = false;
const sent = {}, told = {}, reported = {};
let interactionCount = 0;

/* ---- messages: each kind once ---- */
function say(kind, text, role) {
  if (told[kind]) return;
  told[kind] = true;
  const box = D.querySelector(".cb-lms-messages");
  const p = D.createElement("p");
  p.className = "cb-lms-message";
  p.setAttribute("role", role || "status");
  p.textContent = text;
  box.append(p);
}

/* ---- the API: found up the parent chain, then from the opener (Moodle's "new window") ---- */
function scan(win) {
  for (let n = 0; win && n < 500; n++) {
    try { if (win[F.api]) return win[F.api]; } catch (_) { /* another origin: look further up */ }
    if (!win.parent || win.parent === win) return null;
    win = win.parent;
  }
  return null;
}
function findApi() {
  let found = scan(window);
  for (const w of [window.top && window.top.opener, window.opener]) {
    if (!found && w) try { found = scan(w); } catch (_) { /* closed or another origin */ }
  }
  return found;
}

function call(fn, ...args) {
  if (!live) return "";
  try { return String(api[fn](...args)); } catch (e) { refused(); return ""; }
}
function refused(what) {
  let code = "?", text = "";
  try { code = String(api[F.err]()); text = String(api[F.str](code)); } catch (_) { /* the API itself is broken */ }
  if (what) console.warn("SCORM: the LMS refused " + what + " (" + code + " " + text + ")"); // for LMS administrators
  say("error", t("lms_error", {code, text: text || "?"}), "alert");
}
function get(k) { return call(F.get, k); }
function set(k, v) {
  v = String(v);
  if (!live || sent[k] === v) return;
  if (call(F.set, k, v) === "true") sent[k] = v; else refused(k + " = " + v.slice(0, 80));
}
function commit() { if (live && call(F.commit, "") !== "true") refused(); }

/* ---- local storage: the runtime's keys ---- */
function readLocal() {
  const out = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k && k.startsWith(P)) try { out[k.slice(P.length)] = JSON.parse(localStorage.getItem(k)); } catch (_) { /* unreadable: left alone */ }
  }
  return out;
}
function writeLocal(data, clear) {
  if (clear) Object.keys(readLocal()).forEach(k => localStorage.removeItem(P + k));
  for (const k in data) localStorage.setItem(P + k, JSON.stringify(data[k]));
}
const own = (k, v) => { try { if (v === undefined) return localStorage.getItem(OWN + k); localStorage.setItem(OWN + k, v); } catch (_) { /* storage off */ } return null; };

/* A shared school computer: the browser's record belongs to the learner the LMS names. Another
   learner's record is put aside under their id and comes back when they do. */
function switchLearner(id) {
  const who = own("who");
  if (!id || who === id) return who === id;
  if (who) own("stash:" + who, JSON.stringify(readLocal()));
  let mine = {};
  try { mine = JSON.parse(own("stash:" + id) || "{}"); } catch (_) { /* unreadable: start empty */ }
  writeLocal(mine, true);
  localStorage.removeItem(OWN + "stash:" + id);
  own("who", id);
  own("t", "0");
  return true;
}

async function restore() {
  const id = get(E.id), suspend = get(E.suspend);
  try { switchLearner(id); } catch (_) { /* storage off: nothing to switch */ }
  if (suspend) {
    const env = await Codec.decode(suspend, DICT);
    if (env.error === "changed") say("changed", t("lms_changed"));
    else if (env.d && !(Number(own("t") || 0) > Number(env.t || 0))) { // the LMS's copy unless this browser's is newer
      writeLocal(env.d, false);
      own("t", String(env.t || 0));
    }
    if (env.w) told.too_long = true;
    Object.assign(reported, obj(env.i));
  }
  const name = get(E.name).trim();
  if (name) writeLocal({name: /^[^,]+,[^,]+$/.test(name) ? name.split(",").reverse().map(s => s.trim()).join(" ") : name});
  if (V4) interactionCount = parseInt(get("cmi.interactions._count"), 10) || 0;
}

/* ---- what the LMS is told ---- */
function checkDone(id, q, data) {
  const s = obj(data["q:" + id]), a = obj(s.a), graded = q.questions.filter(x => x.graded);
  if (graded.length) return graded.every(x => x.id in a);
  return q.questions.every(x => obj(data["r:" + id + "/" + x.id]).d);
}
function moduleDone(m, data) { // the runtime's rule (docs/learner.md)
  if (!m.pages.every(p => data["p:" + p.id])) return false;
  const qs = m.quizzes.filter(id => M.quizzes[id]), tests = qs.filter(id => M.quizzes[id].kind === "assessment");
  if (tests.length) return tests.every(id => obj(obj(data["q:" + id]).best).passed === true);
  return qs.every(id => checkDone(id, M.quizzes[id], data));
}

function report(data) {
  const modules = M.modules.filter(m => moduleDone(m, data)).length, all = modules === M.modules.length;
  const best = C.final ? obj(obj(data["q:" + C.final]).best) : {}, scored = typeof best.score === "number";
  const last = obj(data.last).p;
  if (typeof last === "string") set(E.location, last.slice(0, V4 ? 1000 : 255));
  if (scored) {
    set(E.score + ".raw", best.score); set(E.score + ".min", 0); set(E.score + ".max", 100);
    if (V4) set("cmi.score.scaled", best.score / 100);
  }
  if (V4) {
    set("cmi.completion_status", all ? "completed" : "incomplete");
    set("cmi.success_status", scored ? (best.passed ? "passed" : "failed") : "unknown");
    set("cmi.progress_measure", M.modules.length ? (modules / M.modules.length).toFixed(4) : 1);
    interactions(data);
  } else {
    set("cmi.core.lesson_status", all ? (C.final ? "passed" : "completed") : scored && !best.passed ? "failed" : "incomplete");
  }
}

/* SCORM 2004: each submitted assessment attempt, question by question (id, type, response, result).
   Attempts are noted as the runtime writes them (a new attempt replaces the last one's answers). */
const queue = [];
function note(quiz, s) {
  s = obj(s);
  const attempt = obj(s.done), n = s.n || 1;
  if (!V4 || !C.interactions[quiz] || !attempt.answers || (reported[quiz] || 0) >= n) return;
  reported[quiz] = n;
  queue.push({quiz, attempt});
}

function interactions(data) {
  for (const quiz in C.interactions) note(quiz, data["q:" + quiz]);
  while (queue.length) {
    const {quiz, attempt} = queue.shift(), keys = C.interactions[quiz];
    const when = new Date(attempt.date || Date.now()).toISOString().slice(0, 19);
    for (const qid in attempt.answers) {
      const q = keys[qid];
      if (!q) continue;
      const i = "cmi.interactions." + interactionCount++ + ".", r = response(q, attempt.answers[qid]);
      set(i + "id", quiz + "." + qid);
      set(i + "type", TYPES[q.type]);
      set(i + "timestamp", when);
      r.pattern.forEach((p, j) => set(i + "correct_responses." + j + ".pattern", p));
      set(i + "learner_response", r.learner);
      set(i + "result", r.result === true ? "correct" : r.result === false ? "incorrect" : r.result);
    }
  }
}
const TYPES = {single: "choice", multiple: "choice", true_false: "true-false", short_answer: "fill-in", matching: "matching",
  ordering: "sequencing", cloze: "fill-in", reflection: "long-fill-in"};
const text = (s, max) => String(s).replace(/\[[,.:]\]/g, " ").replace(/^\{/, "(").slice(0, max || 250);

function response(q, a) { // {learner, pattern: [correct patterns], result}: q is the runtime's key (builder/grading.py)
  const result = grade(q, a).ok;
  const list = x => x.join("[,]");
  try {
    switch (q.type) {
      case "single": case "multiple": {
        const mine = [...a].sort((x, y) => x - y);
        return {learner: list(mine.map(i => "c" + i)), pattern: [list(q.correct.map(i => "c" + i))], result};
      }
      case "true_false": return {learner: String(a), pattern: [String(q.answer)], result};
      case "short_answer":
        return {learner: text(a), pattern: ["{case_matters=false}" + text(q.answers[0])], result};
      case "matching": {
        const target = x => "r" + (typeof x === "number" ? x : (q.pairs.find(p => p.includes(x)) || [-1])[0]); // a text: stored before numbers
        return {learner: list(a.map((x, i) => "l" + i + "[.]" + target(x))), pattern: [list(q.pairs.map((p, i) => "l" + i + "[.]r" + p[0]))], result};
      }
      case "ordering": {
        const order = a.map((pos, i) => [pos, i]).sort((x, y) => x[0] - y[0]).map(x => "i" + x[1]);
        return {learner: list(order), pattern: [list(Array.from({length: q.items}, (_, i) => "i" + i))], result};
      }
      case "cloze": {
        const names = Object.keys(q.blanks), gap = (n, x) => (typeof x === "number" ? obj(q.choices)[n][x] : x); // a picked gap: its choice's text
        return {learner: list(names.map(n => text(gap(n, obj(a)[n]) || "", 60))), pattern: [list(names.map(n => text(q.blanks[n].find(isText), 60)))], result};
      }
      default: return {learner: text(a, 4000), pattern: [], result: "neutral"};
    }
  } catch (_) { return {learner: "", pattern: [], result: false}; }
}

/* ---- syncing: after the runtime writes, and on the way out ---- */
function changed() { clearTimeout(timer); timer = setTimeout(sync, 200); }

async function sync() {
  if (busy) { again = true; return; }
  busy = true;
  try {
    const data = readLocal(), stamp = Date.now();
    own("t", String(stamp));
    report(data);
    const env = {t: stamp, d: data};
    if (told.too_long) env.w = 1;
    if (V4 && Object.keys(reported).length) env.i = reported; // attempts already sent as interactions
    let packed = await Codec.pack(env, DICT, C.limit);
    if (packed.left.length && !env.w) { // tell once, and remember it in the LMS so no launch tells again
      say("too_long", t("lms_too_long", {n: packed.left.length}));
      env.w = 1;
      packed = await Codec.pack(env, DICT, C.limit);
    }
    if (packed.text === null) say("full", t("lms_full"), "alert");
    else set(E.suspend, packed.text);
    commit();
  } finally {
    busy = false;
    if (again) { again = false; changed(); }
  }
}

function timespan(ms) { // 1.2: HHHH:MM:SS.SS; 2004: ISO 8601 duration
  const cs = Math.round(ms / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, sec = Math.floor(cs / 100) % 60;
  const two = n => String(n).padStart(2, "0"), frac = "." + two(cs % 100);
  return V4 ? "PT" + h + "H" + m + "M" + sec + frac + "S" : String(Math.min(h, 9999)).padStart(4, "0") + ":" + two(m) + ":" + two(sec) + frac;
}

function finish() {
  if (!live || done) return;
  done = true;
  set(E.session, timespan(Date.now() - began));
  set(E.exit, "suspend"); // keep the record for the next launch: the journal and the record stay the learner's
  commit();
  call(F.finish, "");
  live = false;
}

function startUrl() {
  const at = obj(readLocal().last).p;
  for (const m of M.modules) for (const p of m.pages) if (p.id === at) return p.url;
  return M.home || "index.html";
}

async function start() {
  api = findApi();
  if (!api) say("no_api", t("lms_no_api"));
  else if (String(api[F.init]("")) === "true") live = true;
  else { live = true; refused(); live = false; }
  began = Date.now();
  if (live) {
    try { await restore(); } catch (_) { say("error", t("lms_error", {code: "-", text: "restore"}), "alert"); }
    if (V4) { if (get("cmi.completion_status") === "unknown" || get("cmi.completion_status") === "not attempted") set("cmi.completion_status", "incomplete"); }
    else if (get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
  }
  const frame = D.querySelector("iframe.cb-lms-frame");
  frame.title = t("lms_frame");
  frame.addEventListener("load", () => { try { D.title = frame.contentDocument.title || D.title; } catch (_) { /* left the package */ } });
  frame.src = startUrl();
  addEventListener("storage", e => {
    if (e.key && e.key.startsWith(P + "q:")) try { note(e.key.slice(P.length + 2), JSON.parse(e.newValue)); } catch (_) { /* not ours */ }
    if (!e.key || e.key.startsWith(P)) changed();
  });
  addEventListener("pagehide", finish);
  addEventListener("beforeunload", finish);
  if (live) sync();
  D.documentElement.dataset.cbLms = live ? "live" : "none"; // for tests
}

start();
})();
