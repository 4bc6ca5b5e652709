/* The course's frame (builder/render/course_home.py): module cards and the "continue" banner on the
   home page, module progress bars on every page, filled from the learner's progress. */
function moduleShare(m, s) { // percent of a module done: its pages read, and its assessment passed
  if (s.done) return 100;
  const parts = s.pages + s.tests, got = s.read + (s.tests && s.passed && s.score != null ? s.tests : 0);
  return parts ? Math.min(99, Math.round(100 * got / parts)) : 0;
}

function fillBar(el, share) {
  el.setAttribute("aria-valuenow", share);
  el.setAttribute("aria-valuetext", share + "%");
  el.firstElementChild.style.width = share + "%";
}

function fillFrame() {
  const byId = {};
  M.modules.forEach(m => { byId[m.id] = m; });
  const states = {};
  const state = id => states[id] || (states[id] = status(byId[id]));
  D.querySelectorAll("[data-cb-bar]").forEach(el => { if (byId[el.dataset.cbBar]) fillBar(el, moduleShare(byId[el.dataset.cbBar], state(el.dataset.cbBar))); });
  D.querySelectorAll(".cb-card[data-cb-module]").forEach(card => {
    const m = byId[card.dataset.cbModule], out = card.querySelector("[data-cb-status]");
    if (!m || !out) return;
    const s = state(m.id);
    card.classList.toggle("cb-card--done", !!s.done);
    out.replaceChildren(...[].concat(statusText(s)), s.score == null ? "" : " " + t("card_score", {score: s.score}));
  });
  const time = D.querySelector("[data-cb-time]");
  if (time) {
    const done = M.modules.reduce((n, m) => n + (state(m.id).done ? m.minutes : 0), 0);
    time.textContent = t("home_done", {done: hours(done), all: hours(M.course.minutes), left: hours(M.course.minutes - done)});
  }
  const cont = D.querySelector("[data-cb-continue]"), last = pages[obj(data.last).p], first = M.modules[0];
  if (cont && (last || first)) {
    cont.querySelector(".cb-continue__label").textContent = last ? t("continue") : t("start");
    const a = cont.querySelector("a");
    a.href = abs(last ? last.url : first.url);
    a.textContent = last ? last.title : first.title;
  }
}
