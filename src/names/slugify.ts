import { normalizeName } from "./normalizeName.ts";

/** The slug part of an id: "Östersunds FK" → "ostersunds-fk". */
export function slugify(name: string): string {
  return normalizeName(name).replace(/ /g, "-");
}
