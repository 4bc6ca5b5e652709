// Parses a GIFT file with gift-pegjs (tests/questions/test_gift.py): node gift_parse.mjs FILE -> JSON
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";

const {parse} = createRequire(import.meta.url)("gift-pegjs");
process.stdout.write(JSON.stringify(parse(readFileSync(process.argv[2], "utf8"))));
