// Runs the shell's suspend_data codec in Node (tests/scorm/test_suspend_data.py):
//   node codec_cli.mjs CODEC_JS < {"manifest", "texts", "data", "limit"}  ->  {"text", "left", "back"}
import {readFileSync} from "node:fs";
import vm from "node:vm";

vm.runInThisContext(readFileSync(process.argv[2], "utf8"));
const input = JSON.parse(readFileSync(0, "utf8"));
const D = globalThis.CBCodec.dictionary(input.manifest, input.texts);
const packed = await globalThis.CBCodec.pack({d: input.data, t: 1790000000000}, D, input.limit);
const back = packed.text ? await globalThis.CBCodec.decode(packed.text, D) : null;
process.stdout.write(JSON.stringify({text: packed.text, left: packed.left, back}));
