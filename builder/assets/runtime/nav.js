/* The navigation's marks (visited pages, complete modules) and the resume link. */
function mark(el, text, cls) {
  el.append(h("span", {class: "cb-mark " + cls}, h("span", {"aria-hidden": "true"}, "✓"), h("span", {class: cls === "cb-mark--module" ? null : "cb-visually-hidden"}, " " + text)));
}
function markNav() {
  fillFrame(); // the module cards and progress bars follow the same changes as the marks
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
