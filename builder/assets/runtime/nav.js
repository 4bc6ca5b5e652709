/* The navigation's marks (visited pages, complete modules), its module progress bars and the resume link. */
function mark(el, text, cls) {
  el.append(h("span", {class: "cb-mark " + cls}, h("span", {"aria-hidden": "true"}, "✓"), h("span", {class: cls === "cb-mark--module" ? null : "cb-visually-hidden"}, " " + text)));
}
function markNav() {
  D.querySelectorAll(".cb-mark, .cb-bar--nav").forEach(e => e.remove());
  const nav = D.querySelector(".md-nav--primary"), st = {}; // st: each module's status, worked out once
  if (!nav) return fillFrame(st);
  nav.querySelectorAll("a.md-nav__link").forEach(a => {
    const p = !(a.getAttribute("href") || "#").includes("#") && !a.parentElement.matches(".md-nav__item--pruned") && pageAt(a.href);
    if (p && seen(p.id)) mark(a, t("nav_visited"), "cb-mark--page");
  });
  nav.querySelectorAll("li.md-nav__item--nested").forEach(li => {
    const a = li.querySelector("a[href]"), p = a && pageAt(a.href), head = li.querySelector(":scope > .md-nav__link");
    if (!p || !head || p.module.pages[0].id !== p.id) return;
    if ((st[p.module.id] = status(p.module)).done) mark(head, t("nav_complete"), "cb-mark--module");
    head.after(h("div", {class: "cb-bar cb-bar--nav", role: "progressbar", "aria-label": t("card_progress", {title: p.module.title}), "aria-valuemin": 0, "aria-valuemax": 100, "data-cb-bar": p.module.id}, h("span", {class: "cb-bar__fill"})));
  });
  fillFrame(st); // the module cards and progress bars (these ones too) follow the same changes as the marks
}

function resumeLink() {
  const last = pages[obj(data.last).p], m = M.modules[0];
  if (last) return h("p", {class: "cb-resume"}, t("resume") + " ", h("a", {href: abs(last.url)}, last.title));
  return m ? h("p", {class: "cb-resume"}, t("start") + " ", h("a", {href: abs(m.url)}, m.title)) : null;
}
