/** `npm run docs`: rewrites docs/FUNCTIONS.md from scripts/docs/FUNCTIONS.tmpl.md (see functions-doc.ts). */
import { writeFileSync } from "node:fs";
import { renderFunctionsDoc } from "./functions-doc";

writeFileSync("docs/FUNCTIONS.md", renderFunctionsDoc());
console.log("docs/FUNCTIONS.md written");
