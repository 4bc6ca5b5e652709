// The one way the Firefox ESR scripts start the browser, run their steps and report: a line
// "not ok - why" and exit status 1 on the first failure (the pytest side reads both).
import puppeteer from "puppeteer-core";

export async function inFirefox(work, extraPrefsFirefox = {}) { // work(browser) -> the line that says what passed
  const browser = await puppeteer.launch({browser: "firefox", executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    headless: true, extraPrefsFirefox});
  let status = 0;
  try {
    console.log(await work(browser));
  } catch (error) {
    console.log(`not ok - ${error.message}`);
    status = 1;
  } finally {
    await browser.close();
  }
  process.exit(status);
}
