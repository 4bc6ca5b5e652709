// Matching and ordering by keyboard alone in Debian's firefox-esr (puppeteer-core over WebDriver
// BiDi); tests/browser/test_arrange.py runs it with the URL of its page of three questions.
//
//   node tests/browser/arrange_firefox.mjs URL
//
// Prints one line per step; exits 1 at the first step that fails.
import {inFirefox} from "./firefox_run.mjs";

const url = process.argv[2];
const check = (condition, message) => { if (!condition) throw new Error(message); };
const live = (page, qid) => page.$eval(`fieldset[data-question="${qid}"] .cb-live`, e => e.textContent.trim());
const slots = page => page.$$eval('fieldset[data-question="roles"] .cb-slot', ss => ss.map(s => (s.dataset.v ? s.textContent : "")));
const active = page => page.evaluate(() => { const e = document.activeElement; return (e.dataset.v ? e.textContent : e.getAttribute("aria-label")) || ""; });

async function run(browser) {
  const context = await browser.createBrowserContext(), page = await context.newPage(), errors = [];
  page.on("pageerror", error => errors.push(String(error)));
  const step = message => console.log(`ok - ${message}`);
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.cbReady === location.href, {timeout: 20000});

  const roles = 'fieldset[data-question="roles"]';
  await page.focus(`${roles} .cb-slot`);
  await page.keyboard.press("Enter");
  check(await live(page, "roles") === "Choose the option for “A visual timetable on the wall”.", `row pressed: ${await live(page, "roles")}`);
  check((await active(page)).startsWith("A picture of the day"), `the focus is on the first option: ${await active(page)}`);
  await page.keyboard.press("Enter");
  check((await slots(page))[0].startsWith("A picture of the day"), "Enter on the option places it");
  check((await live(page, "roles")).endsWith("placed beside “A visual timetable on the wall”."), `announced: ${await live(page, "roles")}`);
  step("matching: a row, then an option, by keyboard, announced");

  await page.focus(`${roles} li[data-index="1"] .cb-slot`);
  await page.keyboard.press(" ");
  check(!(await active(page)).startsWith("A picture of the day"), "the focus goes to the first option not used yet");
  await page.focus(`${roles} .cb-chip--used`);
  await page.keyboard.press(" "); // the option already used, for the second row: it moves
  const now = await slots(page);
  check(now[0] === "" && now[1].startsWith("A picture of the day"), `an option is used once: ${JSON.stringify(now)}`);
  check((await live(page, "roles")).endsWith("taken off “A visual timetable on the wall”."), `announced: ${await live(page, "roles")}`);
  step("matching: an option already used moves, never doubles");

  const steps = 'fieldset[data-question="steps"]';
  const first = await page.$eval(`${steps} .cb-order > li`, li => li.querySelector(".cb-order__text").textContent);
  await page.focus(`${steps} .cb-order > li .cb-move[data-step="1"]`);
  await page.keyboard.press("Enter");
  await page.keyboard.press(" ");
  check(await live(page, "steps") === `“${first}” moved to position 3 of 4.`, `ordering announced: ${await live(page, "steps")}`);
  check(await active(page) === "Move down", `the focus stays on the button: ${await active(page)}`);
  step("ordering: move buttons by keyboard, each move announced, focus kept");

  await page.focus('form[data-quiz="arrange-check"] button.cb-button--check');
  await page.keyboard.press("Enter");
  const marks = await page.$$eval(`${steps} .cb-row-mark`, ms => ms.map(m => m.textContent));
  check(marks.length === 4 && marks.every(m => /^[✓✗] /.test(m)), `each position marked: ${JSON.stringify(marks)}`);
  step("after checking: each position marked in words");
  check(errors.length === 0, `JavaScript errors: ${errors.join("; ")}`);
  await context.close();
}

await inFirefox(async browser => { await run(browser); return "keyboard path passed"; });
