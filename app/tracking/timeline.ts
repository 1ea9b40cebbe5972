import { progress, type Status, type Tag } from "./status";

export interface TimelineEntry {
  occurredAt: Date;
  tag: string;
  subtag: string;
}

/**
 * A shipment's status from its checkpoints, whatever order they arrived in: the newest one
 * decides (ties broken by progress), except that once delivered only a newer exception (returned,
 * damaged) can replace Delivered — carriers keep scanning after delivery.
 */
export function currentStatus<T extends TimelineEntry>(checkpoints: T[]): T | null {
  const ordered = [...checkpoints].sort(newestFirst);
  const newest = ordered[0];
  if (!newest) return null;
  const delivered = ordered.find((entry) => entry.tag === "Delivered");
  if (delivered && newest.tag !== "Delivered" && newest.tag !== "Exception") return delivered;
  return newest;
}

export function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  return (
    b.occurredAt.getTime() - a.occurredAt.getTime() ||
    progress(b.tag as Tag) - progress(a.tag as Tag)
  );
}

/** When the parcel started moving: the first scan past label creation. */
export function shippedAt(checkpoints: TimelineEntry[]): Date | null {
  const moving = checkpoints
    .filter((entry) => progress(entry.tag as Tag) >= progress("InTransit"))
    .map((entry) => entry.occurredAt.getTime());
  return moving.length ? new Date(Math.min(...moving)) : null;
}

export function sameStatus(a: Status, b: Status): boolean {
  return a.tag === b.tag && a.subtag === b.subtag;
}
