/* The learner's pages: My progress (with export and import), the journal, the completion record. */
function download(name, text, type) {
  const a = h("a", {href: URL.createObjectURL(new Blob([text], {type})), download: name});
  D.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}
const table = (caption, head, rows, foot) => h("table", {}, caption ? h("caption", {}, caption) : null,
  h("thead", {}, h("tr", {}, head.map(x => h("th", {scope: "col"}, x)))),
  h("tbody", {}, rows.map(r => h("tr", {}, r.map((x, i) => h(i ? "td" : "th", i ? {"data-label": head[i]} : {scope: "row"}, x))))), foot);
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
