/* Course Builder: the learner's runtime. Quizzes, progress, journal, completion record, export/import.
   Plain JavaScript, no framework, no build step. Reads window.CB_MANIFEST (the course) and
   window.CB_STRINGS (every user-facing string). State: localStorage keys "cb:<course>:v1:<key>", keyed
   by stable ids only; from file:// through storage.html at the site root (Firefox gives each file://
   page its own storage), reached by postMessage. Contracts: docs/learner.md. */
(() => {
"use strict";
const D = document;

/* ---- storage: one operation, run here or inside storage.html ---- */
function op(m) {
  const ls = localStorage, P = String(m.prefix);
  if (!/^cb:.+:v1:$/.test(P)) throw Error("prefix");
  if (m.op === "all") {
    const out = {};
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i);
      if (k.startsWith(P)) out[k.slice(P.length)] = ls.getItem(k);
    }
    return out;
  }
  const old = {}; // all or nothing: undo the keys written so far
  try {
    for (const k in m.set) {
      old[k] = ls.getItem(P + k);
      m.set[k] == null ? ls.removeItem(P + k) : ls.setItem(P + k, m.set[k]);
    }
  } catch (e) {
    for (const k in old) try { old[k] == null ? ls.removeItem(P + k) : ls.setItem(P + k, old[k]); } catch (_) { /* best effort */ }
    throw e;
  }
  return true;
}

if (D.documentElement.hasAttribute("data-cb-storage")) { // this is storage.html
  addEventListener("message", e => {
    const m = e.data;
    if (location.protocol !== "file:" || e.source !== parent || !m || m.cb !== "req") return;
    let r;
    try { r = {ok: true, data: op(m)}; } catch (_) { r = {ok: false}; }
    r.cb = "res"; r.id = m.id;
    parent.postMessage(r, "*");
  });
  return;
}

const M = window.CB_MANIFEST, S = window.CB_STRINGS;
if (!M || !S) return;
const P = "cb:" + M.course.id + ":v1:";
let data = {}, mode = "", frame = null, seq = 0, broken = false, notice = "", root = null, page = null, gen = 0;
const calls = {}, pages = {};
M.modules.forEach(m => m.pages.forEach(p => { pages[p.id] = Object.assign({module: m}, p); }));

const t = (k, v) => String(S[k] == null ? k : S[k]).replace(/\{(\w+)\}/g, (x, n) => (v && v[n] != null ? v[n] : x));
const obj = v => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
const now = () => new Date().toISOString();
const wait = ms => new Promise(ok => setTimeout(ok, ms));
const pad = n => String(n).padStart(2, "0");
const day = s => { const d = new Date(s); return isNaN(d) ? null : d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); };
const nice = s => { const d = new Date(s); return isNaN(d) ? "" : d.toLocaleDateString(D.documentElement.lang || undefined, {year: "numeric", month: "long", day: "numeric"}); };
const hours = min => (Math.round(min / 60 * 100) / 100).toLocaleString(D.documentElement.lang || undefined);
const esc = s => String(s).replace(/[&<>"]/g, c => "&#" + c.charCodeAt(0) + ";");
const textOf = html => { const e = D.createElement("div"); e.innerHTML = html; return e.textContent.trim(); };

function h(tag, attrs, ...kids) {
  const e = D.createElement(tag);
  for (const k in attrs || {}) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k === "html") e.innerHTML = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  e.append(...kids.flat().filter(x => x != null && x !== false));
  return e;
}
const icon = ok => h("span", {class: "cb-icon", "aria-hidden": "true"}, ok ? "✓" : "✗");
const button = (text, onclick, cls) => h("button", {type: "button", class: "cb-button " + (cls || ""), onclick}, text);

/* ---- URLs: relative to the site root; from disk a folder URL needs its index.html ---- */
function abs(rel, base) {
  const u = new URL(rel, base || root).href;
  return u.startsWith("file:") ? u.replace(/\/(?=#|$)/, "/index.html") : u;
}
function same(u) { const x = new URL(u, location.href); x.hash = x.search = ""; return x.href.replace(/index\.html$/, ""); }
function pageAt(u) { const k = same(u); return Object.values(pages).find(p => same(abs(p.url)) === k); }

/* ---- the store: a cache of every key, written through ---- */
function send(m) {
  m.prefix = P;
  if (mode === "local") return new Promise(ok => ok(op(m)));
  return new Promise((ok, no) => {
    const id = ++seq;
    calls[id] = r => (r.ok ? ok(r.data) : no(Error("refused")));
    m.cb = "req"; m.id = id;
    frame.contentWindow.postMessage(m, "*");
    wait(4000).then(() => calls[id] && (delete calls[id], no(Error("timeout"))));
  });
}
addEventListener("message", e => {
  const r = e.data;
  if (frame && e.source === frame.contentWindow && r && r.cb === "res" && calls[r.id]) { calls[r.id](r); delete calls[r.id]; }
});
addEventListener("storage", e => { // another tab wrote
  if (!e.key || !e.key.startsWith(P)) return;
  const k = e.key.slice(P.length);
  try { e.newValue == null ? delete data[k] : (data[k] = JSON.parse(e.newValue)); } catch (_) { /* ignore */ }
});

async function load() {
  let raw = null;
  if (!mode) mode = location.protocol === "file:" ? "frame" : "local";
  if (mode === "frame") {
    try {
      if (!frame) {
        frame = h("iframe", {src: new URL("storage.html", root).href, hidden: true, "aria-hidden": "true", tabindex: "-1"});
        frame.ready = new Promise(ok => frame.addEventListener("load", ok, {once: true}));
        D.body.append(frame);
      }
      raw = await Promise.race([frame.ready.then(() => send({op: "all"})), wait(3000).then(() => { throw Error("timeout"); })]);
    } catch (_) { mode = "local"; notice = "frame_failed"; }
  }
  try { raw = raw || await send({op: "all"}); } catch (_) { raw = {}; broken = true; }
  data = {};
  for (const k in raw) try { data[k] = JSON.parse(raw[k]); } catch (_) { /* unreadable: ignored */ }
}

function save(changes) { // {key: value | undefined (delete)} -> Promise<bool>; failures are shown
  const set = {};
  for (const k in changes) {
    const v = changes[k];
    if (v === undefined) { delete data[k]; set[k] = null; } else { data[k] = v; set[k] = JSON.stringify(v); }
  }
  return send({op: "set", set}).then(() => { if (broken) { broken = false; banner(); } return true; },
    () => { broken = true; banner(); return false; });
}

function banner() {
  D.querySelectorAll(".cb-alert").forEach(e => e.remove());
  const text = broken ? t("save_failed") : notice ? t(notice) : "";
  const host = D.querySelector("article") || D.body;
  if (text) host.prepend(h("div", {class: "cb-alert", role: "alert"}, h("p", {}, h("span", {"aria-hidden": "true"}, "⚠ "), text)));
}

/* ---- progress ---- */
const seen = id => data["p:" + id];
const quiz = id => obj(data["q:" + id]);
const reflection = (qz, q) => obj(data["r:" + qz + "/" + q]);

function checkDone(id, q) { // a check counts when every graded question was answered (or, with none, every reflection)
  const s = quiz(id), a = obj(s.a), graded = q.questions.filter(x => x.graded);
  if (graded.length) return graded.every(x => x.id in a) ? s.d : null;
  const r = q.questions.map(x => reflection(id, x.id).d);
  return r.every(Boolean) ? r.sort().pop() : null;
}

function status(m) {
  const read = m.pages.filter(p => seen(p.id)), dates = read.map(p => seen(p.id));
  const qs = m.quizzes.filter(id => M.quizzes[id]), tests = qs.filter(id => M.quizzes[id].kind === "assessment");
  let ok = read.length === m.pages.length, score = null, passed = true, started = read.length > 0;
  tests.forEach((id, i) => {
    const s = quiz(id), b = obj(s.best);
    if (typeof b.score === "number") { started = true; if (!i) score = b.score; }
    if (b.passed === true) dates.push(s.pass || b.date); else passed = ok = false;
  });
  if (!tests.length) qs.forEach(id => { const d = checkDone(id, M.quizzes[id]); d ? dates.push(d) : (ok = false); });
  return {read: read.length, pages: m.pages.length, tests: tests.length, passed, score, started,
    done: ok ? day(dates.sort().pop() || now()) : null};
}

function quizEntry(id) { // what the completion record holds for one quiz
  const q = M.quizzes[id], s = quiz(id), known = q.questions.map(x => x.id), answers = {};
  let e;
  const keep = a => { for (const k in obj(a)) if (known.includes(k)) answers[k] = a[k]; };
  if (q.kind === "assessment") {
    const b = obj(s.best);
    if (typeof b.score !== "number") return null;
    keep(b.answers);
    e = {score: b.score, passed: b.passed === true, date: b.date};
  } else {
    keep(s.a);
    const ok = obj(s.ok), graded = q.questions.filter(x => x.graded && x.id in answers);
    const right = graded.filter(x => ok[x.id] === true).length, score = graded.length ? Math.round(100 * right / graded.length) : null;
    e = {score, passed: score != null && score >= q.pass, date: s.d || null};
  }
  q.questions.forEach(x => { const r = reflection(id, x.id); if (x.type === "reflection" && r.t) { answers[x.id] = r.t; e.date = e.date || r.d; } });
  if (!Object.keys(answers).length) return null;
  e.answers = answers;
  return e;
}

function record() {
  const modules = M.modules.map(m => { const s = status(m); return {id: m.id, title: m.title, minutes: m.minutes, completed: s.done, score: s.score}; });
  const quizzes = {};
  for (const id in M.quizzes) { const e = quizEntry(id); if (e) quizzes[id] = e; }
  return {format: "course-builder-record", schema: 1, course: {id: M.course.id, title: M.course.title, version: M.course.version},
    learner: {name: typeof data.name === "string" ? data.name : ""}, issued: now(), modules,
    total_minutes: modules.reduce((n, m) => n + (m.completed ? m.minutes : 0), 0), quizzes};
}

/* ---- quizzes ---- */
const norm = s => String(s).trim().split(/\s+/).join(" ").toLowerCase();
const rand = () => Math.floor(Math.random() * 2 ** 31) + 1;
function rng(a) { // mulberry32: one seed per attempt gives the same draw after a reload
  return () => { a = (a + 0x6D2B79F5) | 0; let x = Math.imul(a ^ (a >>> 15), 1 | a); x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x; return ((x ^ (x >>> 14)) >>> 0) / 4294967296; };
}
function shuffle(a, r) { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; }

function read(f, q) { // the answer in the form, in the stored representation; undefined when unanswered
  const all = s => [...f.querySelectorAll(s)];
  switch (q.type) {
    case "single": case "multiple": { const v = all("input:checked").map(i => +i.value).sort((a, b) => a - b); return v.length ? v : undefined; }
    case "true_false": { const i = f.querySelector("input:checked"); return i ? i.value === "0" : undefined; }
    case "short_answer": case "reflection": { const v = f.querySelector("input[type=text], textarea").value; return v.trim() ? v : undefined; }
    case "matching": case "ordering": {
      const v = [];
      all("li[data-index]").forEach(li => { const s = li.querySelector("select").value; v[li.dataset.index] = q.type === "ordering" ? +s : s; });
      return v.every(Boolean) ? v : undefined;
    }
    case "cloze": { const v = {}; all("[data-blank]").forEach(b => { v[b.dataset.blank] = b.value; }); return Object.values(v).every(x => x.trim()) ? v : undefined; }
  }
}

function write(f, q, a) {
  if (a == null) return;
  const all = s => f.querySelectorAll(s);
  if (q.type === "single" || q.type === "multiple") all("input").forEach(i => { i.checked = Array.isArray(a) && a.includes(+i.value); });
  else if (q.type === "true_false") all("input").forEach(i => { i.checked = (i.value === "0") === a; });
  else if (q.type === "short_answer") f.querySelector("input").value = String(a);
  else if (Array.isArray(a)) all("li[data-index]").forEach(li => { li.querySelector("select").value = a[li.dataset.index] == null ? "" : a[li.dataset.index]; });
  else if (q.type === "cloze") all("[data-blank]").forEach(b => { b.value = obj(a)[b.dataset.blank] || ""; });
}

function grade(q, a) { // {ok, part, right, total}: the same rules as builder/grading.py
  try {
    let right = 0, total = 1, ok, part;
    if (q.type === "single" || q.type === "multiple") {
      ok = a.length === q.correct.length && q.correct.every(i => a.includes(i));
      part = !ok && a.some(i => q.correct.includes(i));
    } else if (q.type === "true_false") ok = a === q.answer;
    else if (q.type === "short_answer") ok = typeof a === "string" && q.answers.map(norm).includes(norm(a));
    else {
      const checks = q.type === "matching" ? q.pairs.map((p, i) => a[i] === p)
        : q.type === "ordering" ? Array.from({length: q.items}, (_, i) => a[i] === i + 1)
        : Object.keys(q.blanks).map(n => typeof a[n] === "string" && q.blanks[n].map(norm).includes(norm(a[n])));
      total = checks.length; right = checks.filter(Boolean).length;
      ok = right === total && (q.type !== "matching" || a.length === total);
    }
    return {ok: !!ok, part, right, total};
  } catch (_) { return {ok: false, right: 0, total: 1}; }
}

/* A key from assets/course/keys/*.js: its review URLs are relative to the site root. */
function keyFile(name) {
  const k = JSON.parse(JSON.stringify(window.CB_KEYS[name]));
  k.questions.forEach(q => { if (q.review) q.review = abs(q.review); });
  return k;
}
function reviewLink(u) {
  const href = abs(u, location.href), p = pageAt(href);
  return h("p", {class: "cb-review"}, t("review") + " ", h("a", {href}, p ? p.title : u));
}

function clear(f) {
  f.classList.remove("cb-question--right", "cb-question--wrong");
  f.querySelectorAll(".cb-choice").forEach(li => { li.classList.remove("cb-choice--right", "cb-choice--wrong"); li.querySelector(".cb-choice__feedback").textContent = ""; li.querySelector("input").removeAttribute("aria-describedby"); });
  f.querySelector(".cb-question__feedback").textContent = "";
}

function show(f, q, a) { // feedback for one answered question
  clear(f);
  if (a === undefined) return;
  const g = grade(q, a), box = f.querySelector(".cb-question__feedback");
  f.classList.add(g.ok ? "cb-question--right" : "cb-question--wrong");
  if (q.choices) {
    const chosen = q.type === "true_false" ? [a ? 0 : 1] : a, right = q.type === "true_false" ? [q.answer ? 0 : 1] : q.correct;
    chosen.forEach(i => {
      const li = f.querySelector('.cb-choice[data-index="' + i + '"]');
      if (!li) return;
      const ok = right.includes(i), fb = li.querySelector(".cb-choice__feedback");
      li.classList.add(ok ? "cb-choice--right" : "cb-choice--wrong");
      fb.replaceChildren(h("p", {class: "cb-verdict"}, icon(ok), " " + t(ok ? "correct" : "incorrect")));
      fb.insertAdjacentHTML("beforeend", q.choices[i] || "");
      fb.id = fb.id || f.id + "-" + i + "-fb";
      li.querySelector("input").setAttribute("aria-describedby", fb.id);
    });
  }
  box.append(h("p", {class: "cb-verdict"}, icon(g.ok), " " + t(g.ok ? "correct" : g.part ? "partly" : "incorrect"),
    !g.ok && g.total > 1 ? " " + t("parts_right", g) : null));
  if (!g.ok && q.feedback) box.insertAdjacentHTML("beforeend", q.feedback);
  if (q.explanation) box.append(h("div", {class: "cb-explanation", html: "<p><strong>" + esc(t("explanation")) + "</strong></p>" + q.explanation}));
  if (!g.ok && q.review) box.append(reviewLink(q.review));
}

function initQuiz(form) {
  let key;
  const name = form.dataset.keyName, tag = form.previousElementSibling;
  if (name && !(window.CB_KEYS || {})[name]) {
    // instant navigation swaps pages in without running their scripts: load the key, then start
    if (tag && tag.src && !form.dataset.loading) { form.dataset.loading = 1; D.head.append(h("script", {src: tag.src, onload: () => initQuiz(form)})); }
    return;
  }
  try { key = keyFile(name); } catch (_) { return; }
  if (form.cbReady) return;
  form.cbReady = true;
  const id = key.id, test = key.kind === "assessment", Q = {}, F = {}, slot = "q:" + id;
  key.questions.forEach(q => { Q[q.id] = q; });
  form.querySelectorAll(".cb-question").forEach(f => { if (Q[f.dataset.question]) F[f.dataset.question] = f; });
  const result = form.querySelector(".cb-quiz__result"), actions = form.querySelector(".cb-quiz__actions"), submit = actions.querySelector("button");
  const again = button(t("new_attempt"), restart);
  again.hidden = true;
  if (test) actions.append(again);
  result.tabIndex = -1;
  const put = changes => save({[slot]: Object.assign({}, quiz(id), changes)});
  let list = [];

  function layout() { // this attempt's questions (pool, shuffle), in order
    const s = quiz(id);
    list = key.questions.slice();
    if (key.pool || key.shuffle) {
      const r = rng(s.seed || 1);
      shuffle(list, r);
      if (key.pool) list = list.slice(0, key.pool);
      if (!key.shuffle) list.sort((a, b) => key.questions.indexOf(a) - key.questions.indexOf(b));
      Object.values(F).forEach(f => { f.hidden = true; });
      list.forEach((q, i) => {
        const f = F[q.id], ul = f.querySelector(".cb-choices");
        f.hidden = false;
        actions.before(f);
        f.querySelector(".cb-question__number").textContent = t("question") + " " + (i + 1) + " " + t("of") + " " + list.length;
        if (key.shuffle && ul && q.type !== "true_false") shuffle([...ul.children].sort((a, b) => a.dataset.index - b.dataset.index), r).forEach(li => ul.append(li));
      });
    }
    list = list.filter(q => F[q.id]);
  }
  const graded = () => list.filter(q => q.type !== "reflection");
  const lock = on => form.querySelectorAll(".cb-question:not(.cb-question--reflection) :is(input, select)").forEach(x => { x.disabled = on; });

  function check() {
    const s = quiz(id), a = Object.assign({}, obj(s.a)), ok = Object.assign({}, obj(s.ok));
    let right = 0, n = 0, missing = 0;
    graded().forEach(q => {
      const f = F[q.id], v = read(f, q);
      if (v === undefined) { clear(f); missing++; return; }
      show(f, q, v);
      a[q.id] = v; ok[q.id] = grade(q, v).ok; n++; right += ok[q.id];
    });
    if (n) put({a, ok, d: now()});
    result.textContent = !n ? t("unanswered") : graded().length > 1 ? t("check_result", {right, total: n}) + (missing ? " " + t("missing", {n: missing}) : "") : "";
  }

  function submitTest() {
    const a = {}, missing = [];
    graded().forEach((q, i) => { const v = read(F[q.id], q); v === undefined ? missing.push(i + 1) : (a[q.id] = v); });
    if (missing.length) {
      result.textContent = t("answer_all", {list: missing.join(", ")});
      const f = F[graded()[missing[0] - 1].id];
      f.querySelector("input, select, textarea").focus();
      return;
    }
    const right = graded().filter(q => grade(q, a[q.id]).ok).length, score = Math.round(100 * right / graded().length);
    const done = {score, passed: score >= key.pass, date: now(), answers: a}, s = quiz(id), best = obj(s.best);
    put({done, cur: undefined, best: typeof best.score === "number" && best.score >= score ? best : done, pass: s.pass || (done.passed ? done.date : undefined)});
    finish(done);
    result.focus();
  }

  function finish(done) { // show a submitted attempt: feedback, score, what to re-read
    graded().forEach(q => show(F[q.id], q, obj(done.answers)[q.id]));
    lock(true);
    const best = obj(quiz(id).best), reviews = [];
    graded().forEach(q => { if (q.review && !grade(q, obj(done.answers)[q.id]).ok && !reviews.includes(q.review)) reviews.push(q.review); });
    result.replaceChildren(
      h("p", {class: "cb-verdict cb-verdict--" + (done.passed ? "pass" : "fail")}, icon(done.passed), " " + t(done.passed ? "passed" : "failed")),
      h("p", {}, t("score", {score: done.score, pass: key.pass}) + (typeof best.score === "number" ? " " + t("best", {score: best.score}) : "")),
      ...(done.passed ? [] : reviews.map(reviewLink)));
    submit.hidden = true; again.hidden = false;
  }

  function restart() {
    const n = (quiz(id).n || 1) + 1;
    put({n, seed: rand(), done: undefined, cur: undefined});
    form.reset();
    Object.values(F).forEach(clear);
    lock(false);
    layout();
    restoreReflections();
    result.textContent = t("attempt", {n, count: graded().length});
    submit.hidden = false; again.hidden = true;
    const first = list.length && F[list[0].id].querySelector("input, select, textarea");
    if (first) first.focus();
  }

  function restoreReflections() {
    Object.values(F).forEach(f => { const q = Q[f.dataset.question]; if (q.type === "reflection") f.querySelector("textarea").value = reflection(id, q.id).t || ""; });
  }

  function edited(e) {
    const f = e.target.closest(".cb-question"), q = f && Q[f.dataset.question];
    if (!q) return;
    if (q.type === "reflection") {
      const box = f.querySelector("textarea"), note = f.querySelector(".cb-reflection__status");
      clearTimeout(box.cbTimer);
      box.cbTimer = setTimeout(() => {
        save({["r:" + id + "/" + q.id]: box.value.trim() ? {t: box.value, d: now()} : undefined})
          .then(ok => { const m = t(ok ? "saved" : "save_failed"); if (note.textContent !== m) note.textContent = m; });
      }, e.type === "change" ? 0 : 300);
    } else if (!test) clear(f);
    else if (!obj(quiz(id).done).answers) {
      const cur = Object.assign({}, obj(quiz(id).cur)), v = read(f, q);
      v === undefined ? delete cur[q.id] : (cur[q.id] = v);
      put({cur});
    }
  }

  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", e => { e.preventDefault(); test ? submitTest() : check(); });
  form.addEventListener("click", e => {
    const b = e.target.closest(".cb-button--hint");
    if (!b) return;
    const f = b.closest(".cb-question"), box = f.querySelector(".cb-question__hint"), open = box.hidden;
    if (!box.innerHTML) box.innerHTML = Q[f.dataset.question].hint || "";
    box.hidden = !open;
    b.setAttribute("aria-expanded", String(open));
    b.textContent = t(open ? "hide_hint" : "hint");
  });

  if ((key.pool || key.shuffle) && !quiz(id).seed) put({seed: rand()});
  layout();
  restoreReflections();
  const s = quiz(id), done = obj(s.done);
  if (test && done.answers) { graded().forEach(q => write(F[q.id], q, done.answers[q.id])); finish(done); }
  else if (test) graded().forEach(q => write(F[q.id], q, obj(s.cur)[q.id]));
  else graded().forEach(q => { const a = obj(s.a)[q.id]; if (a !== undefined) { write(F[q.id], q, a); show(F[q.id], q, a); } });
}

/* ---- navigation marks, resume link ---- */
function mark(el, text, cls) {
  el.append(h("span", {class: "cb-mark " + cls}, h("span", {"aria-hidden": "true"}, "✓"), h("span", {class: cls === "cb-mark--module" ? null : "cb-visually-hidden"}, " " + text)));
}
function markNav() {
  D.querySelectorAll(".cb-mark").forEach(e => e.remove());
  const nav = D.querySelector(".md-nav--primary");
  if (!nav) return;
  nav.querySelectorAll("a.md-nav__link").forEach(a => {
    const p = !(a.getAttribute("href") || "#").includes("#") && !a.parentElement.matches(".md-nav__item--pruned") && pageAt(a.href);
    if (p && seen(p.id)) mark(a, t("nav_visited"), "cb-mark--page");
  });
  nav.querySelectorAll("li.md-nav__item--nested").forEach(li => {
    const a = li.querySelector("a[href]"), p = a && pageAt(a.href), head = li.querySelector(":scope > .md-nav__link");
    if (p && head && p.module.pages[0].id === p.id && status(p.module).done) mark(head, t("nav_complete"), "cb-mark--module");
  });
}

function resumeLink() {
  const last = pages[obj(data.last).p], m = M.modules[0];
  if (last) return h("p", {class: "cb-resume"}, t("resume") + " ", h("a", {href: abs(last.url)}, last.title));
  return m ? h("p", {class: "cb-resume"}, t("start") + " ", h("a", {href: abs(m.url)}, m.title)) : null;
}

/* ---- the learner's pages ---- */
function download(name, text, type) {
  const a = h("a", {href: URL.createObjectURL(new Blob([text], {type})), download: name});
  D.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}
const table = (caption, head, rows, foot) => h("table", {}, caption ? h("caption", {}, caption) : null,
  h("thead", {}, h("tr", {}, head.map(x => h("th", {scope: "col"}, x)))),
  h("tbody", {}, rows.map(r => h("tr", {}, r.map((x, i) => h(i ? "td" : "th", i ? {} : {scope: "row"}, x))))), foot);
const dash = () => h("span", {}, h("span", {"aria-hidden": "true"}, "–"), h("span", {class: "cb-visually-hidden"}, t("none")));

function statusText(s) {
  if (s.done) return [icon(true), " " + t("status_done")];
  if (!s.started) return t("status_todo");
  return t("status_read", {read: s.read, pages: s.pages}) + (s.tests && !s.passed ? " " + t("status_test") : "");
}

function progressView(v) {
  const live = h("div"), msg = h("p", {class: "cb-msg", role: "status"}), say = text => { msg.textContent = text; };
  const fill = () => {
    const rows = M.modules.map(m => [m, status(m)]), done = rows.filter(r => r[1].done), mins = done.reduce((n, r) => n + r[0].minutes, 0);
    live.replaceChildren(
      h("p", {class: "cb-summary"}, t("summary", {done: done.length, total: rows.length, hours: hours(mins), all: hours(M.course.minutes)})),
      resumeLink(),
      table(t("modules_caption"), [t("col_module"), t("col_status"), t("col_score"), t("col_date"), t("col_minutes")],
        rows.map(([m, s]) => [h("a", {href: abs(m.url)}, m.title), statusText(s), s.score == null ? dash() : s.score + "%", s.done ? nice(s.done) : dash(), t("minutes", {n: m.minutes})])),
      h("p", {class: "cb-links"}, h("a", {href: abs(M.pages.journal)}, t("page_journal")), " · ", h("a", {href: abs(M.pages.record)}, t("page_record"))));
  };
  const file = h("input", {type: "file", id: "cb-import", accept: ".json,application/json", onchange: async () => {
    const f = file.files[0];
    file.value = "";
    if (f) say(await importText(await f.text()));
    fill(); markNav();
  }});
  const clearAll = async () => {
    if (!confirm(t("clear_confirm"))) return;
    const gone = {};
    Object.keys(data).forEach(k => { gone[k] = undefined; });
    say(t(await save(gone) ? "cleared" : "save_failed"));
    fill(); markNav();
  };
  fill();
  v.replaceChildren(live, h("h2", {id: "cb-keep"}, t("keep_title")), h("p", {}, t("keep_note")),
    h("p", {class: "cb-tools"}, button(t("export"), () => download(M.course.id + "-progress-" + day(now()) + ".json", JSON.stringify(
      {format: "course-builder-progress", schema: 1, course: {id: M.course.id, version: M.course.version}, exported: now(), data}, null, 1), "application/json"))),
    h("p", {class: "cb-tools"}, h("label", {for: "cb-import"}, t("import")), " ", file),
    msg, h("p", {class: "cb-tools"}, button(t("clear"), clearAll, "cb-button--quiet")));
}

const VALID = {p: v => typeof v === "string", q: v => v === obj(v), r: v => v === obj(v) && typeof v.t === "string", last: v => v === obj(v), name: v => typeof v === "string"};
async function importText(text) { // refuses (changing nothing) anything that is not this course's progress
  let f;
  try { f = JSON.parse(text); } catch (_) { return t("import_bad"); }
  if (!f || f.format !== "course-builder-progress" || obj(f.data) !== f.data || typeof f.schema !== "number") return t("import_bad");
  if (obj(f.course).id !== M.course.id) return t("import_other", {id: String(obj(f.course).id)});
  if (f.schema > 1) return t("import_newer");
  const set = {};
  for (const k in f.data) {
    const check = VALID[/^[pqr]:./.test(k) ? k[0] : /^(last|name)$/.test(k) ? k : ""];
    if (!check || !check(f.data[k])) return t("import_bad");
    set[k] = JSON.stringify(f.data[k]);
  }
  try { await send({op: "set", set}); } catch (_) { return t("import_failed"); }
  await load();
  return t("imported", {n: Object.keys(set).length, date: nice(f.exported)});
}

function journalEntries() {
  return M.modules.map(m => ({m, items: m.quizzes.filter(id => M.quizzes[id]).flatMap(id =>
    M.quizzes[id].questions.filter(q => q.type === "reflection").map(q => Object.assign({quiz: Object.assign({id}, M.quizzes[id])}, q, reflection(id, q.id))))}))
    .filter(g => g.items.length);
}

function journalView(v) {
  const groups = journalEntries(), title = t("journal_title", {course: M.course.title});
  const md = () => "# " + title + "\n\n" + groups.map(g => "## " + g.m.title + "\n\n" + g.items.map(x =>
    "### " + textOf(x.prompt || "") + "\n\n" + (x.t ? x.t.trim() + "\n\n_" + t("written", {date: nice(x.d)}) + "_" : "_" + t("not_written") + "_") + "\n\n").join("")).join("");
  const html = () => "<!doctype html><html lang=\"" + esc(D.documentElement.lang || "en") + "\"><meta charset=\"utf-8\"><title>" + esc(title) +
    "</title><style>body{font:16px/1.5 sans-serif;max-width:42em;margin:2em auto;padding:0 1em}blockquote{white-space:pre-wrap;border-left:4px solid #888;margin:0 0 .5em;padding-left:1em}</style><h1>" + esc(title) + "</h1>" +
    groups.map(g => "<h2>" + esc(g.m.title) + "</h2>" + g.items.map(x => "<div>" + (x.prompt || "") + "</div>" +
      (x.t ? "<blockquote>" + esc(x.t.trim()) + "</blockquote><p><em>" + esc(t("written", {date: nice(x.d)})) + "</em></p>" : "<p><em>" + esc(t("not_written")) + "</em></p>")).join("")).join("") + "</html>";
  const file = M.course.id + "-journal-" + day(now());
  v.replaceChildren(h("p", {class: "cb-journal__course"}, M.course.title + ". " + t("version", {v: M.course.version})), h("p", {class: "cb-noprint"}, t("journal_intro")),
    h("p", {class: "cb-tools"}, button(t("print"), () => print()), button(t("download_md"), () => download(file + ".md", md(), "text/markdown")),
      button(t("download_html"), () => download(file + ".html", html(), "text/html"))),
    ...(groups.length ? groups : [0]).map(g => !g ? h("p", {}, t("journal_empty")) : h("section", {class: "cb-journal__module"}, h("h2", {}, g.m.title), g.items.map(x => h("div", {class: "cb-journal__entry"},
      h("div", {class: "cb-journal__prompt", html: x.prompt || ""}),
      x.t ? [h("blockquote", {class: "cb-journal__text"}, x.t.trim()), h("p", {class: "cb-journal__date"}, t("written", {date: nice(x.d)}))] : h("p", {}, h("em", {}, t("not_written"))),
      x.quiz.url ? h("p", {class: "cb-noprint"}, h("a", {href: abs(x.quiz.url) + "#" + ("cb-" + x.quiz.id + "-" + x.id).replace(/\./g, "-")}, t(x.t ? "edit" : "write"), h("span", {class: "cb-visually-hidden"}, ": " + textOf(x.prompt || "")))) : null)))));
}

function recordView(v) {
  const sheet = h("section", {class: "cb-record", "aria-label": t("page_record")});
  const fill = () => {
    const r = record(), done = r.modules.filter(m => m.completed);
    sheet.replaceChildren(h("p", {class: "cb-record__course"}, r.course.title), h("p", {}, t("version", {v: r.course.version})),
      h("p", {class: "cb-record__name"}, t("record_for") + " ", h("strong", {}, r.learner.name.trim() || t("no_name"))),
      table(null, [t("col_module"), t("col_date"), t("col_score"), t("col_minutes")], r.modules.map(m =>
        [m.title, m.completed ? nice(m.completed) : t("not_complete"), m.score == null ? dash() : m.score + "%", m.completed ? t("minutes", {n: m.minutes}) : dash()])),
      h("p", {class: "cb-record__total"}, t("total", {hours: hours(r.total_minutes), minutes: r.total_minutes, done: done.length, all: r.modules.length})),
      h("p", {}, t("issued", {date: nice(r.issued)})));
  };
  const name = h("input", {type: "text", id: "cb-name", autocomplete: "name", value: typeof data.name === "string" ? data.name : "",
    oninput: () => { save({name: name.value.trim() ? name.value : undefined}); fill(); }});
  fill();
  v.replaceChildren(h("p", {class: "cb-field cb-noprint"}, h("label", {for: "cb-name"}, t("name_label")), " ", name), sheet,
    h("p", {class: "cb-tools"}, button(t("print"), () => print()),
      button(t("download_record"), () => { const r = record(); download(M.course.id + "-record-" + day(r.issued) + ".json", JSON.stringify(r, null, 1), "application/json"); })),
    h("p", {class: "cb-noprint"}, t("record_note")));
}

const VIEWS = {progress: progressView, journal: journalView, record: recordView};

/* ---- each page (again after every instant navigation) ---- */
async function init() {
  const mine = ++gen, marker = D.querySelector(".cb-page");
  page = marker ? marker.dataset.cbPage : null;
  root = marker ? new URL((marker.dataset.cbRoot || ".").replace(/\/?$/, "/"), location.href) : window.__md_scope ? new URL(".", window.__md_scope) : null;
  if (!root) return;
  await load();
  if (mine !== gen) return;
  if (pages[page]) save(Object.assign({last: {p: page, d: now()}}, seen(page) ? {} : {["p:" + page]: now()}));
  D.querySelectorAll("form.cb-quiz").forEach(initQuiz);
  D.querySelectorAll("[data-cb-view]").forEach(v => VIEWS[v.dataset.cbView] && VIEWS[v.dataset.cbView](v));
  if (page === "index.md") {
    const h1 = D.querySelector("article h1"), link = resumeLink();
    D.querySelectorAll(".cb-resume").forEach(e => e.remove());
    if (h1 && link) h1.after(link);
  }
  markNav();
  banner();
  const search = D.querySelector(".md-search[role=dialog]:not([aria-label])"), input = D.querySelector(".md-search__input");
  if (search && input) search.setAttribute("aria-label", input.getAttribute("aria-label")); // the theme's dialog has no name
  D.documentElement.dataset.cbReady = location.href; // for scripts that wait for the runtime
}

// mkdocs-material's document$ emits each page of instant navigation; from file:// with instant
// navigation on, it completes without emitting, so DOMContentLoaded starts the first page too.
let started = null;
function start() { const el = D.querySelector(".cb-page") || D.body; if (el !== started) { started = el; init(); } }
if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
if (D.readyState === "loading") D.addEventListener("DOMContentLoaded", start); else start();
})();
