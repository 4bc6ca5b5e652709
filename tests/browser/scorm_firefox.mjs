// The SCORM packages in Debian's firefox-esr (puppeteer-core over WebDriver BiDi) under scorm-again,
// launched from tests/scorm/harness.html as an LMS does; tests/browser/test_scorm_firefox.py runs it.
//
//   node tests/browser/scorm_firefox.mjs '{"runs": [{"name": "scorm12", "harness": URL}, ...]}'
//
// Per standard: first launch (a check, a reflection, an assessment failed then passed), close, what
// the LMS stored; relaunch in a fresh browser context with only that, and everything is back.
// Prints one line per step; exits 1 at the first step that fails.
import {inFirefox} from "./firefox_run.mjs";

const config = JSON.parse(process.argv[2]);
const RIGHT = {boil: true, cat: "Meow", even: [0, 2], sounds: [0, 1]};
const WRONG = {boil: false, cat: "woof", even: [1], sounds: [1, 0]};
const REFLECTION = "Written in Firefox, inside the LMS.";

function check(condition, message) {
  if (!condition) throw new Error(message);
}
const sleep = ms => new Promise(ok => setTimeout(ok, ms));

async function coursePage(page, path) { // the course frame inside the shell, once the runtime is ready
  for (let i = 0; i < 150; i++) {
    for (const f of page.frames()) {
      const url = f.url();
      if (/\/lms\/scorm(12|2004)\//.test(url) && !url.endsWith("/launch.html") && (!path || url.endsWith("/" + path))) {
        try { if (await f.evaluate(() => document.documentElement.dataset.cbReady === location.href)) return f; } catch (_) { /* navigating */ }
      }
    }
    await sleep(100);
  }
  throw new Error(`no course page ${path}`);
}
const shell = page => page.frames().find(f => f.url().endsWith("/launch.html"));

async function go(page, path) {
  await shell(page).evaluate(p => { document.querySelector("iframe.cb-lms-frame").src = p; }, path);
  return coursePage(page, path);
}

const field = (quiz, qid) => `form[data-quiz="${quiz}"] fieldset[data-question="${qid}"]`;
async function answer(frame, qid, value) {
  const f = field("practice-end", qid);
  if (qid === "boil") await frame.locator(`${f} input[value="${value ? 0 : 1}"]`).click();
  else if (qid === "cat") await frame.type(`${f} input[type=text]`, value);
  else if (qid === "even") for (const i of value) await frame.locator(`${f} li[data-index="${i}"] input`).click();
  else if (qid === "sounds") for (const [i, v] of value.entries()) { await frame.locator(`${f} li[data-index="${i}"] .cb-slot`).click(); await frame.locator(`${f} .cb-chip[data-v="${v}"]`).click(); }
}
async function attempt(frame, table) {
  const ids = await frame.$$eval('form[data-quiz="practice-end"] fieldset.cb-question:not([hidden])', fs => fs.map(f => f.dataset.question));
  for (const id of ids) await answer(frame, id, table[id]);
  await frame.locator('form[data-quiz="practice-end"] button.cb-button--check').click();
  return frame.$eval('form[data-quiz="practice-end"] .cb-quiz__result', e => e.innerText);
}

async function launch(browser, run, preload) {
  const context = await browser.createBrowserContext(), page = await context.newPage(), errors = [];
  page.on("pageerror", error => errors.push(String(error)));
  await page.evaluateOnNewDocument(p => { window.CB_LMS_PRELOAD = p; }, preload);
  await page.goto(run.harness);
  await coursePage(page, null);
  return {context, page, errors};
}

async function close(page) {
  await page.evaluate(() => document.getElementById("sco").remove());
  await page.waitForFunction(() => lms.finished === 1, {timeout: 10000});
  return page.evaluate(() => lms.stored);
}

async function journey(browser, run) {
  const v4 = run.name === "scorm2004", step = m => console.log(`ok - ${run.name}: ${m}`);
  const who = v4 ? {learner_id: "t-7", learner_name: "Okafor, Ada"} : {core: {student_id: "t-7", student_name: "Okafor, Ada"}};
  let {context, page, errors} = await launch(browser, run, who);
  check(await page.evaluate(() => lms.initialized) === 1, "initialised once");
  await go(page, "01-welcome/index.html");
  let start = await go(page, "01-welcome/01-start.html");
  await start.locator(`${field("welcome-check", "where")} li[data-index="0"] input`).click();
  await start.locator('form[data-quiz="welcome-check"] button.cb-button--check').click();
  await start.type(`${field("welcome-check", "hopes")} textarea`, REFLECTION);
  await start.waitForFunction(f => document.querySelector(f + " .cb-reflection__status").textContent.startsWith("Saved at"), {}, field("welcome-check", "hopes"));
  let end = await go(page, "02-practice/practice-end.html");
  check((await attempt(end, WRONG)).includes("Not passed yet"), "first attempt fails");
  await end.locator('form[data-quiz="practice-end"] button::-p-text(Try again)').click();
  check((await attempt(end, RIGHT)).includes("Passed"), "second attempt passes");
  await sleep(700);
  const stored = await close(page);
  check(errors.length === 0, `JavaScript errors: ${errors.join("; ")}`);
  await context.close();
  const suspend = stored.suspend_data;
  check(suspend.startsWith("C2") && suspend.length <= 4096, "suspend_data in the codec's format, within 4,096 characters");
  if (v4) {
    check(stored.completion_status === "incomplete" && stored.success_status === "passed", `2004 status: ${stored.completion_status}/${stored.success_status}`);
    check(stored.score.scaled === "1" && stored.location === "02-practice/practice-end.md", "2004 score and location");
    check(Object.keys(stored.interactions).length === 6, "six interactions: two attempts of three questions");
  } else {
    check(stored.core.lesson_status === "incomplete" && stored.core.score.raw === "100", `1.2 status ${stored.core.lesson_status}, score ${stored.core.score.raw}`);
    check(stored.core.lesson_location === "02-practice/practice-end.md" && stored.core.exit === "suspend", "1.2 location and exit");
  }
  step("first launch: check, reflection, assessment failed then passed; the LMS stored status, score, location, suspend_data");

  const again = v4 ? Object.assign({}, who, {location: stored.location, suspend_data: suspend})
    : {core: Object.assign({}, who.core, {lesson_location: stored.core.lesson_location}), suspend_data: suspend};
  ({context, page, errors} = await launch(browser, run, again));
  end = await coursePage(page, "02-practice/practice-end.html");
  check((await end.$eval('form[data-quiz="practice-end"] .cb-quiz__result', e => e.innerText)).includes("Passed"), "relaunch resumes on the assessment, passed");
  const journal = await go(page, "journal.html");
  check((await journal.$eval(".cb-journal__text", e => e.innerText)).includes(REFLECTION), "the reflection is back");
  start = await go(page, "01-welcome/01-start.html");
  check(await start.$eval(`${field("welcome-check", "where")} input[value="0"]`, e => e.checked), "the check's answer is back");
  const record = await go(page, "record.html");
  check((await record.$eval(".cb-record__name", e => e.innerText)).includes("Ada Okafor"), "the LMS's learner name is on the record");
  await close(page);
  check(errors.length === 0, `JavaScript errors: ${errors.join("; ")}`);
  await context.close();
  step("relaunch in a fresh profile: answers, attempts, reflection, page and name restored from the LMS");
}

await inFirefox(async browser => {
  for (const run of config.runs) await journey(browser, run);
  return `${config.runs.length} journeys passed`;
});
