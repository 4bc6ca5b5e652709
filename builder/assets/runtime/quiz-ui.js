/* A quiz form: reading and writing answers, feedback, checks, assessment attempts. */
function read(f, q) { // the answer in the form, in the stored representation; undefined when unanswered
  const all = s => [...f.querySelectorAll(s)];
  switch (q.type) {
    case "single": case "multiple": { const v = all("input:checked").map(i => +i.value).sort((a, b) => a - b); return v.length ? v : undefined; }
    case "true_false": { const i = f.querySelector("input:checked"); return i ? i.value === "0" : undefined; }
    case "short_answer": case "reflection": { const v = f.querySelector("input[type=text], textarea").value; return v.trim() ? v : undefined; }
    case "matching": case "ordering": return arranged(f, q);
    case "cloze": { // a picked gap stores its choice's index in source order, a typed gap its text
      const v = {};
      all("[data-blank]").forEach(b => { v[b.dataset.blank] = b.tagName === "SELECT" && b.value ? +b.value : b.value; });
      return Object.values(v).every(x => isText(x) ? x.trim() : true) ? v : undefined;
    }
  }
}

function write(f, q, a) {
  if (a == null) return;
  const all = s => f.querySelectorAll(s);
  if (q.type === "single" || q.type === "multiple") all("input").forEach(i => { i.checked = Array.isArray(a) && a.includes(+i.value); });
  else if (q.type === "true_false") all("input").forEach(i => { i.checked = (i.value === "0") === a; });
  else if (q.type === "short_answer") f.querySelector("input").value = String(a);
  else if (Array.isArray(a)) rearrange(f, q, a);
  else if (q.type === "cloze") all("[data-blank]").forEach(b => { b.value = gap(b, q.blanks[b.dataset.blank], obj(a)[b.dataset.blank]); });
}
function gap(b, l, x) { // a stored gap as its control's value; a picked gap stored as text (before indexes) finds its choice
  if (b.tagName !== "SELECT" || !isText(x)) return x == null ? "" : String(x);
  const o = [...b.options].find(o => o.value && norm(o.text) === norm(x));
  return o ? o.value : typed(l, x) ? String(l[0]) : "";
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
  unmarkRows(f);
}

function show(f, q, a, test) { // feedback for one answered question (an assessment lists its reviews once, below)
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
    !g.ok && g.total > 1 ? " " + t("parts_right", g) : null), q.pairs || q.items ? rowMarks(f, q, a) : "");
  if (!g.ok && q.feedback) box.insertAdjacentHTML("beforeend", q.feedback);
  if (q.explanation) box.append(h("div", {class: "cb-explanation", html: "<p><strong>" + esc(t("explanation")) + "</strong></p>" + q.explanation}));
  if (!g.ok && q.review && !test) box.append(reviewLink(q.review));
}

function initQuiz(form) {
  const name = form.dataset.keyName, tag = form.previousElementSibling, fail = () => guard("quiz_failed", form, () => { throw Error("no answer key " + name); });
  if (!(window.CB_KEYS || {})[name]) {
    // its key script failed, or instant navigation swapped the page in without running it: load it again
    if (!tag || !tag.src || form.dataset.loading) return fail();
    form.dataset.loading = 1;
    D.head.append(h("script", {src: tag.src, onload: () => ((window.CB_KEYS || {})[name] ? guard("quiz_failed", form, () => initQuiz(form)) : fail()), onerror: fail}));
    return;
  }
  const key = keyFile(name);
  if (form.cbReady) return;
  form.cbReady = true;
  const id = key.id, test = key.kind === "assessment", Q = {}, F = {}, slot = "q:" + id;
  key.questions.forEach(q => { Q[q.id] = q; });
  form.querySelectorAll(".cb-question").forEach(f => { if (Q[f.dataset.question]) F[f.dataset.question] = f; });
  Object.values(F).forEach(f => { if (f.querySelector(".cb-live")) arrange(f); });
  const result = form.querySelector(".cb-quiz__result"), actions = form.querySelector(".cb-quiz__actions"), submit = actions.querySelector("button");
  // after an assessment: the result, the answers to review (after a pass, folded), another attempt, the history
  const again = button(t("new_attempt"), restart), tail = h("p", {class: "cb-tools"}, again), past = h("div", {class: "cb-attempts"});
  const review = h("details", {class: "cb-answers", hidden: true}, h("summary", {}, t("review_answers")));
  if (test) result.after(review, tail, past);
  again.hidden = true;
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
  const lock = on => form.querySelectorAll(".cb-question:not(.cb-question--reflection) :is(input, select, button:not(.cb-button))").forEach(x => { x.disabled = on; });

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
      f.querySelector("input, select, textarea, button").focus();
      return;
    }
    const right = graded().filter(q => grade(q, a[q.id]).ok).length, score = Math.round(100 * right / graded().length);
    const done = {score, passed: score >= key.pass, date: now(), answers: a}, s = quiz(id), best = obj(s.best);
    put({done, cur: undefined, best: typeof best.score === "number" && best.score >= score ? best : done, pass: s.pass || (done.passed ? done.date : undefined),
      h: tries().concat({score, passed: done.passed, date: done.date}).slice(-20)});
    finish(done);
    result.focus();
  }

  function finish(done) { // show a submitted attempt: feedback, score, what to re-read
    graded().forEach(q => show(F[q.id], q, obj(done.answers)[q.id], true));
    lock(true);
    const best = obj(quiz(id).best), reviews = [];
    graded().forEach(q => { if (q.review && !grade(q, obj(done.answers)[q.id]).ok && !reviews.includes(q.review)) reviews.push(q.review); });
    const at = M.modules.findIndex(m => m.id === form.dataset.module), next = at < 0 ? null : M.modules[at + 1];
    result.replaceChildren(
      h("p", {class: "cb-verdict cb-verdict--" + (done.passed ? "pass" : "fail")}, icon(done.passed), " " + t(done.passed ? "passed" : "failed")),
      h("p", {}, t("score", {score: done.score, pass: key.pass}) + (typeof best.score === "number" ? " " + t("best", {score: best.score}) : "")),
      ...(done.passed ? [h("p", {}, h("a", {class: "md-button md-button--primary cb-next", href: abs(next ? next.url : M.pages.record)}, t(next ? "next_module" : "to_record")))] : reviews.map(reviewLink)));
    if (done.passed) review.append(...list.map(q => F[q.id]));
    review.hidden = !done.passed;
    again.textContent = t(done.passed ? "new_attempt" : "retry");
    again.className = "cb-button" + (done.passed ? " cb-button--quiet" : "");
    submit.hidden = true; again.hidden = false;
    history();
  }

  const tries = () => { const s = quiz(id); return s.h || (s.done ? [s.done].map(x => ({score: x.score, passed: x.passed, date: x.date})) : []); };
  function history() { // every attempt, newest first
    const all = tries().slice().reverse();
    past.replaceChildren(...(all.length ? [table(t("attempts"), [t("col_when"), t("col_score"), t("col_result")],
      all.map(x => [when(x.date), x.score + "%", [icon(x.passed), " " + t(x.passed ? "attempt_passed" : "attempt_failed")]]))] : []));
  }
  function unfold() { // the answers back in the form, for a new attempt
    actions.before(...review.querySelectorAll(":scope > fieldset"));
    review.hidden = true;
  }

  function restart() {
    const n = (quiz(id).n || 1) + 1;
    put({n, seed: rand(), done: undefined, cur: undefined});
    unfold();
    form.reset();
    Object.values(F).forEach(clear);
    lock(false);
    layout();
    restoreReflections();
    result.textContent = t("attempt", {n, count: graded().length});
    submit.hidden = false; again.hidden = true;
    const first = list.length && F[list[0].id].querySelector("input, select, textarea, button");
    if (first) first.focus();
  }

  function restoreReflections() {
    Object.values(F).forEach(f => {
      const q = Q[f.dataset.question], box = f.querySelector("textarea");
      if (q.type !== "reflection") return;
      const r = reflection(id, q.id), note = f.querySelector(".cb-reflection__status"), m = r.d ? stamp(r.d) : "";
      if (box !== D.activeElement) box.value = r.t || "";
      if (note.textContent !== m && !note.dataset.failed) note.textContent = m;
      count(f);
    });
  }
  function count(f) { // the word count beside a reflection, outside its live status: it changes with every word
    const note = f.querySelector(".cb-reflection__status");
    let w = f.querySelector(".cb-words");
    if (!w) note.before(w = h("p", {class: "cb-words"}));
    w.textContent = words(f.querySelector("textarea").value);
  }

  function keep(f, q) { // a reflection is saved on every input, and once more when the page goes away
    const box = f.querySelector("textarea"), note = f.querySelector(".cb-reflection__status"), k = "r:" + id + "/" + q.id, d = now();
    count(f);
    if (box.value === (reflection(id, q.id).t || "")) return;
    save({[k]: box.value.trim() ? {t: box.value, d} : undefined})
      .then(ok => { const m = ok ? stamp(d) : t("save_failed"); note.dataset.failed = ok ? "" : 1; if (note.textContent !== m) note.textContent = m; });
  }

  function edited(e) {
    const f = e.target.closest(".cb-question"), q = f && Q[f.dataset.question];
    if (!q) return;
    if (q.type === "reflection") keep(f, q);
    else if (!test) clear(f);
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

  addEventListener("pagehide", () => form.isConnected && Object.values(F).forEach(f => Q[f.dataset.question].type === "reflection" && keep(f, Q[f.dataset.question])));

  function restore() { // show what is stored: at start, and again when another tab changed it
    const s = quiz(id), done = obj(s.done);
    Object.values(F).forEach(clear);
    lock(false);
    if (test) { submit.hidden = false; again.hidden = true; result.textContent = ""; unfold(); history(); }
    layout();
    restoreReflections();
    if (test && done.answers) { graded().forEach(q => write(F[q.id], q, done.answers[q.id])); finish(done); }
    else if (test) graded().forEach(q => write(F[q.id], q, obj(s.cur)[q.id]));
    else graded().forEach(q => { const a = obj(s.a)[q.id]; if (a !== undefined) { write(F[q.id], q, a); show(F[q.id], q, a); } });
  }
  if ((key.pool || key.shuffle) && !quiz(id).seed) put({seed: rand()});
  restore();
  live.push(restore);
}
