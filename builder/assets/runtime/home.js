/* The course's frame (builder/render/course_home.py): module cards and the "continue" banner on the
   home page, module progress bars on every page, filled from the learner's progress. */
function fillFrame(st) { // st: the modules' statuses known already
  const mod = id => M.modules.find(m => m.id === id), state = m => st[m.id] || (st[m.id] = status(m));
  D.querySelectorAll("[data-cb-bar]").forEach(el => {
    const m = mod(el.dataset.cbBar), s = m && state(m);
    if (!s) return;
    const all = s.pages + s.tests, got = s.read + (s.passed && s.score != null ? s.tests : 0);
    const v = s.done ? 100 : all ? Math.min(99, Math.round(100 * got / all)) : 0; // pages read and assessment passed
    el.setAttribute("aria-valuenow", v);
    el.firstElementChild.style.width = v + "%";
  });
  D.querySelectorAll(".cb-card").forEach(c => {
    const m = mod(c.dataset.cbModule), s = m && state(m);
    if (!s) return;
    c.classList.toggle("cb-card--done", !!s.done);
    c.querySelector("[data-cb-status]").replaceChildren(...[].concat(statusText(s)), s.score == null ? "" : " " + t("card_score", {score: s.score}));
  });
  const time = D.querySelector("[data-cb-time]"), all = M.course.minutes;
  if (time) { // only the home page: every module's status costs time on every page of a large course
    const done = M.modules.reduce((n, m) => n + (state(m).done ? m.minutes : 0), 0);
    time.textContent = t("home_done", {done: hours(done), all: hours(all), left: hours(all - done)});
  }
  const cont = D.querySelector("[data-cb-continue]"), go = pages[obj(data.last).p] || M.modules[0];
  if (!cont || !go) return;
  cont.firstElementChild.textContent = t(go === M.modules[0] ? "start" : "continue");
  const a = cont.querySelector("a");
  a.href = abs(go.url);
  a.textContent = go.title;
}
