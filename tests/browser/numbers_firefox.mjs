// The runtime's number formats in Debian's firefox-esr (tests/browser/test_numbers.py runs it):
// base.js with each language's string table on a page of that language; prints one JSON object,
// language -> for each total of minutes [hours, total, cert_hours, minutes, imported].
//
//   node tests/browser/numbers_firefox.mjs config.json   ({"base": "<base.js source>", "tables": {"de": "<table JSON>"}, "totals": [75]})
import {readFileSync} from "node:fs";
import {inFirefox} from "./firefox_run.mjs";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
await inFirefox(async browser => {
  const page = await browser.newPage();
  const said = {};
  for (const [lang, table] of Object.entries(config.tables)) {
    await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body></body></html>`);
    await page.addScriptTag({content: `window.CB_STRINGS = ${table};`});
    await page.addScriptTag({content: "(() => {" + config.base + "\nwindow.cbT = t; window.cbHours = hours; })();"});
    said[lang] = await page.evaluate(totals => totals.map(m => [cbHours(m),
      cbT("total", {hours: cbHours(m), minutes: m, done: 2, all: 3}),
      cbT("cert_hours", {hours: cbHours(m), minutes: m}),
      cbT("minutes", {n: m}),
      cbT("imported", {n: m, date: "x"})]), config.totals);
  }
  return JSON.stringify(said);
});
