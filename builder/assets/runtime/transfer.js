/* Export and import of the progress file. An import checks every item against the storage format,
   recomputes every score from the answers with the course's keys (a hand-edited score counts for
   nothing), then merges item by item (format.js): the learner sees what would change first, and
   can undo the last import. */
const PROGRESS = "course-builder-progress";

function progressFile() { // the device-local undo snapshot stays here
  const out = {};
  for (const k in data) if (k !== "undo") out[k] = data[k];
  return {format: PROGRESS, schema: 1, course: {id: M.course.id, version: M.course.version}, exported: now(), data: out};
}

function readProgress(text) { // -> {file} or {error: message}; checks the file and every item in it
  let f;
  try { f = JSON.parse(text); } catch (_) { return {error: t("import_bad")}; }
  if (!isObj(f) || f.format !== PROGRESS || !isObj(f.data) || !isInt(f.schema)) return {error: t("import_bad")};
  if (obj(f.course).id !== M.course.id) return {error: t("import_other", {id: String(obj(f.course).id)})};
  if (f.schema > 1) return {error: t("import_newer")};
  const bad = Object.keys(f.data).filter(k => !fileItem(k, f.data[k]) || !accept(k, f.data[k]));
  if (bad.length) return {error: t("import_invalid", {n: bad.length, list: bad.slice(0, 5).join(", ") + (bad.length > 5 ? ", …" : "")})};
  return {file: f};
}

const loading = {};
function loadKey(name) { // a quiz's key script (assets/course/keys/NAME.js), once
  return loading[name] = loading[name] || (window.CB_KEYS && window.CB_KEYS[name] ? Promise.resolve() : new Promise((ok, no) =>
    D.head.append(h("script", {src: abs("assets/course/keys/" + encodeURIComponent(name) + ".js"), onload: ok, onerror: no}))));
}
async function keysOf(ids) { // quiz id -> its questions' keys, from every key script of the quiz
  const out = {};
  for (const id of ids) {
    const q = M.quizzes[id];
    if (!q || !q.keys) continue;
    await Promise.all(q.keys.map(loadKey));
    out[id] = {pass: q.pass, questions: [].concat(...q.keys.map(n => window.CB_KEYS[n].questions))};
  }
  return out;
}

function regrade(v, key) { // a quiz's stored value with every score and verdict recomputed from its answers
  const Q = {}, out = Object.assign({}, v);
  key.questions.forEach(q => { Q[q.id] = q; });
  const attempt = x => {
    const s = x && score(key.questions, obj(x.answers));
    return s == null ? undefined : Object.assign({}, x, {score: s, passed: s >= key.pass});
  };
  if (out.a) { out.ok = Object.assign({}, out.ok); for (const id in out.a) if (Q[id]) out.ok[id] = grade(Q[id], out.a[id]).ok; }
  out.done = attempt(out.done);
  out.best = better(attempt(out.best), out.done);
  if (!out.best || !out.best.passed) delete out.pass;
  else out.pass = earlier(out.pass, out.best.date);
  for (const k in out) if (out[k] === undefined) delete out[k];
  return out;
}

function plan(f, keys) { // -> {set: {key: merged value}, lines: what would change, for the learner}
  const set = {}, counts = {p: 0, r: 0}, lines = [];
  for (const k in f.data) {
    const kind = kindOf(k), id = k.slice(2);
    let v = f.data[k];
    if (kind === "q" && keys[id]) v = regrade(v, keys[id]);
    if (kind === "name" && data.name) continue; // the name typed here stays
    const next = merge(k, data[k], v);
    if (canon(next) === canon(data[k])) continue;
    set[k] = next;
    if (kind === "q" && M.quizzes[id]) {
      const was = obj(obj(data[k]).best).score, best = obj(next.best).score;
      lines.push(t(best != null && best !== was ? "plan_best" : "plan_answers", {quiz: M.quizzes[id].title, score: best, was: was == null ? "–" : was + "%"}));
    } else if (counts[kind] != null) counts[kind]++;
  }
  if (counts.p) lines.unshift(t("plan_pages", {n: counts.p}));
  if (counts.r) lines.push(t("plan_reflections", {n: counts.r}));
  return {set, lines};
}

function applyPlan(p) { // all or nothing, with a snapshot of what it replaces for "Undo the last import"
  const keys = {};
  for (const k in p.set) keys[k] = data[k] === undefined ? null : JSON.stringify(data[k]);
  return save(Object.assign({undo: {d: now(), keys}}, p.set));
}

function undoImport() {
  const u = obj(data.undo), back = {undo: undefined};
  for (const k in obj(u.keys)) back[k] = parse(u.keys[k]);
  return save(back, true);
}
