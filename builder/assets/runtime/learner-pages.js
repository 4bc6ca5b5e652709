/* The learner's pages: My progress (with export and import), the journal, the completion record. */
function download(name, text, type) {
  const a = h("a", {href: URL.createObjectURL(new Blob([text], {type})), download: name});
  D.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}
const dash = () => h("span", {}, h("span", {"aria-hidden": "true"}, "–"), h("span", {class: "cb-visually-hidden"}, t("none")));

function progressView(v) {
  const box = h("div"), msg = h("p", {class: "cb-msg", role: "status"}), say = text => { msg.textContent = text; };
  const review = h("div", {class: "cb-plan"}), undo = h("p", {class: "cb-tools"});
  const fill = () => {
    const rows = M.modules.map(m => [m, status(m)]), done = rows.filter(r => r[1].done), mins = done.reduce((n, r) => n + r[0].minutes, 0);
    box.replaceChildren(
      h("p", {class: "cb-summary"}, t("summary", {done: done.length, total: rows.length, hours: hours(mins), all: hours(M.course.minutes)})),
      resumeLink(),
      table(t("modules_caption"), [t("col_module"), t("col_status"), t("col_score"), t("col_date"), t("col_minutes")],
        rows.map(([m, s]) => [h("a", {href: abs(m.url)}, m.title), statusText(s), s.score == null ? dash() : pct(s.score), s.done ? nice(s.done) : dash(), t("minutes", {n: m.minutes})])),
      h("p", {class: "cb-links"}, h("a", {href: abs(M.pages.journal)}, t("page_journal")), " · ", h("a", {href: abs(M.pages.record)}, t("page_record"))));
    undo.replaceChildren(...(data.undo ? [button(t("undo_import", {date: nice(data.undo.d)}), async () => {
      say(t(await undoImport() ? "import_undone" : "save_failed"));
      fill(); markNav();
    }, "cb-button--quiet")] : []));
  };
  const choose = async f => { // check the file, then show what it would change before anything is written
    review.replaceChildren();
    const r = readProgress(await f.text());
    if (r.error) return say(r.error);
    let keys;
    try { keys = await keysOf(Object.keys(r.file.data).filter(k => kindOf(k) === "q").map(k => k.slice(2))); } catch (_) { return say(t("import_keys_failed")); }
    const p = plan(r.file, keys), n = Object.keys(p.set).length;
    if (!n) return say(t("import_nothing", {date: nice(r.file.exported)}));
    say("");
    const title = h("h3", {tabindex: "-1"}, t("plan_title", {date: nice(r.file.exported)}));
    review.replaceChildren(title, h("ul", {}, p.lines.map(x => h("li", {}, x))),
      h("p", {class: "cb-tools"}, button(t("plan_apply"), async () => {
        review.replaceChildren();
        say(t(await applyPlan(p) ? "imported" : "import_failed", {n, date: nice(r.file.exported)}));
        fill(); markNav();
      }), button(t("plan_cancel"), () => { review.replaceChildren(); say(t("import_cancelled")); }, "cb-button--quiet")));
    title.focus();
  };
  const file = h("input", {type: "file", id: "cb-import", accept: ".json,application/json", onchange: () => {
    const f = file.files[0];
    file.value = "";
    if (f) choose(f);
  }});
  const clearAll = async () => {
    if (!confirm(t("clear_confirm"))) return;
    const gone = {};
    Object.keys(data).forEach(k => { gone[k] = undefined; });
    say(t(await save(gone, true) ? "cleared" : "save_failed"));
    fill(); markNav();
  };
  fill();
  v.replaceChildren(box, h("h2", {id: "cb-keep"}, t("keep_title")), h("p", {}, t("keep_note")),
    h("p", {class: "cb-tools"}, button(t("export"), () => download(M.course.id + "-progress-" + day(now()) + ".json", JSON.stringify(progressFile(), null, 1), "application/json"))),
    h("p", {class: "cb-tools"}, h("label", {for: "cb-import"}, t("import")), " ", file),
    review, msg, undo, h("p", {class: "cb-tools"}, button(t("clear"), clearAll, "cb-button--quiet")));
  return fill;
}

function journalEntries() {
  return M.modules.map(m => ({m, items: m.quizzes.filter(id => M.quizzes[id]).flatMap(id =>
    M.quizzes[id].questions.filter(q => q.type === "reflection").map(q => Object.assign({quiz: Object.assign({id}, M.quizzes[id])}, q, reflection(id, q.id))))}))
    .filter(g => g.items.length);
}

function journalView(v) {
  const groups = journalEntries(), title = t("journal_title", {course: M.course.title});
  // Markdown: each heading on one line, each entry a block quote line by line, so that nothing a teacher writes breaks it
  const line = s => s.split(/\s+/).join(" ").trim(), quote = s => s.trim().split(/\r?\n/).map(l => ("> " + l).trimEnd()).join("\n");
  const meta = x => (x.t ? t("entry_meta", {words: words(x.t), saved: stamp(x.d)}) : t("not_written"));
  const md = () => "# " + line(title) + "\n\n" + groups.map(g => "## " + line(g.m.title) + "\n\n" + g.items.map(x =>
    "### " + line(textOf(x.prompt || "")) + "\n\n" + (x.t ? quote(x.t) + "\n\n" : "") + "*" + line(meta(x)) + "*\n\n").join("")).join("");
  const html = () => "<!doctype html>\n<html lang=\"" + esc(D.documentElement.lang || "en") + "\" dir=\"" + esc(D.dir || "ltr") + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>" + esc(title) +
    "</title><style>body{font:16px/1.5 sans-serif;max-width:42em;margin:2em auto;padding:0 1em}blockquote{white-space:pre-wrap;border-inline-start:4px solid #888;margin:0 0 .5em;padding-inline-start:1em}</style></head><body><h1>" + esc(title) + "</h1>" +
    groups.map(g => "<section><h2>" + esc(g.m.title) + "</h2>" + g.items.map(x => "<section><h3>" + esc(textOf(x.prompt || "")) + "</h3>" +
      (x.t ? "<blockquote>" + esc(x.t.trim()) + "</blockquote>" : "") + "<p><em>" + esc(meta(x)) + "</em></p></section>").join("") + "</section>").join("") + "</body></html>\n";
  const file = M.course.id + "-journal-" + day(now());
  v.replaceChildren(h("p", {class: "cb-journal__course"}, M.course.title + ". " + t("version", {v: M.course.version})), h("p", {class: "cb-noprint"}, t("journal_intro")),
    h("p", {class: "cb-tools"}, button(t("print"), () => print()), button(t("download_md"), () => download(file + ".md", md(), "text/markdown")),
      button(t("download_html"), () => download(file + ".html", html(), "text/html"))),
    ...(groups.length ? groups : [0]).map(g => !g ? h("p", {}, t("journal_empty")) : h("section", {class: "cb-journal__module"}, h("h2", {}, g.m.title), g.items.map(x => h("div", {class: "cb-journal__entry"},
      h("div", {class: "cb-journal__prompt", html: x.prompt || ""}),
      x.t ? h("blockquote", {class: "cb-journal__text"}, x.t.trim()) : null, h("p", {class: "cb-journal__date"}, x.t ? meta(x) : h("em", {}, meta(x))),
      x.url ? h("p", {class: "cb-noprint"}, h("a", {href: abs(x.url)}, t(x.t ? "edit" : "write"), h("span", {class: "cb-visually-hidden"}, ": " + textOf(x.prompt || "")))) : null)))));
  return () => journalView(v);
}

const langList = codes => new Intl.ListFormat(L).format(codes.map(c => new Intl.DisplayNames(L, {type: "language"}).of(c)));
function recordView(v) {
  const sheet = h("section", {class: "cb-record", "aria-label": t("page_record")}), why = h("p", {id: "cb-record-why", class: "cb-noprint"});
  const mine = h("input", {type: "checkbox", id: "cb-mine", checked: true});
  const printIt = button(t("print"), () => why.textContent || print()), get = button(t("download_record"), () => {
    if (!record().modules.some(m => m.completed)) return;
    const r = record(mine.checked);
    download(M.course.id + "-record-" + day(r.issued) + ".json", JSON.stringify(r, null, 1), "application/json");
  });
  const fill = () => {
    const r = record(), done = r.modules.filter(m => m.completed);
    // a record is issued for something: a module complete; on paper, to someone
    why.textContent = !done.length ? t("record_no_module") : r.learner.name.trim() ? "" : t("record_no_name");
    [[printIt, !!why.textContent], [get, !done.length]].forEach(([b, off]) => { // aria-disabled: still reachable by keyboard, the reason read out
      b.setAttribute("aria-disabled", String(off));
      off ? b.setAttribute("aria-describedby", why.id) : b.removeAttribute("aria-describedby");
    });
    sheet.replaceChildren(h("p", {class: "cb-record__course"}, r.course.title), h("p", {}, t("version", {v: r.course.version})),
      h("p", {class: "cb-record__name"}, t("record_for") + " ", h("strong", {}, r.learner.name.trim() || t("no_name"))),
      table(null, [t("col_module"), t("col_date"), t("col_score"), t("col_minutes")], r.modules.map(m =>
        [m.title, m.completed ? nice(m.completed) : t("not_complete"), m.score == null ? dash() : pct(m.score), m.completed ? t("minutes", {n: m.minutes}) : dash()])),
      h("p", {class: "cb-record__total"}, t("total", {hours: hours(r.total_minutes), minutes: r.total_minutes, done: done.length, all: r.modules.length})),
      // a course in several languages (it has a switcher) names those the teacher used
      r.languages && D.querySelector(".cb-langs") ? h("p", {class: "cb-record__langs"}, t("record_languages", {languages: langList(r.languages)})) : "",
      h("p", {}, t("issued", {date: nice(r.issued)})));
  };
  const name = h("input", {type: "text", id: "cb-name", autocomplete: "name", value: typeof data.name === "string" ? data.name : "",
    oninput: () => { save({name: name.value.trim() ? name.value : undefined}); fill(); }});
  fill();
  v.replaceChildren(h("p", {class: "cb-field cb-noprint"}, h("label", {for: "cb-name"}, t("name_label")), " ", name), sheet, why,
    h("p", {class: "cb-field cb-noprint"}, mine, " ", h("label", {for: "cb-mine"}, t("record_mine"))),
    h("p", {class: "cb-tools"}, printIt, get),
    h("p", {class: "cb-noprint"}, t("record_note")), h("p", {class: "cb-noprint"}, t("record_proves")));
  return fill;
}

const VIEWS = {progress: progressView, journal: journalView, record: recordView};
