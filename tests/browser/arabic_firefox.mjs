// The Arabic site in Debian's firefox-esr on a 360 px phone (puppeteer-core over WebDriver BiDi);
// tests/browser/test_arabic.py runs it and checks what it prints: one JSON object of what Firefox
// shows (direction, strings, feedback, borders, overflow, the record's date, plural forms).
//
//   node tests/browser/arabic_firefox.mjs '{"site": "http://…/cpd/journey-ar/", "base": "<base.js source>"}'
import puppeteer from "puppeteer-core";

const config = JSON.parse(process.argv[2]);
const browser = await puppeteer.launch({browser: "firefox", executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr", headless: true});
const seen = {errors: []};
try {
  const page = await (await browser.createBrowserContext()).newPage();
  page.on("pageerror", error => seen.errors.push(String(error)));
  await page.setViewport({width: 360, height: 800});
  const visit = async url => {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.cbReady === location.href, {timeout: 20000});
  };
  const text = selector => page.$eval(selector, e => e.innerText.trim());
  const quiz = 'form[data-quiz="welcome-check"]', where = `${quiz} fieldset[data-question="where"]`;
  const check = async () => { await page.locator(`${quiz} button.cb-button--check`).click(); return text(`${quiz} .cb-quiz__result`); };

  await visit(config.site + "01-welcome/01-start/");
  seen.root = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  seen.number = await text(`${where} .cb-question__number`);
  seen.unanswered = await check();
  await page.locator(`${where} li[data-index="1"] input`).click();
  await check();
  seen.wrong = await text(`${where} .cb-question__feedback`);
  await page.locator(`${where} li[data-index="0"] input`).click();
  await check();
  seen.right = await text(`${where} .cb-question__feedback`);
  seen.borders = await page.$eval(quiz, e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth].map(parseFloat));
  seen.overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  await visit(config.site + "record/");
  await page.type("#cb-name", "ليلى المعلّمة");
  seen.record = await text(".cb-record");
  seen.recordOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.addScriptTag({content: "(() => {" + config.base + "\nwindow.cbSay = t; })();"});  // the runtime's own t()
  seen.plurals = await page.evaluate(() => [0, 1, 2, 3, 11, 100].map(n => cbSay("imported", {n, date: "x"})));
} catch (error) {
  seen.errors.push(error.message);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
