// The teacher's cross-page journeys in Debian's firefox-esr, driven by puppeteer-core over WebDriver
// BiDi; tests/browser/test_firefox.py runs it. Firefox keeps its default file:// rule
// (security.fileuri.strict_origin_policy = true: every file:// page has its own storage), which
// puppeteer and Firefox's remote agent would otherwise turn off for automation.
//
//   node tests/browser/firefox_journeys.mjs '{"runs": [{"name": "online", "pages": {...}}, ...]}'
//
// Each run gets a fresh browser context and the URLs of the journey course's pages. Prints one line
// per step; exits 1 at the first step that fails.
import {inFirefox} from "./firefox_run.mjs";

const config = JSON.parse(process.argv[2]);
const RIGHT = {boil: true, cat: "Meow", even: [0, 2], sounds: [0, 1]};
const WRONG = {boil: false, cat: "woof", even: [1], sounds: [1, 0]};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.cbReady === location.href, {timeout: 20000});
}

async function visit(page, url) {
  await page.goto(url);
  await ready(page);
}

async function readTo(page, url) { // open a page and scroll to its end: it counts as read
  await visit(page, url);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => document.documentElement.dataset.cbRead, {timeout: 20000});
}

// Locators wait until the element is visible and stops moving (focus can scroll the page).
const click = (page, selector) => page.locator(selector).click();
const text = (page, selector) => page.$eval(selector, e => e.innerText);
const field = (quiz, qid) => `form[data-quiz="${quiz}"] fieldset[data-question="${qid}"]`;

async function answer(page, quiz, qid, value) {
  const f = field(quiz, qid);
  if (qid === "where") await click(page, `${f} li[data-index="${value}"] input`);
  else if (qid === "boil") await click(page, `${f} input[value="${value ? 0 : 1}"]`);
  else if (qid === "cat") await page.type(`${f} input[type=text]`, value);
  else if (qid === "even") for (const i of value) await click(page, `${f} li[data-index="${i}"] input`);
  else if (qid === "sounds") for (const [i, v] of value.entries()) { await click(page, `${f} li[data-index="${i}"] .cb-slot`); await click(page, `${f} .cb-chip[data-v="${v}"]`); }
  else throw new Error(`no answer for ${qid}`);
}

async function answerDrawn(page, table) {
  const ids = await page.$$eval('form[data-quiz="practice-end"] fieldset.cb-question:not([hidden])', fs => fs.map(f => f.dataset.question));
  check(ids.length === 3, `the assessment draws 3 questions, not ${ids.length}`);
  for (const id of ids) await answer(page, "practice-end", id, table[id]);
  return ids;
}

async function submit(page, quiz) {
  await click(page, `form[data-quiz="${quiz}"] button.cb-button--check`);
  return text(page, `form[data-quiz="${quiz}"] .cb-quiz__result`);
}

async function journey(browser, run) {
  const P = run.pages, context = await browser.createBrowserContext(), page = await context.newPage();
  const errors = [];
  page.on("pageerror", error => errors.push(String(error)));
  const step = message => console.log(`ok - ${run.name}: ${message}`);

  if (run.name === "file") { // Firefox's default: each file:// page has its own localStorage...
    await visit(page, P.home);
    await page.evaluate(() => localStorage.setItem("probe", "home"));
    await visit(page, P.more);
    check(await page.evaluate(() => localStorage.getItem("probe")) === null, "file:// pages share storage: strict_origin_policy is off");
    step("file:// pages have separate storage (strict origin policy on)");
  }

  await visit(page, P.start);
  const where = field("welcome-check", "where");
  await answer(page, "welcome-check", "where", 1);
  await submit(page, "welcome-check");
  check((await text(page, `${where} .cb-question__feedback`)).startsWith("✗ Not quite."), "wrong answer: 'Not quite.'");
  await answer(page, "welcome-check", "where", 0);
  await submit(page, "welcome-check");
  check((await text(page, `${where} .cb-question__feedback`)).startsWith("✓ Correct."), "right answer: 'Correct.'");
  await page.type(`${field("welcome-check", "hopes")} textarea`, "Written in Firefox.");
  await page.waitForFunction(f => document.querySelector(f + " .cb-reflection__status").textContent.startsWith("Saved at"), {}, field("welcome-check", "hopes"));
  step("check wrong then right, reflection saved");

  await visit(page, P.ideas); // another page sees what the first one stored
  const mark = await page.$$eval(".md-nav--primary a.md-nav__link", links => links.filter(a => a.textContent.includes("Getting started")).map(a => a.querySelector(".cb-mark")?.textContent));
  check(mark.includes("✓ (read)"), `another page marks 'Getting started' visited (${JSON.stringify(mark)})`);
  step("progress made on one page shows on another");

  await visit(page, P.end);
  await answerDrawn(page, WRONG);
  check((await submit(page, "practice-end")).includes("Not passed yet."), "a failed attempt says so");
  await page.reload();
  await ready(page);
  check((await text(page, 'form[data-quiz="practice-end"] .cb-quiz__result')).includes("Your score: 0%"), "the failed attempt survives a reload");
  const reread = await page.$$eval('form[data-quiz="practice-end"] .cb-review a', as => as.map(a => a.getAttribute("href")));
  check(reread.length > 0 && new Set(reread).size === reread.length && reread.every(h => h.includes("#")), `each section to re-read once: ${reread}`);
  check(await page.$$eval('form[data-quiz="practice-end"] .cb-attempts tbody tr', rows => rows.length) === 1, "the failed attempt is listed");
  await click(page, 'form[data-quiz="practice-end"] button::-p-text(Try again)');
  const drawn = await answerDrawn(page, RIGHT), retry = await submit(page, "practice-end");
  check(retry.includes("Passed. Well done."), `the retry passes (${drawn}: ${retry})`);
  check(await text(page, 'form[data-quiz="practice-end"] a.cb-next') === "Go to your completion record", "a pass leads on to the record");
  check(await page.$$eval('form[data-quiz="practice-end"] details.cb-answers:not([open]) fieldset.cb-question', fs => fs.length) === 3, "the answers, folded for review");
  check(await page.$eval('form[data-quiz="practice-end"] button.cb-button--quiet:not([hidden])', b => b.textContent) === "Start a new attempt", "a new attempt is offered quietly");
  check((await page.$$eval('form[data-quiz="practice-end"] .cb-attempts tbody tr', rows => rows.map(r => r.innerText))).length === 2, "both attempts are listed");
  step("assessment failed (sections to re-read, try again), kept over a reload, retried and passed (next step, review, history)");

  for (const url of P.all) await readTo(page, url);
  await visit(page, P.progress);
  const summary = "2 of 2 modules complete: 1.25 of 1.25 CPD hours.";
  check(await text(page, ".cb-summary") === summary, `My progress: ${await text(page, ".cb-summary")}`);
  await page.reload();
  await ready(page);
  check(await text(page, ".cb-summary") === summary, "My progress after a reload");
  step("every module complete on My progress, also after a reload");

  await visit(page, P.record);
  await page.type("#cb-name", "Ana Teacher");
  const sheet = await text(page, ".cb-record");
  check(sheet.includes("Ana Teacher") && sheet.includes("Total CPD time: 1.25 hours (75 minutes)"), `the record: ${sheet}`);
  await visit(page, P.start);
  check(await page.$eval(`${field("welcome-check", "hopes")} textarea`, e => e.value) === "Written in Firefox.", "the reflection is back");
  check((await text(page, `${where} .cb-question__feedback`)).startsWith("✓ Correct."), "the check's feedback is back");
  await visit(page, P.journal);
  check((await text(page, ".cb-view")).includes("Written in Firefox."), "the journal shows the reflection");
  step("completion record with 1.25 CPD hours; reflection, feedback and journal kept");

  if (run.name === "file") {
    const own = await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith("cb:")).length);
    check(own === 0, "progress went through storage.html, not the page's own storage");
    step("progress shared through storage.html");
  }

  // Two tabs on the passed assessment: a new, failed attempt in one shows in the other, and the pass stays.
  await visit(page, P.end);
  const other = await context.newPage();
  other.on("pageerror", error => errors.push(String(error)));
  await visit(other, P.end);
  await page.bringToFront(); // a background tab runs no animation frames, which clicks wait for
  await click(page, 'form[data-quiz="practice-end"] button::-p-text(Start a new attempt)');
  await answerDrawn(page, WRONG);
  check((await submit(page, "practice-end")).includes("Best so far: 100%."), "a failed attempt keeps the best");
  await other.waitForFunction(() => document.querySelector('form[data-quiz="practice-end"] .cb-quiz__result').innerText.includes("Your score: 0%"), {timeout: 10000});
  await visit(other, P.progress);
  check(await text(other, ".cb-summary") === summary, `the pass stays: ${await text(other, ".cb-summary")}`);
  step("two tabs: one tab's attempt shows in the other, the pass stays");
  check(errors.length === 0, `JavaScript errors: ${errors.join("; ")}`);
  await context.close();
}

// A course in two languages (journey with journey-de's files): switch to German mid-module by
// keyboard and back; answers, reflection and reading carry over; the notice on an untranslated page.
async function languages(browser, run) {
  const P = run.pages, context = await browser.createBrowserContext(), page = await context.newPage();
  const errors = [];
  page.on("pageerror", error => errors.push(String(error)));
  const step = message => console.log(`ok - ${run.name}: ${message}`);
  const switchTo = async lang => {
    await page.focus(`nav.cb-langs a[hreflang="${lang}"]`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    await ready(page);
    check(await page.evaluate(() => document.documentElement.lang) === lang, `the page is in ${lang}`);
  };
  await readTo(page, P.welcome);
  await readTo(page, P.start);
  await answer(page, "welcome-check", "where", 0);
  await submit(page, "welcome-check");
  await page.type(`${field("welcome-check", "hopes")} textarea`, "Auf Deutsch weiter.");
  await page.waitForFunction(f => document.querySelector(f + " .cb-reflection__status").textContent.startsWith("Saved at"), {}, field("welcome-check", "hopes"));
  await switchTo("de");
  check(page.url() === P.de.start, `the same page in German (${page.url()})`);
  const where = field("welcome-check", "where");
  check((await text(page, `${where} .cb-question__feedback`)).startsWith("✓ Richtig."), "the answer's feedback, in German");
  check(await page.$eval(`${field("welcome-check", "hopes")} textarea`, e => e.value) === "Auf Deutsch weiter.", "the reflection is there");
  step("switched to German by keyboard on the same page: answer and reflection kept");

  await visit(page, P.de.more);
  check(await text(page, ".cb-fallback") === "Diese Seite ist noch nicht übersetzt. Sie lesen das Original auf Englisch.", "the fallback notice");
  await visit(page, P.de.progress);
  check((await text(page, ".cb-summary")).startsWith("1 von 2 Modulen abgeschlossen"), `German progress: ${await text(page, ".cb-summary")}`);
  await switchTo("en");
  check(page.url() === P.progress, `back on My progress in English (${page.url()})`);
  check((await text(page, ".cb-summary")).startsWith("1 of 2 modules complete"), `English progress: ${await text(page, ".cb-summary")}`);
  step("untranslated page with its notice; progress the same in both languages");
  check(errors.length === 0, `JavaScript errors: ${errors.join("; ")}`);
  await context.close();
}

// Firefox's own default, set as a user value so that the automation defaults do not change it.
await inFirefox(async browser => {
  for (const run of config.runs) await (run.pages.de ? languages : journey)(browser, run);
  return `${config.runs.length} journeys passed`;
}, {"security.fileuri.strict_origin_policy": true});
