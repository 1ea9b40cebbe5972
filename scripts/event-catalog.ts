import { readFileSync, writeFileSync } from "node:fs";
import { CAPABILITIES } from "../app/capabilities.server";
import { EVENT_CATALOG, EVENT_TYPES } from "../app/platform/events/catalog";

/**
 * The README's table of domain events, from the catalog and the capabilities' manifests.
 * `tsx scripts/event-catalog.ts` rewrites it (then `npx prettier --write README.md`);
 * scripts/event-catalog.test.ts fails when it drifts.
 */

const START = "<!-- event-catalog:start -->";
const END = "<!-- event-catalog:end -->";

export function catalogRows(): string[][] {
  const emitter = (type: string) =>
    CAPABILITIES.find((capability) => capability.emits?.some((emitted) => emitted === type))
      ?.name ?? "(not emitted yet)";
  return EVENT_TYPES.map((type) => {
    const event = EVENT_CATALOG[type];
    return [
      `\`${type}\``,
      String(event.version),
      event.aggregate,
      emitter(type),
      event.description,
    ];
  });
}

const HEADER = ["event", "version", "aggregate", "emitted by", "meaning"];

/** The table's rows as the README has them, cells trimmed (Prettier pads them). */
export function readmeRows(readme: string): string[][] {
  const table = readme.split(START)[1]?.split(END)[0] ?? "";
  return table
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)));
}

export function expectedRows() {
  return [HEADER, ...catalogRows()];
}

if (process.argv[1]?.endsWith("event-catalog.ts")) {
  const readme = readFileSync("README.md", "utf8");
  const [header, ...rows] = expectedRows();
  const table = [header!, header!.map(() => "---"), ...rows]
    .map((cells) => `| ${cells.join(" | ")} |`)
    .join("\n");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  writeFileSync(
    "README.md",
    `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`,
  );
}
