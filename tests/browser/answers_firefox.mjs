// Answers across languages in Debian's firefox-esr (puppeteer-core over WebDriver BiDi): a matching
// question and two gaps answered on the German page, shown and graded on the English one.
// tests/browser/test_answers_across_languages.py runs it with the two-language course's URL.
//
//   node tests/browser/answers_firefox.mjs BASE_URL
//
// Prints one line per step; exits 1 at the first step that fails.
import {inFirefox} from "./firefox_run.mjs";

const base = process.argv[2], lesson = "01-basics/01-first/";
const check = (condition, message) => { if (!condition) throw new Error(message); };
const field = qid => `form[data-quiz="basics-check"] fieldset[data-question="${qid}"]`;

async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.cbReady === location.href, {timeout: 20000});
}

const shown = page => page.evaluate(([pairs, gaps]) => ({
  rows: [...document.querySelectorAll(pairs + " .cb-slot")].map(s => s.textContent),
  state: document.querySelector(gaps + ' [data-blank="state"]').selectedOptions[0].text,
  temp: document.querySelector(gaps + ' [data-blank="temp"]').value,
  verdicts: [pairs, gaps].map(f => document.querySelector(f + " .cb-question__feedback").innerText.split(".")[0]),
}), [field("pairs"), field("gaps")]);

async function run(browser) {
  const context = await browser.createBrowserContext(), page = await context.newPage(), errors = [];
  page.on("pageerror", error => errors.push(String(error)));
  const step = message => console.log(`ok - ${message}`);

  await open(page, base + "de/" + lesson);
  const chips = await page.$$eval(field("pairs") + " .cb-chip", cs => cs.map(c => c.textContent));
  check(JSON.stringify(chips) === '["Miau","Wuff"]', `German options: ${JSON.stringify(chips)}`);
  for (const [row, option] of [[0, "Wuff"], [1, "Miau"]]) {
    await page.locator(`${field("pairs")} li[data-index="${row}"] .cb-slot`).click();
    await page.locator(`${field("pairs")} .cb-chip ::-p-text(${option})`).click();
  }
  await page.type(`${field("gaps")} [data-blank="temp"]`, "hundert");
  const flussig = await page.$eval(`${field("gaps")} [data-blank="state"]`, s => [...s.options].find(o => o.text === "flüssig").value);
  await page.select(`${field("gaps")} [data-blank="state"]`, flussig);
  await page.locator('form[data-quiz="basics-check"] button.cb-button--check').click();
  let now = await shown(page);
  check(JSON.stringify(now.verdicts) === '["✓ Richtig","✓ Richtig"]', `German verdicts: ${JSON.stringify(now)}`);
  step("matching and gaps answered in German, right");

  await open(page, base + lesson);
  now = await shown(page);
  check(JSON.stringify(now) === JSON.stringify({rows: ["Bark", "Meow"], state: "liquid", temp: "hundert", verdicts: ["✓ Correct", "✓ Correct"]}),
    `the English page: ${JSON.stringify(now)}`);
  await page.locator('form[data-quiz="basics-check"] button.cb-button--check').click();
  now = await shown(page);
  check(JSON.stringify(now.verdicts) === '["✓ Correct","✓ Correct"]', `checked again in English: ${JSON.stringify(now)}`);
  step("the English page shows the same answers in English words, right, and checks them right again");
  check(errors.length === 0, `JavaScript errors: ${errors.join("; ")}`);
  await context.close();
}

await inFirefox(async browser => { await run(browser); return "answers across languages passed"; });
