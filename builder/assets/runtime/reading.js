/* A page counts as read when the teacher reaches its last section (its last heading, or its end,
   scrolls into view), answers a quiz on it, or presses "Mark as read"; opening it only records
   where to continue. No timers. html[data-cb-read] tells scripts the page is read ("-": not a
   module page). */
let watcher = null, readNow = null;
D.addEventListener("submit", e => { if (readNow && e.target.matches("form.cb-quiz")) readNow(); }, true);
async function watchReading() {
  const el = D.documentElement, end = D.querySelector(".cb-page"), here = page;
  if (watcher) watcher.disconnect();
  watcher = readNow = null;
  D.querySelectorAll(".cb-read").forEach(e => e.remove());
  delete el.dataset.cbRead;
  if (!end || !pages[here] || seen(here)) { el.dataset.cbRead = pages[here] ? here : "-"; return; }
  const heads = D.querySelectorAll("article h2"), last = heads[heads.length - 1] || end;
  const read = readNow = async () => {
    if (watcher) watcher.disconnect();
    watcher = readNow = null;
    D.querySelectorAll(".cb-read").forEach(e => e.remove());
    if (here !== page) return;
    if (!seen(here)) { await save({["p:" + here]: now()}); markNav(); }
    el.dataset.cbRead = here;
  };
  const top = last.getBoundingClientRect().top;
  if (top >= 0 && top < innerHeight) return read();
  const box = h("p", {class: "cb-read"}, button(t("mark_read"), read, "cb-button--quiet")), where = D.querySelector(".cb-position");
  where ? where.append(box) : end.before(box);
  watcher = new IntersectionObserver(x => { if (x.some(e => e.isIntersecting)) read(); });
  watcher.observe(last);
}
