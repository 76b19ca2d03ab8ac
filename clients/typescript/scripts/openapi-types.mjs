// Generates src/openapi.ts from the OpenAPI description a running textopt serves, or checks that the
// committed file is what that description generates today (CI runs the check, so the client's types
// cannot drift from the service).
//
//   node scripts/openapi-types.mjs generate [SOURCE]   (npm run generate -- SOURCE)
//   node scripts/openapi-types.mjs check [SOURCE]      (npm run check-types -- SOURCE)
//
// SOURCE is a textopt base URL (http://localhost:8080), the description's URL, or a saved JSON file;
// without it, TEXTOPT_URL or http://localhost:8080. TEXTOPT_API_KEY is sent as a Bearer key when set.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const target = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "openapi.ts");
const header = `// Generated from textopt's OpenAPI description by \`npm run generate\` (openapi-typescript).
// Do not edit: regenerate it. \`npm run check-types\` fails when it differs from the served description.

`;

async function readDescription(source) {
  if (!/^https?:\/\//.test(source)) {
    return JSON.parse(readFileSync(source, "utf8"));
  }
  const url = new URL(source);
  if (url.pathname === "/" || url.pathname === "") {
    url.pathname = "/v3/api-docs";
  }
  const headers = { Accept: "application/json" };
  if (process.env.TEXTOPT_API_KEY) {
    headers.Authorization = `Bearer ${process.env.TEXTOPT_API_KEY}`;
  }
  const response = await fetch(url, { headers });
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

async function generate(description) {
  // rootTypes: every schema is also exported under its own name (Session, StepResult, ...).
  const ast = await openapiTS(description, {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    alphabetize: true, // the same file whatever order the service lists paths and schemas in
    silent: true,
  });
  return header + astToString(ast);
}

function showDifference(fresh) {
  const dir = mkdtempSync(join(tmpdir(), "textopt-types-"));
  try {
    const served = join(dir, "openapi.served.ts");
    writeFileSync(served, fresh);
    spawnSync("diff", ["-u", target, served], { stdio: "inherit" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, sourceArg] = process.argv.slice(2);
const source = sourceArg ?? process.env.TEXTOPT_URL ?? "http://localhost:8080";
if (mode !== "generate" && mode !== "check") {
  console.error("usage: openapi-types.mjs generate|check [BASE_URL | DESCRIPTION_URL | FILE]");
  process.exit(2);
}
const fresh = await generate(await readDescription(source));
if (mode === "generate") {
  writeFileSync(target, fresh);
  console.log(`wrote ${target} from ${source}`);
} else {
  const committed = readFileSync(target, "utf8");
  if (committed !== fresh) {
    showDifference(fresh);
    console.error(`src/openapi.ts differs from the description served at ${source}: run \`npm run generate -- ${source}\` and commit it`);
    process.exit(1);
  }
  console.log(`src/openapi.ts matches the description served at ${source}`);
}
