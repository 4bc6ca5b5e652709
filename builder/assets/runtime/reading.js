/* A page counts as read when the teacher reaches its last section (its last heading, or its end,
   scrolls into view), answers a quiz on it, or presses "Mark as read"; opening it only records
   where to continue. No timers. A page whose last section is already on screen is read once it
   has loaded. */
let watcher = null, readNow = null;
D.addEventListener("submit", e => { if (readNow && e.target.matches("form.cb-quiz")) readNow(); }, true);
async function watchReading() {
  if (watcher) { watcher.disconnect(); watcher = null; }
  D.querySelectorAll(".cb-read").forEach(e => e.remove());
  const end = D.querySelector(".cb-page"), here = page;
  readNow = null;
  delete D.documentElement.dataset.cbRead;
  if (!end || !pages[here]) { D.documentElement.dataset.cbRead = "-"; return; } // the home page, the learner's pages
  if (seen(here)) { D.documentElement.dataset.cbRead = here; return; }
  const heads = D.querySelectorAll("article h2"), last = heads.length ? heads[heads.length - 1] : end;
  const read = async () => {
    readNow = null;
    if (watcher) { watcher.disconnect(); watcher = null; }
    D.querySelectorAll(".cb-read").forEach(e => e.remove());
    if (!seen(here) && here === page) { await save({["p:" + here]: now()}); markNav(); }
    if (here === page) D.documentElement.dataset.cbRead = here; // for scripts that wait for it
  };
  readNow = read;
  const top = last.getBoundingClientRect().top;
  if (top >= 0 && top < innerHeight) return read();
  const where = D.querySelector(".cb-position");
  const box = h("p", {class: "cb-read"}, button(t("mark_read"), read, "cb-button--quiet"));
  where ? where.append(box) : end.before(box);
  if (!("IntersectionObserver" in window)) return;
  watcher = new IntersectionObserver(entries => { if (entries.some(e => e.isIntersecting)) read(); });
  watcher.observe(last);
}
