/* The progress model: what is read, answered, passed and complete; the completion record. */
const seen = id => data["p:" + id];
const quiz = id => obj(data["q:" + id]);
const reflection = (qz, q) => obj(data["r:" + qz + "/" + q]);

function checkDone(id, q) { // a check counts when every graded question was answered (or, with none, every reflection)
  const s = quiz(id), a = obj(s.a), graded = q.questions.filter(x => x.graded);
  if (graded.length) return graded.every(x => x.id in a) ? s.d : null;
  const r = q.questions.map(x => reflection(id, x.id).d);
  return r.every(Boolean) ? r.sort().pop() : null;
}

function requirementDone(r) { // when a module's requirement ("quiz" or "quiz/question") was met, or null
  const [id, qid] = r.split("/"), q = M.quizzes[id], s = quiz(id);
  const one = x => (x.type === "reflection" ? (String(reflection(id, x.id).t || "").trim() ? reflection(id, x.id).d : null)
    : q.kind === "assessment" ? s.pass || null : x.id in obj(s.a) ? s.d : null);
  const parts = q ? q.questions.filter(x => !qid || x.id === qid).map(one) : [];
  return parts.length && parts.every(Boolean) ? parts.sort().pop() : null;
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
  let required = 0; // what the module declares it requires (front matter "requires:")
  (m.requires || []).forEach(r => { const d = requirementDone(r); d ? dates.push(d) : (required++, ok = false); });
  return {read: read.length, pages: m.pages.length, tests: tests.length, passed, score, started, required,
    done: ok ? day(dates.sort().pop() || now()) : null};
}

function statusText(s) { // a module's status in words (home cards, My progress)
  if (s.done) return [icon(true), " " + t("status_done")];
  if (!s.started) return t("status_todo");
  return t("status_read", {read: s.read, pages: s.pages}) + (s.tests && !s.passed ? " " + t("status_test") : "") + (s.required ? " " + t("status_required", {n: s.required}) : "");
}

function quizEntry(id, mine) { // what the completion record holds for one quiz (mine: with the reflections)
  const q = M.quizzes[id], s = quiz(id), known = q.questions.map(x => x.id), answers = {};
  let e;
  const keep = a => { for (const k in obj(a)) if (known.includes(k)) answers[k] = a[k]; };
  if (q.kind === "assessment") {
    const b = obj(s.best);
    if (typeof b.score !== "number") return null;
    keep(b.answers);
    // drawn: the graded questions the attempt drew (all answered), so `course verify` can tell a
    // question removed by a course update from an answer deleted from the record
    e = {score: b.score, passed: b.passed === true, date: b.date, drawn: Object.keys(obj(b.answers))};
  } else {
    keep(s.a);
    const ok = obj(s.ok), graded = q.questions.filter(x => x.graded && x.id in answers);
    const right = graded.filter(x => ok[x.id] === true).length, score = graded.length ? Math.round(100 * right / graded.length) : null;
    e = {score, passed: score != null && score >= q.pass, date: s.d || null};
  }
  if (mine) q.questions.forEach(x => { const r = reflection(id, x.id); if (x.type === "reflection" && r.t) { answers[x.id] = r.t; e.date = e.date || r.d; } });
  if (!Object.keys(answers).length) return null;
  e.answers = answers;
  return e;
}

function record(reflections = true) { // reflections: false leaves the teacher's private writing out
  const modules = M.modules.map(m => { const s = status(m); return {id: m.id, title: m.title, minutes: m.minutes, completed: s.done, score: s.score}; });
  const languages = Object.keys(data).reduce((a, k) => kindOf(k) == "l" ? union(a, data[k]) : a, []);
  const quizzes = {};
  for (const id in M.quizzes) { const e = quizEntry(id, reflections); if (e) quizzes[id] = e; }
  return {format: "course-builder-record", schema: 1, course: {id: M.course.id, title: M.course.title, version: M.course.version},
    learner: {name: typeof data.name === "string" ? data.name : ""}, issued: now(), modules,
    total_minutes: modules.reduce((n, m) => n + (m.completed ? m.minutes : 0), 0), quizzes, reflections, ...(languages.length ? {languages} : {})};
}
