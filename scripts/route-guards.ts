// Rewrites SECURITY.md's route table from app/route-guards.ts (the route-guard test checks it).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { routeGuardTable } from "../app/route-guards";

const file = path.resolve(import.meta.dirname, "../SECURITY.md");
const text = readFileSync(file, "utf8");
const marked = /<!-- route-guards:start -->\n(?:[\s\S]*?\n)?<!-- route-guards:end -->/;
if (!marked.test(text)) throw new Error("SECURITY.md lacks the route-guards markers");
writeFileSync(
  file,
  text.replace(
    marked,
    `<!-- route-guards:start -->\n${routeGuardTable()}\n<!-- route-guards:end -->`,
  ),
);
